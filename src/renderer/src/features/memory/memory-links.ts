import type { MemoryItem } from '@contract/memory'
import { formatRoute, projectRef } from '@contract/routes'

/** Where a search or "seen before" result leads in the app: its project, at the claim. */
export function itemRoute(item: MemoryItem, projectsDir: string): string | null {
  if (item.kind === 'review') return null
  return formatRoute({ project: projectRef(item.path, projectsDir), claim: item.kind === 'claim' ? item.itemId : null })
}

export const KIND_LABELS: Record<MemoryItem['kind'], string> = {
  claim: 'Claim',
  source: 'Source',
  article: 'Article',
  review: 'Published fact-check',
}

/** Where an item comes from, as one line: the project or archive, the outlet, the date. */
export function itemOrigin(item: MemoryItem): string {
  const where = item.kind === 'review' ? `Archive “${item.container}”` : `“${item.container}”`
  return [where, item.outlet, item.date].filter(Boolean).join(' · ')
}

import type { MemoryItem } from '@contract/memory'
import { formatRoute, projectRef } from '@contract/routes'
import type { TFunction } from 'i18next'
import { formatDate } from '../../components/format'

/** Where a search or "seen before" result leads in the app: its project, at the claim. */
export function itemRoute(item: MemoryItem, projectsDir: string): string | null {
  if (item.kind === 'review') return null
  return formatRoute({ project: projectRef(item.path, projectsDir), claim: item.kind === 'claim' ? item.itemId : null })
}

/** Where an item comes from, as one line: the project or archive, the outlet, the date. */
export function itemOrigin(item: MemoryItem, t: TFunction): string {
  const where = t(item.kind === 'review' ? 'memory.archiveOrigin' : 'memory.projectOrigin', { name: item.container })
  return [where, item.outlet, item.date && formatDate(item.date)].filter(Boolean).join(' · ')
}

import type { ProjectSummary } from '@contract/api'
import { countOf, formatCount } from '../../components/format'

/** "2 of 5 accepted claims done · 8,724 suggestions to review": both counts, so neither reads as the whole. */
export function progressLabel(summary: Pick<ProjectSummary, 'progress' | 'byStatus'>): string {
  const { done, total } = summary.progress
  const suggested = summary.byStatus.suggested
  const parts = [
    total ? `${formatCount(done)} of ${countOf(total, 'accepted claim')} done` : '',
    suggested ? `${countOf(suggested, 'suggestion')} to review` : '',
  ].filter(Boolean)
  return parts.join(' · ') || 'No claims yet'
}

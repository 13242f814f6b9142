import type { ProjectSummary } from '@contract/api'
import type { Translate } from '@domain/translate'

/** "2 of 5 accepted claims done · 8,724 suggestions to review": both counts, so neither reads as the whole. */
export function progressLabel(summary: Pick<ProjectSummary, 'progress' | 'byStatus'>, t: Translate): string {
  const { done, total } = summary.progress
  const suggested = summary.byStatus.suggested
  const parts = [
    total ? t('library.progressDone', { done, total }) : '',
    suggested ? t('library.progressSuggested', { count: suggested }) : '',
  ].filter(Boolean)
  return parts.join(' · ') || t('library.noClaimsYet')
}

import type { Project } from '../project/schema'
import type { Translator } from '../translate'
import type { ReportModel } from './model'

/** The calendar day of a timestamp in the report's language, in UTC so every reader sees the same day. */
function day(iso: string, language: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10)
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

/**
 * The article's version history as sentences for a report, in the report's language: when each
 * newer version replaced the one before, which claims it removed (by their words: they are no
 * longer numbered) and which of the report's claims it changed (by their number). Empty when the
 * article was never re-imported.
 */
export function versionHistory(project: Project, model: Pick<ReportModel, 'claims'>, { t, language }: Translator): string[] {
  const latest = project.evidence.versions.length + 1
  return project.evidence.versions.map((version) => {
    const next = version.number + 1
    const parts = [t('report.versions.replaced', { next, previous: version.number, date: day(version.replacedAt, language) })]
    for (const claim of version.removedClaims) parts.push(t('report.versions.removed', { text: claim.text }))
    if (next === latest) {
      for (const row of model.claims) {
        if (row.claim.anchor?.state === 'changed')
          parts.push(t('report.versions.changed', { number: row.number, previous: row.claim.anchor.previousText }))
      }
    }
    return t('report.versions.sentence', { parts: parts.join(t('report.versions.separator')) })
  })
}

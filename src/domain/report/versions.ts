import type { Project } from '../project/schema'
import type { ReportModel } from './model'

const day = (iso: string): string => iso.slice(0, 10)

/**
 * The article's version history as sentences for a report: when each newer version replaced the
 * one before, which claims it removed (by their words: they are no longer numbered) and which of
 * the report's claims it changed (by their number). Empty when the article was never re-imported.
 */
export function versionHistory(project: Project, model: Pick<ReportModel, 'claims'>): string[] {
  const latest = project.evidence.versions.length + 1
  return project.evidence.versions.map((version) => {
    const next = version.number + 1
    const parts = [
      `The article was edited after it was first checked: version ${next} replaced version ${version.number} on ${day(version.replacedAt)}`,
    ]
    for (const claim of version.removedClaims) parts.push(`the claim “${claim.text}” was removed`)
    if (next === latest) {
      for (const row of model.claims) {
        if (row.claim.anchor?.state === 'changed')
          parts.push(`claim ${row.number} was changed (it read “${row.claim.anchor.previousText}”)`)
      }
    }
    return `${parts.join('; ')}.`
  })
}

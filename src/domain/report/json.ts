import type { ClaimStatus, RatingLabel } from '../project/schema'
import type { ClaimSelection, ReportModel } from './model'

/** Bumped whenever a field changes meaning or disappears; new fields may appear within a version. */
export const REPORT_VERSION = 1

/** The JSON report, documented field by field in docs/report-json.md. */
export interface JsonReport {
  reportVersion: typeof REPORT_VERSION
  generator: 'Factdesk'
  generatedAt: string
  organisation: { name: string; url: string }
  selection: { claims: ClaimSelection; includeArticle: boolean }
  project: { id: string; createdAt: string; updatedAt: string }
  /** `text` is null when the article was left out of the report. */
  article: { title: string; outlet: string; author: string; url: string; publishedAt: string; language: string; text: string | null }
  ratingScale: { id: string; name: string; labels: RatingLabel[] }
  summary: {
    claims: number
    claimsInProject: number
    withVerdict: number
    withoutVerdict: number
    byVerdict: { id: string; label: string; count: number }[]
    byStatus: Record<ClaimStatus, number>
  }
  claims: JsonReportClaim[]
}

export interface JsonReportClaim {
  number: number
  id: string
  text: string
  start: number
  end: number
  status: ClaimStatus
  verdict: { id: string; label: string; value: number | null } | null
  rationale: string
  checker: string
  createdAt: string
  updatedAt: string
  sources: JsonReportSource[]
}

export interface JsonReportSource {
  id: string
  url: string
  title: string
  publisher: string
  date: string
  excerpt: string
  archiveUrl: string
}

/**
 * Claim notes, check-worthiness scores, source reliability notes and attachment paths stay out:
 * they are the desk's working material (and paths reveal the checker's disk), not the report.
 */
export function jsonReport(model: ReportModel): JsonReport {
  const { project, options } = model
  const { article, ratingScale } = project
  return {
    reportVersion: REPORT_VERSION,
    generator: 'Factdesk',
    generatedAt: options.generatedAt,
    organisation: { name: options.organisation.name, url: options.organisation.url },
    selection: { claims: options.claims, includeArticle: options.includeArticle },
    project: { id: project.id, createdAt: project.createdAt, updatedAt: project.updatedAt },
    article: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedAt: article.publishedAt,
      language: article.language,
      text: options.includeArticle ? article.text : null,
    },
    ratingScale: { id: ratingScale.id, name: ratingScale.name, labels: ratingScale.labels },
    summary: {
      claims: model.claims.length,
      claimsInProject: project.claims.length,
      withVerdict: model.claims.length - model.unrated,
      withoutVerdict: model.unrated,
      byVerdict: model.byVerdict.map(({ label, count }) => ({ id: label.id, label: label.label, count })),
      byStatus: Object.fromEntries(model.byStatus.map((s) => [s.status, s.count])) as Record<ClaimStatus, number>,
    },
    claims: model.claims.map(({ number, claim, verdict, sources }) => ({
      number,
      id: claim.id,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      status: claim.status,
      verdict: verdict && { id: verdict.id, label: verdict.label, value: verdict.value },
      rationale: claim.rationale,
      checker: claim.checker,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
      sources: sources.map((s) => ({
        id: s.id,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        excerpt: s.excerpt,
        archiveUrl: s.archiveUrl,
      })),
    })),
  }
}

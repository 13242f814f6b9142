import type { Appearance, Claimant, ClaimStatus, RatingLabel } from '../project/schema'
import { appearancesOf, attachmentName, claimDateOf, statusLabel, type ClaimSelection, type ReportModel } from './model'
import { versionHistory } from './versions'

/** Bumped whenever a field changes meaning or disappears; new fields may appear within a version. */
export const REPORT_VERSION = 1

/** The JSON report, documented field by field in docs/report-json.md. */
export interface JsonReport {
  reportVersion: typeof REPORT_VERSION
  generator: 'Factdesk'
  generatedAt: string
  organisation: { name: string; url: string; logo: string }
  /** Where and when the fact check is published, as remembered with the project. */
  publication: { reviewUrl: string; publishedAt: string }
  selection: { claims: ClaimSelection; includeArticle: boolean }
  /** The project requires a second checker's review: only approved claims are listed; `awaitingApproval` were left out. */
  review: { required: boolean; awaitingApproval: number }
  project: { id: string; createdAt: string; updatedAt: string }
  /** `text` is null when the article was left out of the report; `version` is 1 until a newer version was imported. */
  article: {
    title: string
    outlet: string
    author: string
    url: string
    publishedAt: string
    language: string
    text: string | null
    version: number
  }
  /** The article's earlier versions, oldest first (empty when it was never re-imported). */
  articleVersions: JsonArticleVersion[]
  /** The same history as sentences in the report's language, as the HTML and Markdown reports print it. */
  versionHistory: string[]
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
  /** The status as the checker reads it ("In progress"). */
  statusLabel: string
  verdict: { id: string; label: string; value: number | null } | null
  rationale: string
  checker: string
  /** Who made the claim; null when the checker has not named them. */
  claimant: Claimant | null
  /** When the claim was made: its own date, else the article's. */
  claimDate: string
  /** Every place the claim appeared, the article first. */
  appearances: Appearance[]
  /** The short statement published as ClaimReview's `claimReviewed`. */
  claimReviewed: string
  createdAt: string
  updatedAt: string
  /**
   * Where the claim stands after the article's latest version was imported: unchanged, moved, or
   * changed (with the words it had before); null when the article was never re-imported.
   */
  articleEdit: { version: number; state: 'unchanged' | 'moved' | 'changed'; previousText: string | null } | null
  sources: JsonReportSource[]
}

export interface JsonArticleVersion {
  number: number
  /** When the next version replaced it, as Factdesk took it in: the article was edited on or before then. */
  replacedAt: string
  /** The SHA-256 of its text as normalised into the project ('' for a project made before texts were hashed). */
  textSha256: string
  /** Its text; null when the article was left out of the report. */
  text: string | null
  /** The claims the next version no longer has, with the verdict they had. */
  removedClaims: { id: string; text: string; verdict: { id: string; label: string } | null }[]
}

export interface JsonReportSource {
  id: string
  url: string
  title: string
  publisher: string
  date: string
  excerpt: string
  archiveUrl: string
  reliability: string
  accessedAt: string
  /** The attached file's name and SHA-256, so a reader can ask for it and tell it is the same file. */
  attachment: { name: string; sha256: string } | null
}

/**
 * Claim notes, check-worthiness scores and attachment folders stay out: they are the desk's
 * working material (and paths reveal the checker's disk), not the report.
 */
export function jsonReport(model: ReportModel): JsonReport {
  const { project, options } = model
  const { article, ratingScale } = project
  const labels = new Map(ratingScale.labels.map((label) => [label.id, label]))
  return {
    reportVersion: REPORT_VERSION,
    generator: 'Factdesk',
    generatedAt: options.generatedAt,
    organisation: { name: options.organisation.name, url: options.organisation.url, logo: options.organisation.logo ?? '' },
    publication: {
      reviewUrl: options.reviewUrl ?? project.publication.reviewUrl,
      publishedAt: options.reviewDate ?? project.publication.publishedAt,
    },
    selection: { claims: options.claims, includeArticle: options.includeArticle },
    review: { required: model.review.required, awaitingApproval: model.review.awaiting },
    project: { id: project.id, createdAt: project.createdAt, updatedAt: project.updatedAt },
    article: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedAt: article.publishedAt,
      language: article.language,
      text: options.includeArticle ? article.text : null,
      version: project.evidence.versions.length + 1,
    },
    articleVersions: project.evidence.versions.map((version) => ({
      number: version.number,
      replacedAt: version.replacedAt,
      textSha256: version.origin.textSha256,
      text: options.includeArticle ? version.text : null,
      removedClaims: version.removedClaims.map((claim) => {
        const verdict = claim.verdict === null ? undefined : labels.get(claim.verdict)
        return { id: claim.id, text: claim.text, verdict: verdict ? { id: verdict.id, label: verdict.label } : null }
      }),
    })),
    versionHistory: versionHistory(project, model, options.translator),
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
      statusLabel: statusLabel(claim.status, model.options.translator.t),
      verdict: verdict && { id: verdict.id, label: verdict.label, value: verdict.value },
      rationale: claim.rationale,
      checker: claim.checker,
      claimant: claim.claimant,
      claimDate: claimDateOf(claim, project),
      appearances: appearancesOf(claim, project),
      claimReviewed: claim.claimReviewed || claim.text,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
      articleEdit: claim.anchor
        ? {
            version: claim.anchor.version,
            state: claim.anchor.state,
            previousText: claim.anchor.state === 'changed' ? claim.anchor.previousText : null,
          }
        : null,
      sources: sources.map((s) => ({
        id: s.id,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        excerpt: s.excerpt,
        archiveUrl: s.archiveUrl,
        reliability: s.reliability,
        accessedAt: s.accessedAt,
        attachment: s.attachment ? { name: attachmentName(s), sha256: s.attachmentSha256 } : null,
      })),
    })),
  }
}

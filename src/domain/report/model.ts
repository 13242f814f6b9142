import { isPublishable } from '../project/team-ops'
import {
  CLAIM_STATUSES,
  type Appearance,
  type Claim,
  type Claimant,
  type ClaimStatus,
  type Project,
  type RatingLabel,
  type Source,
} from '../project/schema'

/**
 * Which claims a report covers.
 * - `all`: every claim in the project, suggestions and dismissed ones included, each with its
 *   status: the complete working record, for an editor reviewing the whole desk's work.
 * - `accepted`: every claim the checker took on, i.e. neither `suggested` nor `dismissed`.
 * - `done`: only claims whose status is `done`.
 */
export type ClaimSelection = 'all' | 'accepted' | 'done'
export const CLAIM_SELECTIONS: readonly ClaimSelection[] = ['all', 'accepted', 'done']

export interface ReportOptions {
  claims: ClaimSelection
  /** Adds the article text with the reported claims highlighted (HTML, PDF, Markdown, JSON). */
  includeArticle: boolean
  /** Who publishes the fact check (the settings' organisation); ClaimReview's `author`. */
  organisation: { name: string; url: string; logo?: string }
  /** ISO timestamp of the export, passed in so that output is reproducible. */
  generatedAt: string
  /**
   * Where the fact check is (or will be) published, ClaimReview's `url`; given on the command line,
   * it wins over the address remembered in the project.
   */
  reviewUrl?: string
  /** When the fact check is (or was) published, ClaimReview's `datePublished`; as `reviewUrl`. */
  reviewDate?: string
}

export interface ReportClaim {
  /** 1-based position in the report, which lists claims in article order. */
  number: number
  claim: Claim
  verdict: RatingLabel | null
  sources: Source[]
}

export interface ReportModel {
  project: Project
  options: ReportOptions
  claims: ReportClaim[]
  /** Every scale label in scale order with how many reported claims carry it. */
  byVerdict: { label: RatingLabel; count: number }[]
  /** Reported claims without a verdict. */
  unrated: number
  /** Every status in workflow order with how many reported claims have it. */
  byStatus: { status: ClaimStatus; count: number }[]
  /**
   * The project requires a second checker's review: only approved claims are in the report, and
   * `awaiting` counts the selected ones left out until someone approves them.
   */
  review: { required: boolean; awaiting: number }
  warnings: string[]
}

export { STATUS_LABELS } from '../project/ops'

export const SELECTION_DESCRIPTIONS: Record<ClaimSelection, string> = {
  all: 'All claims, including suggestions and dismissed ones',
  accepted: 'Claims accepted for checking; suggestions and dismissed claims left out',
  done: 'Checked claims only (status Done)',
}

function isSelected(claim: Claim, selection: ClaimSelection): boolean {
  if (selection === 'all') return true
  if (selection === 'done') return claim.status === 'done'
  return claim.status !== 'suggested' && claim.status !== 'dismissed'
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "Ben Asante, Councillor", for the reports' claim details. */
export function claimantLine(claimant: Claimant): string {
  return [claimant.name, claimant.role].filter(Boolean).join(', ')
}

/** When the claim was made: its own date, else the article's (empty when neither is known). */
export function claimDateOf(claim: Claim, project: Project): string {
  return claim.claimDate || project.article.publishedAt
}

/** Every place the claim appeared: the article first, then those the checker added. */
export function appearancesOf(claim: Claim, project: Project): Appearance[] {
  const { article } = project
  const own: Appearance = {
    url: article.url,
    title: article.title,
    publisher: article.outlet,
    author: article.author,
    date: article.publishedAt,
  }
  return [own, ...claim.appearances]
}

/** The last part of an attachment's path: its file name, without the checker's folders. */
export function attachmentName(source: Source): string {
  return source.attachment.split(/[\\/]/).pop() ?? ''
}

/**
 * What every format reports: the selected claims in article order (the order a reader meets them),
 * with their verdict label and sources looked up, and the counts for the summary.
 */
export function buildReportModel(project: Project, options: ReportOptions): ReportModel {
  const labels = new Map(project.ratingScale.labels.map((label) => [label.id, label]))
  const sources = new Map(project.sources.map((source) => [source.id, source]))
  const selected = project.claims.filter((claim) => isSelected(claim, options.claims))
  const publishable = selected.filter((claim) => isPublishable(project, claim))
  const review = { required: project.team.requireReview, awaiting: selected.length - publishable.length }
  const claims = publishable
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id))
    .map((claim, i) => ({
      number: i + 1,
      claim,
      verdict: (claim.verdict === null ? undefined : labels.get(claim.verdict)) ?? null,
      sources: claim.sourceIds.flatMap((id) => sources.get(id) ?? []),
    }))
  const byVerdict = project.ratingScale.labels.map((label) => ({
    label,
    count: claims.filter((c) => c.verdict?.id === label.id).length,
  }))
  const byStatus = CLAIM_STATUSES.map((status) => ({ status, count: claims.filter((c) => c.claim.status === status).length }))
  const warnings: string[] = []
  if (review.awaiting > 0) warnings.push(reviewNote(review.awaiting))
  if (claims.length === 0) {
    warnings.push(`No claims match “${SELECTION_DESCRIPTIONS[options.claims]}”; the report has no claims.`)
  }
  const unsourced = claims.filter((c) => c.verdict !== null && c.sources.length === 0).length
  if (unsourced > 0) warnings.push(`${plural(unsourced, 'claim')} with a verdict ${unsourced === 1 ? 'cites' : 'cite'} no source.`)
  return { project, options, claims, byVerdict, unrated: claims.filter((c) => c.verdict === null).length, byStatus, review, warnings }
}

/** What a report says when the project requires review: that it holds only approved claims, and how many wait. */
export function reviewNote(awaiting: number): string {
  return `This project requires a second checker’s review: only approved claims are included; ${plural(awaiting, 'claim')} awaiting approval ${awaiting === 1 ? 'was' : 'were'} left out.`
}

/** The report's line about review, or null when the project does not require it. */
export function reviewLine(model: Pick<ReportModel, 'review'>): string | null {
  if (!model.review.required) return null
  return model.review.awaiting > 0
    ? reviewNote(model.review.awaiting)
    : 'This project requires a second checker’s review: every claim here was approved.'
}

/** The calendar day of an ISO timestamp, as written (in its own offset). */
export function isoDay(timestamp: string): string {
  return timestamp.slice(0, 10)
}

/** "2026-11-27 14:05 UTC" from an ISO timestamp; anything unexpected is shown as given. */
export function formatTimestamp(timestamp: string): string {
  return timestamp.replace(
    /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    (_, day: string, time: string, zone: string) => `${day} ${time} UTC${zone === 'Z' ? '' : zone}`,
  )
}

export function percent(count: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((count / total) * 100)}%`
}

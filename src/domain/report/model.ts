import { isPublishable } from '../project/team-ops'
import {
  CLAIM_STATUSES,
  type Appearance,
  type Claim,
  type Claimant,
  type ClaimStatus,
  type Project,
  type RatingLabel,
  type RatingScale,
  type Source,
} from '../project/schema'
import { ratingScalePreset } from '../project/rating-scales'
import type { Translate, Translator } from '../translate'

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
  /**
   * The language the report is written in, chosen apart from the app's (a desk may work in
   * Ukrainian and publish in English); ClaimReview's `inLanguage` stays the article's language.
   */
  translator: Translator
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

/** What a claim selection covers, as the report's header says it. */
export function selectionDescription(selection: ClaimSelection, t: Translate): string {
  return t(`report.selection.${selection}`)
}

/** A status as the reader of the report reads it ("В роботі"). */
export function statusLabel(status: ClaimStatus, t: Translate): string {
  return t(`status.${status}`)
}

/**
 * The scale's labels in the report's language: a preset's label is translated where the scale's
 * owner publishes a translation (the catalogue then has `label`), else kept as published, and its
 * description is translated; a label the checker changed, and every custom scale, stay the checker's own.
 */
export function localiseScale(scale: RatingScale, t: Translate): RatingScale {
  const preset = ratingScalePreset(scale.id)
  if (!preset) return scale
  const name = preset.name === scale.name ? t(`scales.${scale.id}.name`, { defaultValue: scale.name }) : scale.name
  const labels = scale.labels.map((label) => {
    const published = preset.labels.find((l) => l.id === label.id)
    if (!published || published.label !== label.label || published.description !== label.description) return label
    const key = `scales.${scale.id}.labels.${label.id}`
    return {
      ...label,
      label: t(`${key}.label`, { defaultValue: label.label }),
      description: t(`${key}.description`, { defaultValue: label.description }),
    }
  })
  return { ...scale, name, labels }
}

export function isSelected(claim: Claim, selection: ClaimSelection): boolean {
  if (selection === 'all') return true
  if (selection === 'done') return claim.status === 'done'
  return claim.status !== 'suggested' && claim.status !== 'dismissed'
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
export function buildReportModel(original: Project, options: ReportOptions): ReportModel {
  const { t } = options.translator
  const project = { ...original, ratingScale: localiseScale(original.ratingScale, t) }
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
  if (review.awaiting > 0) warnings.push(reviewNote(review.awaiting, t))
  if (claims.length === 0) {
    warnings.push(t('report.warning.noClaims', { selection: selectionDescription(options.claims, t) }))
  }
  const unsourced = claims.filter((c) => c.verdict !== null && c.sources.length === 0).length
  if (unsourced > 0) warnings.push(t('report.warning.unsourced', { count: unsourced }))
  return { project, options, claims, byVerdict, unrated: claims.filter((c) => c.verdict === null).length, byStatus, review, warnings }
}

/** What a report says when the project requires review: that it holds only approved claims, and how many wait. */
export function reviewNote(awaiting: number, t: Translate): string {
  return t('report.review.awaiting', { count: awaiting })
}

/** The report's line about review, or null when the project does not require it. */
export function reviewLine(model: Pick<ReportModel, 'review'>, t: Translate): string | null {
  if (!model.review.required) return null
  return model.review.awaiting > 0 ? reviewNote(model.review.awaiting, t) : t('report.review.allApproved')
}

/** The calendar day of an ISO timestamp, as written (in its own offset). */
export function isoDay(timestamp: string): string {
  return timestamp.slice(0, 10)
}

/**
 * A day as the report's language writes it ("May 23, 2025", "23 травня 2025 р."); a month or a year
 * alone ("2025-05", "2025": what a checker may know of a claim's date) as far as it goes; anything
 * else as given, so nothing a checker typed is lost in formatting.
 */
export function formatDay(date: string, language: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!match) return date
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part === undefined ? undefined : Number(part)))
  const when = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1))
  if (when.getUTCMonth() !== (month ?? 1) - 1 || when.getUTCDate() !== (day ?? 1)) return date
  const parts: Intl.DateTimeFormatOptions =
    day !== undefined ? { dateStyle: 'long' } : month !== undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric' }
  return new Intl.DateTimeFormat(language, { ...parts, timeZone: 'UTC' }).format(when)
}

/**
 * "27 November 2026, 14:05 UTC" (en), "27 листопада 2026 р. о 14:05 UTC" (uk) from an ISO
 * timestamp, in UTC so that every reader sees the same time; anything unexpected is shown as given.
 */
export function formatTimestamp(timestamp: string, language: string): string {
  const date = new Date(timestamp)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(date.getTime())) return timestamp
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`
}

/** A whole number with the language's digit grouping ("8,724", "8 724"). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value)
}

/** "38%" (en), "38 %" (uk): a share of the reported claims, rounded to whole percent. */
export function percent(count: number, total: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(total === 0 ? 0 : count / total)
}

import type { Project } from '../project/schema'
import { claimReviews } from './claimreview'
import { renderCsvTable } from './csv'
import { renderHtmlDocument } from './html'
import { jsonReport } from './json'
import { renderMarkdownDocument } from './markdown'
import { webAnnotations } from './web-annotation'
import { buildReportModel, selectionDescription, type ReportOptions } from './model'
import type { Translate } from '../translate'

export { defaultSelection, isReportFormat, REPORT_FORMATS, type ReportFormat, type TextReportFormat } from './formats'
import { REPORT_FORMATS, type TextReportFormat } from './formats'

export interface RenderedReport {
  content: string
  mimeType: string
  extension: string
  /** Things the checker should know before sending the report (left-out claims, missing settings). */
  warnings: string[]
  /** What publishing the report needs and it lacks (ClaimReview's required fields); empty when it is complete. */
  missing: string[]
}

function rendered(format: TextReportFormat, content: string, warnings: string[], missing: string[] = []): RenderedReport {
  const { mimeType, extension } = REPORT_FORMATS[format]
  return { content, mimeType, extension, warnings, missing }
}

/** Self-contained HTML; also what the PDF is printed from. */
export function renderHtml(project: Project, options: ReportOptions): RenderedReport {
  const model = buildReportModel(project, options)
  return rendered('html', renderHtmlDocument(model), model.warnings)
}

export function renderMarkdown(project: Project, options: ReportOptions): RenderedReport {
  const model = buildReportModel(project, options)
  return rendered('md', renderMarkdownDocument(model), model.warnings)
}

export function renderCsv(project: Project, options: ReportOptions): RenderedReport {
  const model = buildReportModel(project, options)
  return rendered('csv', renderCsvTable(model), model.warnings)
}

export function renderJson(project: Project, options: ReportOptions): RenderedReport {
  const model = buildReportModel(project, options)
  return rendered('json', `${JSON.stringify(jsonReport(model), null, 2)}\n`, model.warnings)
}

/**
 * A JSON array of ClaimReview objects, one per reported claim with a verdict (`missing` names what
 * publishing needs and they lack). It is meant to be pasted into a `<script type="application/ld+json">`
 * element, where a claim quoting "</script>" would end the element early; so "<", ">" and "&"
 * (and the JavaScript line separators) are written as \u escapes, which every JSON parser reads
 * back as the same characters.
 */
export function renderClaimReview(project: Project, options: ReportOptions): RenderedReport {
  const model = buildReportModel(project, options)
  const { reviews, warnings, missing } = claimReviews(model)
  const json = JSON.stringify(reviews, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  const { t } = options.translator
  // "No claims match" is said by `missing` here, which names the claim with a verdict it needs.
  const noClaims = t('report.warning.noClaims', { selection: selectionDescription(options.claims, t) })
  const kept = model.warnings.filter((w) => w !== noClaims)
  return rendered('claimreview', `${json}\n`, [...kept, ...warnings], missing)
}

/** A JSON array of W3C Web Annotations, one per reported claim (see web-annotation.ts). */
export function renderWebAnnotations(project: Project, options: ReportOptions): RenderedReport {
  const model = buildReportModel(project, options)
  const { annotations, warnings } = webAnnotations(model)
  return rendered('annotations', `${JSON.stringify(annotations, null, 2)}\n`, [...model.warnings, ...warnings])
}

/** The sentence a refused ClaimReview export answers with, naming each missing field. */
export function missingMessage(missing: readonly string[], t: Translate, advice = t('report.cr.adviceDefault')): string {
  return t('report.cr.refused', { missing: missing.join('; '), advice })
}

const RENDERERS: Record<TextReportFormat, (project: Project, options: ReportOptions) => RenderedReport> = {
  html: renderHtml,
  md: renderMarkdown,
  csv: renderCsv,
  json: renderJson,
  claimreview: renderClaimReview,
  annotations: renderWebAnnotations,
}

export function renderReport(project: Project, format: TextReportFormat, options: ReportOptions): RenderedReport {
  return RENDERERS[format](project, options)
}

export { CLAIM_SELECTIONS, buildReportModel, localiseScale, selectionDescription, statusLabel } from './model'
export { CLAIM_REVIEWED_ADVISED_LENGTH } from './claimreview'
export { claimReviewSnippet } from './snippet'
export type { ClaimSelection, ReportClaim, ReportModel, ReportOptions } from './model'
export { REPORT_CSP } from './html'
export { REPORT_VERSION } from './json'
export type { JsonReport, JsonReportClaim, JsonReportSource } from './json'
export { CSV_COLUMNS, csvHeaders } from './csv'

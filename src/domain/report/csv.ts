import { stringify } from 'csv-stringify/sync'
import type { Source } from '../project/schema'
import type { Translate } from '../translate'
import { appearancesOf, attachmentName, claimDateOf, isSelected, statusLabel, type ReportClaim, type ReportModel } from './model'

/** A row of the table: a reported claim, or one a newer version of the article removed (`goneIn` names that version). */
interface CsvRow extends ReportClaim {
  goneIn: number | null
}

/** Where a claim stands after the article was re-imported: "Changed in version 2", "Removed in version 2"; empty when it never was. */
function articleEdit(row: CsvRow, model: ReportModel): string {
  const { t } = model.options.translator
  if (row.goneIn !== null) return t('evidence.report.edit', { state: 'gone', version: row.goneIn })
  const anchor = row.claim.anchor
  return anchor ? t('evidence.report.edit', { state: anchor.state, version: anchor.version }) : ''
}

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection), also after
 * leading spaces (which they skip) and in full-width or small form (which Excel and LibreOffice
 * fold to ASCII when a cell is typed or pasted); a leading apostrophe makes Excel, LibreOffice and
 * Google Sheets show the text instead.
 */
const FORMULA_START = /^[\t\r]|^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B]/

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * A claim's sources in one cell per field, one line per source that has the field, numbered as
 * the sources are so that "[2]" in every column is the same source.
 */
function perSource(sources: readonly Source[], value: (source: Source) => string): string {
  return sources
    .flatMap((source, i) => {
      const v = value(source).replace(/\r\n?/g, '\n').trim()
      return v ? [`[${i + 1}] ${v}`] : []
    })
    .join('\n')
}

/**
 * The columns, headed as a checker reads them: one per thing a desk filters or sorts on (claimant,
 * date, verdict, status, checker), the claim's other fields, and every source field.
 */
const COLUMNS: readonly { header: string; key?: string; value: (row: CsvRow, model: ReportModel) => string }[] = [
  { header: 'Claim ID', value: ({ claim }) => claim.id },
  { header: 'Claim', value: ({ claim }) => claim.text },
  { header: 'Claimant', value: ({ claim }) => claim.claimant?.name ?? '' },
  { header: 'Claimant role', value: ({ claim }) => claim.claimant?.role ?? '' },
  {
    header: 'Claimant type',
    value: ({ claim }, model) => (claim.claimant ? model.options.translator.t(`report.csv.kind.${claim.claimant.kind}`) : ''),
  },
  { header: 'Claimant page', value: ({ claim }) => claim.claimant?.url ?? '' },
  { header: 'Claim date', value: ({ claim }, model) => claimDateOf(claim, model.project) },
  { header: 'Verdict', value: ({ verdict }) => verdict?.label ?? '' },
  { header: 'Status', value: ({ claim }, model) => statusLabel(claim.status, model.options.translator.t) },
  { header: 'Checker', value: ({ claim }) => claim.checker },
  { header: 'Rationale', value: ({ claim }) => claim.rationale },
  { header: 'ClaimReview statement', value: ({ claim }) => claim.claimReviewed || claim.text },
  {
    header: 'Appearances',
    value: ({ claim }, model) =>
      appearancesOf(claim, model.project)
        .map((a) => [a.url, a.title, a.publisher, a.author, a.date].filter(Boolean).join(' · '))
        .filter(Boolean)
        .join('\n'),
  },
  { header: 'Updated', value: ({ claim }) => claim.updatedAt },
  { header: 'Article edit', key: 'evidence.report.csvArticleEdit', value: articleEdit },
  {
    header: 'Text before the edit',
    key: 'evidence.report.csvTextBefore',
    value: ({ claim, goneIn }) => (goneIn === null && claim.anchor?.state === 'changed' ? claim.anchor.previousText : ''),
  },
  { header: 'Source titles', value: ({ sources }) => perSource(sources, (s) => s.title) },
  { header: 'Source URLs', value: ({ sources }) => perSource(sources, (s) => s.url) },
  { header: 'Source publishers', value: ({ sources }) => perSource(sources, (s) => s.publisher) },
  { header: 'Source dates', value: ({ sources }) => perSource(sources, (s) => s.date) },
  { header: 'Source accessed', value: ({ sources }) => perSource(sources, (s) => s.accessedAt) },
  { header: 'Source archive URLs', value: ({ sources }) => perSource(sources, (s) => s.archiveUrl) },
  { header: 'Source excerpts', value: ({ sources }) => perSource(sources, (s) => s.excerpt) },
  { header: 'Source reliability', value: ({ sources }) => perSource(sources, (s) => s.reliability) },
  { header: 'Source files', value: ({ sources }) => perSource(sources, attachmentName) },
  { header: 'Source file SHA-256', value: ({ sources }) => perSource(sources, (s) => s.attachmentSha256) },
]

/** The English column names; the header row is in the report's language (`report.csv.columns.*`). */
export const CSV_COLUMNS: readonly string[] = COLUMNS.map((c) => c.header)

/** "Claimant role" → `report.csv.columns.claimantRole`. */
function columnKey(header: string): string {
  const [first = '', ...rest] = header.replace(/-/g, '').split(' ')
  return `report.csv.columns.${first.toLowerCase()}${rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`
}

export function csvHeaders(t: Translate): string[] {
  return COLUMNS.map((column) => t(column.key ?? columnKey(column.header)))
}

/**
 * The reported claims, then the claims a newer version of the article removed (in the selection,
 * with the verdict they had), so a spreadsheet keeps one row per claim the desk checked: a second
 * table after the first would break sorting, filtering and every import that reads a header row.
 */
function csvRows(model: ReportModel): CsvRow[] {
  const { project, options } = model
  const labels = new Map(project.ratingScale.labels.map((label) => [label.id, label]))
  const sources = new Map(project.sources.map((source) => [source.id, source]))
  const gone = project.evidence.versions.flatMap((version) =>
    version.removedClaims
      .filter((claim) => isSelected(claim, options.claims))
      .map((claim) => ({
        number: 0,
        claim,
        verdict: (claim.verdict === null ? undefined : labels.get(claim.verdict)) ?? null,
        sources: claim.sourceIds.flatMap((id) => sources.get(id) ?? []),
        goneIn: version.number + 1,
      })),
  )
  return [...model.claims.map((row) => ({ ...row, goneIn: null })), ...gone]
}

/**
 * RFC 4180 (CRLF between records, every field quoted, quotes doubled) in UTF-8 with a byte-order
 * mark: without it Excel reads the file as the system's legacy code page and garbles every
 * non-ASCII letter, which in a multilingual newsroom is most of them.
 */
export function renderCsvTable(model: ReportModel): string {
  const rows = csvRows(model).map((row) => COLUMNS.map((column) => column.value(row, model)))
  return stringify([csvHeaders(model.options.translator.t), ...rows], {
    bom: true,
    quoted: true,
    record_delimiter: 'windows',
    cast: { string: guardFormula },
  })
}

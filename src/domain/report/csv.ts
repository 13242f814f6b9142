import { stringify } from 'csv-stringify/sync'
import type { ReportModel } from './model'

export const CSV_COLUMNS = ['id', 'claim', 'verdict', 'status', 'rationale', 'checker', 'updated', 'source_urls'] as const

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection); a leading
 * apostrophe makes Excel, LibreOffice and Google Sheets show the text instead.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * RFC 4180 (CRLF between records, every field quoted, quotes doubled) in UTF-8 with a byte-order
 * mark: without it Excel reads the file as the system's legacy code page and garbles every
 * non-ASCII letter, which in a multilingual newsroom is most of them.
 */
export function renderCsvTable(model: ReportModel): string {
  const rows = model.claims.map(({ claim, verdict, sources }) => ({
    id: claim.id,
    claim: claim.text,
    verdict: verdict?.label ?? '',
    status: claim.status,
    rationale: claim.rationale,
    checker: claim.checker,
    updated: claim.updatedAt,
    source_urls: sources
      .map((s) => s.url)
      .filter(Boolean)
      .join('\n'),
  }))
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    quoted: true,
    record_delimiter: 'windows',
    cast: { string: guardFormula },
  })
}

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, renderCsv, renderReport } from '@domain/report'
import { guardFormula } from '@domain/report/csv'
import { BULLETIN, FARES_PDF_SHA256, HOSTILE_OPTIONS, hostileProject, SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

const parseCsv = (content: string): Record<string, string>[] => parse(content, { bom: true, columns: true, record_delimiter: '\r\n' })

describe('CSV report', () => {
  const content = renderCsv(sampleProject(), SAMPLE_OPTIONS).content
  const rows = parseCsv(content)

  it('is UTF-8 with a byte-order mark, a quoted header row of labels and CRLF between records', () => {
    expect(renderReport(sampleProject(), 'csv', SAMPLE_OPTIONS)).toMatchObject({
      mimeType: 'text/csv; charset=utf-8; header=present',
      extension: 'csv',
    })
    expect(
      content.startsWith(
        '\uFEFF"Claim ID","Claim","Claimant","Claimant role","Claimant type","Claimant page","Claim date","Verdict","Status",',
      ),
    ).toBe(true)
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(6)
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS])
  })

  it('has a column for each thing a desk filters on, with labels, never status ids', () => {
    expect(rows.map((r) => [r['Claim ID'], r.Claimant, r['Claim date'], r.Verdict, r.Status, r.Checker])).toEqual([
      ['c-fares', 'Rob Hale', '2026-11-22', 'False', 'Done', 'Ana Ruiz'],
      ['c-fares-figure', '', '2026-11-23', '', 'In progress', 'Ana Ruiz'],
      ['c-commuters', 'Rob Hale', '2026-11-23', 'Mostly False', 'Needs review', "Sam O'Neil"],
      ['c-electrify', 'Rail Future Campaign', '2026-11-23', 'Half True', 'Done', "Sam O'Neil"],
      ['c-punctuality', 'Rob Hale', '2026-11-23', 'True', 'Done', 'Ana Ruiz'],
    ])
    expect(rows[0]).toMatchObject({
      'Claimant role': 'Transport Minister',
      'Claimant type': 'Person',
      'Claimant page': 'https://gov.example/ministers/rob-hale',
      'ClaimReview statement': 'Rail fares fell by 12% last year',
    })
    expect(rows[3]?.['Claimant type']).toBe('Organisation')
  })

  it('carries every field of every source, numbered so each line of each column is the same source', () => {
    expect(rows[0]).toMatchObject({
      'Source titles': '[1] Rail fares index, March 2026\n[2] Passenger journeys (2025)',
      'Source URLs': '[1] https://stats.example.org/rail/fares-2026\n[2] https://stats.example.org/passengers?year=2025&table=2',
      'Source publishers': '[1] Rail Statistics Office\n[2] Rail Statistics Office',
      'Source dates': '[1] 2026-05-21\n[2] 2026-03',
      'Source accessed': '[1] 2026-11-24',
      'Source archive URLs': '[1] https://archive.example.net/20260601/https://stats.example.org/rail/fares-2026',
      'Source excerpts': '[1] Regulated fares rose by 3.8% on 1 March.\nUnregulated fares rose by 4.1%.',
      'Source reliability': '[1] Official statistics; reliable.',
      'Source files': '[1] fares-2026.pdf',
      'Source file SHA-256': `[1] ${FARES_PDF_SHA256}`,
    })
    expect(rows[0]?.Appearances).toBe(
      `https://news.example.com/2026/11/cheaper-trains · Minister promises cheaper trains by 2030 · The Daily Example · Jane Doe · 2026-11-23\n${BULLETIN.url} · ${BULLETIN.title} · TV Example · Kim Lee · 2026-11-22`,
    )
    expect(rows[2]).toMatchObject({ Rationale: '\'-3% is the cut on one line only, used by about "3 million" journeys, not commuters.' })
    expect(content).not.toContain('attachments/fares-2026.pdf')
  })

  it('follows the claim selection', () => {
    const done = parseCsv(renderCsv(sampleProject(), { ...SAMPLE_OPTIONS, claims: 'done' }).content)
    expect(done.map((row) => row['Claim ID'])).toEqual(['c-fares', 'c-electrify', 'c-punctuality'])
    const all = parseCsv(renderCsv(sampleProject(), { ...SAMPLE_OPTIONS, claims: 'all' }).content)
    expect(all.map((row) => row.Status)).toEqual(['Done', 'In progress', 'Needs review', 'Done', 'Done', 'Suggested', 'Dismissed'])
  })

  it.each([
    '=1+1',
    '+1',
    '-1',
    '@SUM(A1)',
    '\tcmd',
    '\rcmd',
    '  =1+1',
    ' \t@SUM(A1)',
    '\n-1',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '　＝1',
    '﹦1',
  ])('guards %j against running as a formula', (value) => {
    expect(guardFormula(value)).toBe(`'${value}`)
  })

  it('leaves other text alone', () => {
    expect(guardFormula('Fares rose 3% = a lot')).toBe('Fares rose 3% = a lot')
    expect(guardFormula('  Fares rose')).toBe('  Fares rose')
    expect(guardFormula('')).toBe('')
  })

  it('keeps hostile text intact and no cell can start a formula', () => {
    const hostile = parseCsv(renderCsv(hostileProject(), HOSTILE_OPTIONS).content)
    expect(hostile).toHaveLength(4)
    expect(hostile.find((row) => row['Claim ID'] === 'c-svg')?.Rationale).toBe("'=cmd|' /C calc'!A0")
    expect(hostile[0]?.Claim).toBe("Breaking <script>window.__pwned='script';alert(1)</script> news.")
    for (const cell of hostile.flatMap((row) => Object.values(row))) expect(cell).not.toMatch(/^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r]/)
  })
})

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, renderCsv, renderReport } from '@domain/report'
import { guardFormula } from '@domain/report/csv'
import { HOSTILE_OPTIONS, hostileProject, SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

const parseCsv = (content: string): Record<string, string>[] => parse(content, { bom: true, columns: true, record_delimiter: '\r\n' })

describe('CSV report', () => {
  const content = renderCsv(sampleProject(), SAMPLE_OPTIONS).content

  it('is UTF-8 with a byte-order mark, a quoted header row and CRLF between records', () => {
    expect(renderReport(sampleProject(), 'csv', SAMPLE_OPTIONS)).toMatchObject({
      mimeType: 'text/csv; charset=utf-8; header=present',
      extension: 'csv',
    })
    expect(content.startsWith('\uFEFF"id","claim","verdict","status","rationale","checker","updated","source_urls"\r\n')).toBe(true)
    expect(content.endsWith('"https://stats.example.org/rail/fares-2026"\r\n')).toBe(true)
    expect(content).toContain(
      '\r\n"c-commuters","""We have cut fares for 3 million commuters,"" she told reporters in Leeds.","Mostly False","needs-review","\'-3% is the cut on one line only, used by about ""3 million"" journeys, not commuters.","Sam O\'Neil","2026-11-25T15:40:00.000Z","https://transport.example.gov/press/fare-cut"\r\n',
    )
  })

  it('parses back, with a real CSV parser, to one row per reported claim', () => {
    expect(parseCsv(content)).toEqual([
      {
        id: 'c-fares',
        claim: 'The transport minister said on Monday that rail fares fell by 12% last year.',
        verdict: 'False',
        status: 'done',
        rationale:
          'Regulated fares rose by 3.8% in March; no fare category fell.\nThe 12% figure is the fall in passenger numbers, not fares.\n\nThe minister’s office did not reply to a request for comment.',
        checker: 'Ana Ruiz',
        updated: '2026-11-26T10:15:00.000Z',
        source_urls: 'https://stats.example.org/rail/fares-2026\nhttps://stats.example.org/passengers?year=2025&table=2',
      },
      {
        id: 'c-fares-figure',
        claim: 'rail fares fell by 12%',
        verdict: '',
        status: 'in-progress',
        rationale: '',
        checker: 'Ana Ruiz',
        updated: '2026-11-24T09:00:00.000Z',
        source_urls: '',
      },
      {
        id: 'c-commuters',
        claim: '"We have cut fares for 3 million commuters," she told reporters in Leeds.',
        verdict: 'Mostly False',
        status: 'needs-review',
        rationale: '\'-3% is the cut on one line only, used by about "3 million" journeys, not commuters.',
        checker: "Sam O'Neil",
        updated: '2026-11-25T15:40:00.000Z',
        source_urls: 'https://transport.example.gov/press/fare-cut',
      },
      {
        id: 'c-electrify',
        claim: "Critics say the government's 2019 pledge to electrify 500 miles of track has been quietly dropped.",
        verdict: 'Half True',
        status: 'done',
        rationale: "'=The pledge was cut to 300 miles, not dropped, in the 2024 budget.",
        checker: "Sam O'Neil",
        updated: '2026-11-26T09:05:00.000Z',
        source_urls: '',
      },
      {
        id: 'c-punctuality',
        claim: 'The minister also claimed that punctuality is at a record high of 92%.',
        verdict: 'True',
        status: 'done',
        rationale: 'Punctuality reached 92.3% in the year to October, the highest since records began in 1997.',
        checker: 'Ana Ruiz',
        updated: '2026-11-25T11:00:00.000Z',
        source_urls: 'https://stats.example.org/rail/fares-2026',
      },
    ])
    expect(Object.keys(parseCsv(content)[0] ?? {})).toEqual([...CSV_COLUMNS])
  })

  it('follows the claim selection', () => {
    const done = parseCsv(renderCsv(sampleProject(), { ...SAMPLE_OPTIONS, claims: 'done' }).content)
    expect(done.map((row) => row.id)).toEqual(['c-fares', 'c-electrify', 'c-punctuality'])
    const all = parseCsv(renderCsv(sampleProject(), { ...SAMPLE_OPTIONS, claims: 'all' }).content)
    expect(all.map((row) => row.status)).toEqual(['done', 'in-progress', 'needs-review', 'done', 'done', 'suggested', 'dismissed'])
  })

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'])('guards %j against running as a formula', (value) => {
    expect(guardFormula(value)).toBe(`'${value}`)
  })

  it('leaves other text alone', () => {
    expect(guardFormula('Fares rose 3% = a lot')).toBe('Fares rose 3% = a lot')
    expect(guardFormula('')).toBe('')
  })

  it('keeps hostile text intact and no cell can start a formula', () => {
    const rows = parseCsv(renderCsv(hostileProject(), HOSTILE_OPTIONS).content)
    expect(rows).toHaveLength(4)
    expect(rows.find((row) => row.id === 'c-svg')?.rationale).toBe("'=cmd|' /C calc'!A0")
    expect(rows[0]?.claim).toBe("Breaking <script>window.__pwned='script';alert(1)</script> news.")
    for (const cell of rows.flatMap((row) => Object.values(row))) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})

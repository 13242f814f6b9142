import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { renderClaimReview, renderCsv, renderJson, renderMarkdown, type JsonReport } from '@domain/report'
import { translator } from '../helpers/translator'
import { EDITED_AT, editedSampleProject, SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

const ELECTRIFY = "Critics say the government's 2019 pledge to electrify 500 miles of track has been quietly dropped."
const COMMUTERS_BEFORE = '"We have cut fares for 3 million commuters," she told reporters in Leeds.'
const COMMUTERS_NOW = '"We have cut fares for 3 million commuters," she told reporters in York.'

const rowsOf = (content: string): Record<string, string>[] => parse(content, { bom: true, columns: true, record_delimiter: '\r\n' })

describe('the article’s version history in every report', () => {
  it('JSON: the current version, each earlier one with what it lost, each claim’s edit state, and the sentences', () => {
    const json = JSON.parse(renderJson(editedSampleProject(), SAMPLE_OPTIONS).content) as JsonReport
    expect(json.article.version).toBe(2)
    expect(json.articleVersions).toEqual([
      {
        number: 1,
        replacedAt: EDITED_AT,
        textSha256: '',
        text: sampleProject().article.text,
        removedClaims: [{ id: 'c-electrify', text: ELECTRIFY, verdict: { id: 'half-true', label: 'Half True' } }],
      },
    ])
    const byId = Object.fromEntries(json.claims.map((c) => [c.id, c.articleEdit]))
    expect(byId['c-commuters']).toEqual({ version: 2, state: 'changed', previousText: COMMUTERS_BEFORE })
    expect(byId['c-punctuality']).toEqual({ version: 2, state: 'moved', previousText: null })
    expect(byId['c-fares']).toEqual({ version: 2, state: 'unchanged', previousText: null })
    expect(json.versionHistory).toEqual([
      `The article was edited after it was first checked: version 2 replaced version 1 on November 28, 2026; the claim “${ELECTRIFY}” was removed; claim 4 was changed (it read “${COMMUTERS_BEFORE}”).`,
    ])
    // Without the article, its earlier texts stay out too.
    const short = JSON.parse(renderJson(editedSampleProject(), { ...SAMPLE_OPTIONS, includeArticle: false }).content) as JsonReport
    expect(short.articleVersions[0]?.text).toBeNull()
    // A project never re-imported says so plainly.
    const plain = JSON.parse(renderJson(sampleProject(), SAMPLE_OPTIONS).content) as JsonReport
    expect([plain.article.version, plain.articleVersions, plain.versionHistory, plain.claims[0]?.articleEdit]).toEqual([1, [], [], null])
  })

  it('CSV: an "Article edit" and a "Text before the edit" column, and the removed claim as its own row', () => {
    const rows = rowsOf(renderCsv(editedSampleProject(), SAMPLE_OPTIONS).content)
    const row = (id: string) => rows.find((r) => r['Claim ID'] === id)
    expect(row('c-commuters')).toMatchObject({
      Claim: COMMUTERS_NOW,
      'Article edit': 'Changed in version 2',
      'Text before the edit': COMMUTERS_BEFORE,
    })
    expect(row('c-punctuality')).toMatchObject({ 'Article edit': 'Moved in version 2', 'Text before the edit': '' })
    expect(row('c-fares')).toMatchObject({ 'Article edit': 'Unchanged in version 2' })
    // The removed claim comes last, with the verdict it had, so a filter on the column finds it.
    expect(rows.at(-1)).toMatchObject({
      'Claim ID': 'c-electrify',
      Claim: ELECTRIFY,
      Verdict: 'Half True',
      'Article edit': 'Removed in version 2',
    })
    expect(rows).toHaveLength(editedSampleProject().claims.filter((c) => c.status !== 'suggested' && c.status !== 'dismissed').length + 1)
    // Never re-imported: the columns are there, empty.
    expect(rowsOf(renderCsv(sampleProject(), SAMPLE_OPTIONS).content).every((r) => r['Article edit'] === '')).toBe(true)
  })

  it('CSV in Ukrainian: the new columns and states in the report’s language', () => {
    const rows = rowsOf(renderCsv(editedSampleProject(), { ...SAMPLE_OPTIONS, translator: translator('uk') }).content)
    expect(rows.find((r) => r['ID твердження'] === 'c-commuters')).toMatchObject({
      'Правка статті': 'Змінено у версії 2',
      'Текст до правки': COMMUTERS_BEFORE,
    })
    expect(rows.at(-1)?.['Правка статті']).toBe('Вилучено у версії 2')
  })

  it('ClaimReview: the checked article’s appearance carries dateModified, the day the newer version came in; reviewBody stays the checker’s', () => {
    type Review = { reviewBody?: string; itemReviewed: { appearance: { dateModified?: string } | { dateModified?: string }[] } }
    const article = (review: Review) =>
      Array.isArray(review.itemReviewed.appearance) ? review.itemReviewed.appearance[0] : review.itemReviewed.appearance
    const edited = JSON.parse(renderClaimReview(editedSampleProject(), SAMPLE_OPTIONS).content) as Review[]
    expect(edited.length).toBeGreaterThan(0)
    for (const review of edited) expect(article(review)?.dateModified).toBe('2026-11-28')
    const before = JSON.parse(renderClaimReview(sampleProject(), SAMPLE_OPTIONS).content) as Review[]
    // The same reviews less the removed claim's, their bodies untouched.
    expect(edited).toHaveLength(before.length - 1)
    for (const review of edited) expect(before.map((r) => r.reviewBody)).toContain(review.reviewBody)
    for (const review of before) expect(article(review)).not.toHaveProperty('dateModified')
  })

  it('Markdown keeps its Article versions section (the same sentences as JSON)', () => {
    const json = JSON.parse(renderJson(editedSampleProject(), SAMPLE_OPTIONS).content) as JsonReport
    const markdown = renderMarkdown(editedSampleProject(), SAMPLE_OPTIONS).content
    expect(markdown).toContain('## Article versions')
    expect(markdown).toContain('version 2 replaced version 1 on November 28, 2026')
    expect(json.versionHistory).toHaveLength(1)
  })
})

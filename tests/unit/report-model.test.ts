import { describe, expect, it } from 'vitest'
import { buildReportModel, formatDay, formatTimestamp } from '@domain/report/model'
import { SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

const ids = (claims: 'all' | 'accepted' | 'done'): string[] =>
  buildReportModel(sampleProject(), { ...SAMPLE_OPTIONS, claims }).claims.map((c) => c.claim.id)

describe('report model', () => {
  it('selects claims: all includes suggestions and dismissed ones; accepted leaves them out; done keeps status done', () => {
    const inArticleOrder = ['c-fares', 'c-fares-figure', 'c-commuters', 'c-electrify', 'c-punctuality', 'c-best-ever', 'c-cheaper']
    expect(ids('all')).toEqual(inArticleOrder)
    expect(ids('accepted')).toEqual(['c-fares', 'c-fares-figure', 'c-commuters', 'c-electrify', 'c-punctuality'])
    expect(ids('done')).toEqual(['c-fares', 'c-electrify', 'c-punctuality'])
  })

  it('numbers claims in article order, resolves verdict labels and sources, and counts for the summary', () => {
    const model = buildReportModel(sampleProject(), SAMPLE_OPTIONS)
    const first = model.claims[0]
    expect(first?.number).toBe(1)
    expect(first?.verdict?.label).toBe('False')
    expect(first?.sources.map((s) => s.id)).toEqual(['s-rso', 's-stats'])
    expect(model.byVerdict.map((v) => [v.label.id, v.count])).toEqual([
      ['true', 1],
      ['mostly-true', 0],
      ['half-true', 1],
      ['mostly-false', 1],
      ['false', 1],
      ['pants-on-fire', 0],
    ])
    expect(model.unrated).toBe(1)
    expect(Object.fromEntries(model.byStatus.map((s) => [s.status, s.count]))).toEqual({
      suggested: 0,
      dismissed: 0,
      'to-check': 0,
      'in-progress': 1,
      'needs-review': 1,
      done: 3,
    })
    expect(model.warnings).toEqual(['1 claim with a verdict cites no source.'])
  })

  it('warns when no claim matches the selection', () => {
    const project = sampleProject()
    project.claims = project.claims.filter((c) => c.status !== 'done')
    expect(buildReportModel(project, { ...SAMPLE_OPTIONS, claims: 'done' }).warnings).toEqual([
      'No claims match “Checked claims only (status Done)”; the report has no claims.',
    ])
  })

  it('formats timestamps for people in the report language, in UTC so every reader sees the same time', () => {
    expect(formatTimestamp('2026-11-27T14:05:09.123Z', 'en')).toBe('November 27, 2026 at 2:05 PM UTC')
    expect(formatTimestamp('2026-11-27T14:05:00+02:00', 'en-GB')).toBe('27 November 2026 at 12:05 UTC')
    expect(formatTimestamp('2026-11-27T14:05:00Z', 'uk')).toBe('27 листопада 2026 р. о 14:05 UTC')
    expect(formatTimestamp('yesterday', 'uk')).toBe('yesterday')
  })

  it('writes dates the report language’s way, as far as the checker knows them, and keeps anything else as typed', () => {
    expect(formatDay('2025-05-23', 'en')).toBe('May 23, 2025')
    expect(formatDay('2025-05-23', 'uk')).toBe('23 травня 2025 р.')
    expect(formatDay('2025-05', 'uk')).toBe('травень 2025 р.')
    expect(formatDay('2025', 'en')).toBe('2025')
    expect(formatDay('2025-02-30', 'en')).toBe('2025-02-30')
    expect(formatDay('', 'en')).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { renderJson, renderReport, REPORT_VERSION, type JsonReport } from '@domain/report'
import { BULLETIN, FARES_PDF_SHA256, MINISTER, SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

const report = (options = SAMPLE_OPTIONS): JsonReport => JSON.parse(renderJson(sampleProject(), options).content) as JsonReport

describe('JSON report', () => {
  it('carries its version, what produced it and how it was selected', () => {
    const json = report()
    expect(renderReport(sampleProject(), 'json', SAMPLE_OPTIONS)).toMatchObject({ mimeType: 'application/json', extension: 'json' })
    expect(REPORT_VERSION).toBe(1)
    expect(json).toMatchObject({
      reportVersion: 1,
      generator: 'Factdesk',
      generatedAt: '2026-11-27T14:05:00.000Z',
      organisation: { name: 'Fact Desk Lab', url: 'https://factdesk.example.org', logo: '' },
      publication: { reviewUrl: '', publishedAt: '' },
      selection: { claims: 'accepted', includeArticle: true },
      project: { id: 'p-sample', createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-26T16:30:00.000Z' },
    })
    expect(Object.keys(json)).toEqual([
      'reportVersion',
      'generator',
      'generatedAt',
      'organisation',
      'publication',
      'selection',
      'review',
      'project',
      'article',
      'articleVersions',
      'versionHistory',
      'ratingScale',
      'summary',
      'claims',
    ])
  })

  it('summarises the reported claims', () => {
    expect(report().summary).toEqual({
      claims: 5,
      claimsInProject: 7,
      withVerdict: 4,
      withoutVerdict: 1,
      byVerdict: [
        { id: 'true', label: 'True', count: 1 },
        { id: 'mostly-true', label: 'Mostly True', count: 0 },
        { id: 'half-true', label: 'Half True', count: 1 },
        { id: 'mostly-false', label: 'Mostly False', count: 1 },
        { id: 'false', label: 'False', count: 1 },
        { id: 'pants-on-fire', label: 'Pants on Fire', count: 0 },
      ],
      byStatus: { suggested: 0, dismissed: 0, 'to-check': 0, 'in-progress': 1, 'needs-review': 1, done: 3 },
    })
  })

  it('lists claims in article order with verdict and sources inline, and without private working material', () => {
    const json = report()
    expect(json.claims.map((c) => c.id)).toEqual(['c-fares', 'c-fares-figure', 'c-commuters', 'c-electrify', 'c-punctuality'])
    expect(json.claims[0]).toEqual({
      number: 1,
      id: 'c-fares',
      text: 'The transport minister said on Monday that rail fares fell by 12% last year.',
      start: 0,
      end: 76,
      status: 'done',
      statusLabel: 'Done',
      verdict: { id: 'false', label: 'False', value: 2 },
      rationale:
        'Regulated fares rose by 3.8% in March; no fare category fell.\nThe 12% figure is the fall in passenger numbers, not fares.\n\nThe minister’s office did not reply to a request for comment.',
      checker: 'Ana Ruiz',
      claimant: MINISTER,
      claimDate: '2026-11-22',
      appearances: [
        {
          url: 'https://news.example.com/2026/11/cheaper-trains',
          title: 'Minister promises cheaper trains by 2030',
          publisher: 'The Daily Example',
          author: 'Jane Doe',
          date: '2026-11-23',
        },
        BULLETIN,
      ],
      claimReviewed: 'Rail fares fell by 12% last year',
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-26T10:15:00.000Z',
      articleEdit: null,
      sources: [
        {
          id: 's-rso',
          url: 'https://stats.example.org/rail/fares-2026',
          title: 'Rail fares index, March 2026',
          publisher: 'Rail Statistics Office',
          date: '2026-05-21',
          excerpt: 'Regulated fares rose by 3.8% on 1 March.\nUnregulated fares rose by 4.1%.',
          archiveUrl: 'https://archive.example.net/20260601/https://stats.example.org/rail/fares-2026',
          reliability: 'Official statistics; reliable.',
          accessedAt: '2026-11-24',
          attachment: { name: 'fares-2026.pdf', sha256: FARES_PDF_SHA256 },
        },
        {
          id: 's-stats',
          url: 'https://stats.example.org/passengers?year=2025&table=2',
          title: 'Passenger journeys (2025)',
          publisher: 'Rail Statistics Office',
          date: '2026-03',
          excerpt: '',
          archiveUrl: '',
          reliability: '',
          accessedAt: '',
          attachment: null,
        },
      ],
    })
    expect(json.claims[1]?.verdict).toBeNull()
    const text = JSON.stringify(report({ ...SAMPLE_OPTIONS, claims: 'all' }))
    for (const secret of ['Private: call the press office', 'attachments/fares-2026.pdf', '"score"', '"notes"']) {
      expect(text).not.toContain(secret)
    }
  })

  it('includes the article text and rating scale, or null for the text when the article is left out', () => {
    const project = sampleProject()
    const json = report()
    expect(json.article).toEqual({ ...project.article, version: 1 })
    expect(json.ratingScale).toEqual(project.ratingScale)
    expect(json.claims[0] && json.article.text?.slice(json.claims[0].start, json.claims[0].end)).toBe(json.claims[0]?.text)
    expect(report({ ...SAMPLE_OPTIONS, includeArticle: false }).article.text).toBeNull()
  })
})

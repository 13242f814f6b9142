import type { ClaimReview, WithContext } from 'schema-dts'
import { describe, expect, it } from 'vitest'
import { ratingScalePreset } from '@domain/project/rating-scales'
import type { Project } from '@domain/project/schema'
import { renderClaimReview, renderReport, type ReportOptions } from '@domain/report'
import { HOSTILE_OPTIONS, hostileProject, SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

/** The fields read back as plain JSON; the output itself is typed with schema-dts. */
interface Review {
  '@context': string
  '@type': string
  url?: string
  datePublished: string
  author: { '@type': string; name: string; url?: string }
  claimReviewed: string
  reviewBody?: string
  reviewRating: { '@type': string; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number }
  itemReviewed: {
    '@type': string
    author?: { '@type': string; name: string }
    datePublished?: string
    appearance: { '@type': string; url?: string; headline?: string; publisher?: { '@type': string; name: string }; datePublished?: string }
  }
}

function reviewsOf(project: Project, options: Partial<ReportOptions> = {}): { reviews: Review[]; warnings: string[] } {
  const { content, warnings } = renderClaimReview(project, { ...SAMPLE_OPTIONS, ...options })
  const parsed: WithContext<ClaimReview>[] = JSON.parse(content) as WithContext<ClaimReview>[]
  return { reviews: parsed as unknown as Review[], warnings }
}

describe('ClaimReview JSON-LD', () => {
  it('is a JSON array with one complete ClaimReview per reported claim that has a verdict', () => {
    expect(renderReport(sampleProject(), 'claimreview', SAMPLE_OPTIONS)).toMatchObject({
      mimeType: 'application/ld+json',
      extension: 'jsonld',
    })
    const { reviews, warnings } = reviewsOf(sampleProject())
    expect(reviews.map((r) => r.claimReviewed)).toEqual([
      'The transport minister said on Monday that rail fares fell by 12% last year.',
      '"We have cut fares for 3 million commuters," she told reporters in Leeds.',
      "Critics say the government's 2019 pledge to electrify 500 miles of track has been quietly dropped.",
      'The minister also claimed that punctuality is at a record high of 92%.',
    ])
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factdesk.example.org/',
      datePublished: '2026-11-27',
      author: { '@type': 'Organization', name: 'Fact Desk Lab', url: 'https://factdesk.example.org/' },
      claimReviewed: 'The transport minister said on Monday that rail fares fell by 12% last year.',
      reviewBody:
        'Regulated fares rose by 3.8% in March; no fare category fell.\nThe 12% figure is the fall in passenger numbers, not fares.\n\nThe minister’s office did not reply to a request for comment.',
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 2, bestRating: 6, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Jane Doe' },
        datePublished: '2026-11-23',
        appearance: {
          '@type': 'NewsArticle',
          url: 'https://news.example.com/2026/11/cheaper-trains',
          headline: 'Minister promises cheaper trains by 2030',
          publisher: { '@type': 'Organization', name: 'The Daily Example' },
          datePublished: '2026-11-23',
        },
      },
    })
    expect(warnings).toContain('1 claim without a verdict was left out.')
  })

  it('fills every property Google’s fact-check markup requires or recommends, in every review', () => {
    const { reviews } = reviewsOf(sampleProject(), { claims: 'all' })
    expect(reviews).toHaveLength(4)
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org')
      expect(review['@type']).toBe('ClaimReview')
      expect(review.claimReviewed.length).toBeGreaterThan(0)
      expect(review.url).toMatch(/^https:\/\//)
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Fact Desk Lab', url: 'https://factdesk.example.org/' })
      const rating = review.reviewRating
      expect(rating['@type']).toBe('Rating')
      expect(rating.alternateName.length).toBeGreaterThan(0)
      expect(rating.worstRating).toBeGreaterThanOrEqual(1)
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating ?? Infinity)
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating ?? -Infinity)
      expect(review.itemReviewed['@type']).toBe('Claim')
      expect(review.itemReviewed.author?.name).toBe('Jane Doe')
      expect(review.itemReviewed.datePublished).toBe('2026-11-23')
      expect(review.itemReviewed.appearance.url).toBe('https://news.example.com/2026/11/cheaper-trains')
      expect(review.itemReviewed.appearance.headline).toBe('Minister promises cheaper trains by 2030')
    }
  })

  it('gives numbers only where the verdict’s label has one, and the label always', () => {
    const project = sampleProject()
    project.ratingScale = structuredClone(ratingScalePreset('meta-afp') ?? project.ratingScale)
    for (const claim of project.claims) claim.verdict = claim.verdict && (claim.id === 'c-fares' ? 'satire' : 'partly-false')
    const { reviews } = reviewsOf(project)
    expect(reviews[0]?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Satire' })
    expect(reviews[1]?.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Partly false',
      ratingValue: 3,
      bestRating: 5,
      worstRating: 1,
    })

    project.ratingScale = structuredClone(ratingScalePreset('conclusion') ?? project.ratingScale)
    for (const claim of project.claims) claim.verdict = claim.verdict && 'misleading'
    for (const review of reviewsOf(project).reviews) expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' })
  })

  it('uses the published fact check’s address when given, else the organisation’s site with a warning', () => {
    const given = reviewsOf(sampleProject(), { reviewUrl: 'https://factdesk.example.org/checks/cheaper-trains' })
    expect(new Set(given.reviews.map((r) => r.url))).toEqual(new Set(['https://factdesk.example.org/checks/cheaper-trains']))
    expect(given.warnings.some((w) => w.includes('organisation’s website'))).toBe(false)
    const fallback = reviewsOf(sampleProject())
    expect(fallback.warnings).toContain(
      'The reviews’ url is your organisation’s website; give the published fact check’s address to point to it instead.',
    )
    const notHttp = reviewsOf(sampleProject(), { reviewUrl: 'factdesk.example.org/checks' })
    expect(notHttp.reviews[0]?.url).toBe('https://factdesk.example.org/')
    expect(notHttp.warnings).toContain('The fact check’s address “factdesk.example.org/checks” is not an http(s) URL, so it was not used.')
    const none = reviewsOf(sampleProject(), { organisation: { name: '', url: '' } })
    expect(none.reviews[0]?.url).toBeUndefined()
    expect(none.warnings).toEqual(
      expect.arrayContaining([
        'Set your organisation’s name in Settings: ClaimReview names it as the author of every review.',
        'Neither the fact check’s address nor your organisation’s website is set, so the reviews have no url.',
      ]),
    )
  })

  it('names the outlet as the claim’s author when the article has no author, and warns about what is missing', () => {
    const project = sampleProject()
    project.article.author = ''
    expect(reviewsOf(project).reviews[0]?.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'The Daily Example' })
    project.article.outlet = ''
    project.article.url = 'ftp://example.org/article'
    const { reviews, warnings } = reviewsOf(project)
    expect(reviews[0]?.itemReviewed).toEqual({
      '@type': 'Claim',
      datePublished: '2026-11-23',
      appearance: { '@type': 'CreativeWork', headline: 'Minister promises cheaper trains by 2030', datePublished: '2026-11-23' },
    })
    expect(warnings).toEqual(
      expect.arrayContaining([
        'The article has neither an author nor an outlet, so the claims have no author.',
        'The article has no web address (http or https), so the claims’ appearance has no url.',
      ]),
    )
  })

  it('escapes "<", ">" and "&" so the JSON can sit in a script element, and reads back unchanged', () => {
    const { content } = renderClaimReview(hostileProject(), HOSTILE_OPTIONS)
    expect(content).not.toMatch(/[<>&]/)
    expect(content).toContain(
      '"claimReviewed": "Breaking \\u003cscript\\u003ewindow.__pwned=\'script\';alert(1)\\u003c/script\\u003e news."',
    )
    const reviews = JSON.parse(content) as Review[]
    expect(reviews.map((r) => r.claimReviewed)).toEqual([hostileProject().claims[0]?.text, hostileProject().claims[1]?.text])
    expect(reviews[0]?.author).toEqual({ '@type': 'Organization', name: HOSTILE_OPTIONS.organisation.name })
    expect(reviews[0]?.url).toBeUndefined()
  })
})

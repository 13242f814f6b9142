import type { ClaimReview, WithContext } from 'schema-dts'
import { describe, expect, it } from 'vitest'
import { ratingScalePreset } from '@domain/project/rating-scales'
import type { Project } from '@domain/project/schema'
import { claimReviewSnippet, renderClaimReview, renderReport, type ReportOptions } from '@domain/report'
import { BULLETIN, HOSTILE_OPTIONS, hostileProject, MINISTER, SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

/**
 * What Google's fact-check guidelines require (R) and recommend (r), as the type every review must
 * meet here: ClaimReview url (R), claimReviewed (R), reviewRating (R), author (r), datePublished (r),
 * itemReviewed (r); Claim author (r), datePublished (r), appearance (r), firstAppearance (r);
 * Rating alternateName (R), name, ratingValue, bestRating, worstRating (r, the numbers where the
 * scale has them). The output is built with schema-dts types; this reads it back as plain JSON.
 */
interface Work {
  '@type': 'NewsArticle' | 'CreativeWork'
  url?: string
  headline?: string
  publisher?: { '@type': 'Organization'; name: string }
  author?: { '@type': 'Person'; name: string }
  datePublished?: string
}
interface Review {
  '@context': 'https://schema.org'
  '@type': 'ClaimReview'
  url: string
  datePublished: string
  author: { '@type': 'Organization'; name: string; url?: string; logo?: { '@type': 'ImageObject'; url: string } }
  creator?: { '@type': 'Person'; name: string }
  claimReviewed: string
  reviewBody?: string
  reviewRating: {
    '@type': 'Rating'
    name: string
    alternateName: string
    ratingValue?: number
    bestRating?: number
    worstRating?: number
  }
  itemReviewed: {
    '@type': 'Claim'
    author: { '@type': 'Person' | 'Organization'; name: string; jobTitle?: string; sameAs?: string }
    datePublished: string
    appearance: Work | Work[]
    firstAppearance: Work
  }
}

const PUBLISHED: Partial<ReportOptions> = {
  claims: 'done',
  reviewUrl: 'https://factdesk.example.org/checks/cheaper-trains',
  reviewDate: '2026-11-28',
  organisation: { name: 'Fact Desk Lab', url: 'https://factdesk.example.org', logo: 'https://factdesk.example.org/logo.png' },
}

function reviewsOf(project: Project, options: Partial<ReportOptions> = PUBLISHED) {
  const rendered = renderClaimReview(project, { ...SAMPLE_OPTIONS, ...options })
  // Typed through schema-dts first: what the JSON holds is a list of schema.org ClaimReviews.
  const typed = JSON.parse(rendered.content) as WithContext<ClaimReview>[]
  return { ...rendered, reviews: typed as unknown as Review[] }
}

const appearancesOf = (review: Review): Work[] =>
  Array.isArray(review.itemReviewed.appearance) ? review.itemReviewed.appearance : [review.itemReviewed.appearance]

describe('ClaimReview JSON-LD', () => {
  it('is a JSON array with one complete ClaimReview per Done claim that has a verdict', () => {
    expect(renderReport(sampleProject(), 'claimreview', { ...SAMPLE_OPTIONS, ...PUBLISHED })).toMatchObject({
      mimeType: 'application/ld+json',
      extension: 'jsonld',
      missing: [],
    })
    const { reviews } = reviewsOf(sampleProject())
    expect(reviews.map((r) => r.claimReviewed)).toEqual([
      'Rail fares fell by 12% last year',
      "Critics say the government's 2019 pledge to electrify 500 miles of track has been quietly dropped.",
      'The minister also claimed that punctuality is at a record high of 92%.',
    ])
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factdesk.example.org/checks/cheaper-trains',
      inLanguage: 'en',
      datePublished: '2026-11-28',
      author: {
        '@type': 'Organization',
        name: 'Fact Desk Lab',
        url: 'https://factdesk.example.org/',
        logo: { '@type': 'ImageObject', url: 'https://factdesk.example.org/logo.png' },
      },
      creator: { '@type': 'Person', name: 'Ana Ruiz' },
      claimReviewed: 'Rail fares fell by 12% last year',
      reviewBody:
        'Regulated fares rose by 3.8% in March; no fare category fell.\nThe 12% figure is the fall in passenger numbers, not fares.\n\nThe minister’s office did not reply to a request for comment.',
      reviewRating: { '@type': 'Rating', name: 'False', alternateName: 'False', ratingValue: 2, bestRating: 6, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Rob Hale', jobTitle: 'Transport Minister', sameAs: 'https://gov.example/ministers/rob-hale' },
        datePublished: '2026-11-22',
        appearance: [
          {
            '@type': 'NewsArticle',
            url: 'https://news.example.com/2026/11/cheaper-trains',
            headline: 'Minister promises cheaper trains by 2030',
            publisher: { '@type': 'Organization', name: 'The Daily Example' },
            author: { '@type': 'Person', name: 'Jane Doe' },
            datePublished: '2026-11-23',
          },
          {
            '@type': 'CreativeWork',
            url: BULLETIN.url,
            headline: BULLETIN.title,
            publisher: { '@type': 'Organization', name: 'TV Example' },
            author: { '@type': 'Person', name: 'Kim Lee' },
            datePublished: '2026-11-22',
          },
        ],
        firstAppearance: {
          '@type': 'CreativeWork',
          url: BULLETIN.url,
          headline: BULLETIN.title,
          publisher: { '@type': 'Organization', name: 'TV Example' },
          author: { '@type': 'Person', name: 'Kim Lee' },
          datePublished: '2026-11-22',
        },
      },
    })
  })

  it('fills every property Google’s fact-check guidelines require or recommend, in every review', () => {
    const { reviews, missing } = reviewsOf(sampleProject())
    expect(missing).toEqual([])
    expect(reviews).toHaveLength(3)
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org')
      expect(review['@type']).toBe('ClaimReview')
      expect(review.url).toBe('https://factdesk.example.org/checks/cheaper-trains')
      expect(review.claimReviewed.length).toBeGreaterThan(0)
      expect(review.datePublished).toBe('2026-11-28')
      expect(review.author.name).toBe('Fact Desk Lab')
      expect(review.author.url).toMatch(/^https:\/\//)
      expect(review.author.logo?.url).toMatch(/^https:\/\//)
      const rating = review.reviewRating
      expect(rating['@type']).toBe('Rating')
      expect(rating.alternateName.length).toBeGreaterThan(0)
      expect(rating.name).toBe(rating.alternateName)
      expect(rating.worstRating).toBeGreaterThanOrEqual(1)
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating ?? Infinity)
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating ?? -Infinity)
      const claim = review.itemReviewed
      expect(claim['@type']).toBe('Claim')
      expect(claim.author.name.length).toBeGreaterThan(0)
      expect(claim.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      for (const work of [...appearancesOf(review), claim.firstAppearance]) {
        expect(work.url).toMatch(/^https:\/\//)
        expect(work.headline?.length).toBeGreaterThan(0)
        expect(work.publisher?.name.length).toBeGreaterThan(0)
        expect(work.author?.name.length).toBeGreaterThan(0)
      }
    }
  })

  it('names the claimant as the claim’s author, never the reporter who wrote the article', () => {
    const { reviews, content } = reviewsOf(sampleProject())
    expect(reviews.map((r) => r.itemReviewed.author)).toEqual([
      { '@type': 'Person', name: MINISTER.name, jobTitle: MINISTER.role, sameAs: MINISTER.url },
      { '@type': 'Organization', name: 'Rail Future Campaign' },
      { '@type': 'Person', name: MINISTER.name, jobTitle: MINISTER.role, sameAs: MINISTER.url },
    ])
    // The reporter appears only as the author of the article the claim appeared in.
    expect(content).toContain('Jane Doe')
    const withoutAppearances = reviews.map((r) => ({ ...r, itemReviewed: { ...r.itemReviewed, appearance: null, firstAppearance: null } }))
    expect(JSON.stringify(withoutAppearances)).not.toContain('Jane Doe')
  })

  it('dates the claim by the claim, else the article; the review by its publication, never the export day', () => {
    const { reviews } = reviewsOf(sampleProject())
    expect(reviews.map((r) => r.itemReviewed.datePublished)).toEqual(['2026-11-22', '2026-11-23', '2026-11-23'])
    expect(reviews.every((r) => r.datePublished === '2026-11-28')).toBe(true)
    const project = sampleProject()
    project.publication = { reviewUrl: 'https://factdesk.example.org/checks/remembered', publishedAt: '2026-12-01' }
    const remembered = reviewsOf(project, { ...PUBLISHED, reviewUrl: undefined, reviewDate: undefined })
    expect(remembered.reviews[0]).toMatchObject({ url: 'https://factdesk.example.org/checks/remembered', datePublished: '2026-12-01' })
  })

  it('publishes Done claims by default and says how many were left out and why', () => {
    const { reviews, warnings } = reviewsOf(sampleProject())
    expect(reviews).toHaveLength(3)
    expect(warnings).toContain('Left out: 2 claims not Done (1 in progress, 1 needs review).')
    const all = reviewsOf(sampleProject(), { ...PUBLISHED, claims: 'accepted' })
    expect(all.reviews).toHaveLength(4)
    expect(all.warnings).toContain('Left out: 1 claim without a verdict.')
  })

  it('names each missing required field, so publishing can be refused with what to fill in', () => {
    const project = sampleProject()
    project.claims = project.claims.map((c) => (c.id === 'c-electrify' ? { ...c, claimant: null } : c))
    const { missing } = reviewsOf(project, { claims: 'done', organisation: { name: '', url: '' } })
    expect(missing).toEqual([
      'the fact check’s address (the URL of the published review)',
      'the fact check’s publication date',
      'your organisation’s name (the author of every review)',
      "who made the claim “Critics say the government's 2019 pledg…” (its Claimant)",
    ])
    const malformed = reviewsOf(sampleProject(), { ...PUBLISHED, reviewUrl: 'factdesk.example.org/checks', reviewDate: '2026-11' })
    expect(malformed.missing).toEqual([
      'the fact check’s address as an http(s) URL (“factdesk.example.org/checks” is not one)',
      'the fact check’s publication date as a full date like 2026-11-27 (“2026-11” is not one)',
    ])
    const nothing = reviewsOf(sampleProject(), { ...PUBLISHED, claims: 'done' })
    expect(nothing.missing).toEqual([])
    const none = sampleProject()
    none.claims = none.claims.map((c) => ({ ...c, verdict: null }))
    expect(reviewsOf(none).missing).toEqual(['a claim with a verdict in this selection (only claims with a verdict are published)'])
  })

  it('warns where Google advises more: a statement over 75 characters, no logo, a review on another site', () => {
    const { warnings } = reviewsOf(sampleProject(), {
      ...PUBLISHED,
      organisation: { name: 'Fact Desk Lab', url: 'https://factdesk.example.org' },
      reviewUrl: 'https://elsewhere.example/check',
    })
    expect(warnings).toEqual(
      expect.arrayContaining([
        "The ClaimReview statement of “Critics say the government's 2019 pledg…” is 98 characters; Google advises under 75: shorten it in the claim’s details.",
        'Your organisation has no logo address (http or https) set; Google recommends one for the author.',
        'The fact check’s address is on another site than your organisation’s website; Google expects the page that carries the markup to be at the review’s address.',
      ]),
    )
    // The fares claim's own short statement is within the advice, though its text is not.
    expect(warnings.some((w) => w.includes('“The transport minister'))).toBe(false)
  })

  it('gives numbers only where the verdict’s label has one, and the label always', () => {
    const project = sampleProject()
    project.ratingScale = structuredClone(ratingScalePreset('meta-afp') ?? project.ratingScale)
    for (const claim of project.claims) claim.verdict = claim.verdict && (claim.id === 'c-fares' ? 'satire' : 'partly-false')
    const { reviews } = reviewsOf(project)
    expect(reviews[0]?.reviewRating).toEqual({ '@type': 'Rating', name: 'Satire', alternateName: 'Satire' })
    expect(reviews[1]?.reviewRating).toEqual({
      '@type': 'Rating',
      name: 'Partly false',
      alternateName: 'Partly false',
      ratingValue: 3,
      bestRating: 5,
      worstRating: 1,
    })
    project.ratingScale = structuredClone(ratingScalePreset('conclusion') ?? project.ratingScale)
    for (const claim of project.claims) claim.verdict = claim.verdict && 'misleading'
    for (const review of reviewsOf(project).reviews)
      expect(review.reviewRating).toEqual({ '@type': 'Rating', name: 'Misleading', alternateName: 'Misleading' })
  })

  it('escapes "<", ">" and "&" so the JSON can sit in a script element, and reads back unchanged', () => {
    const { content } = renderClaimReview(hostileProject(), HOSTILE_OPTIONS)
    expect(content).not.toMatch(/[<>&]/)
    expect(content).toContain('"claimReviewed": "Short \\u003cscript\\u003ewindow.__pwned=\'script\';alert(1)\\u003c/script\\u003e"')
    const reviews = JSON.parse(content) as Review[]
    expect(reviews.map((r) => r.itemReviewed.author.name)).toEqual(
      hostileProject()
        .claims.slice(0, 2)
        .map((c) => c.claimant?.name),
    )
    // Addresses that are not http(s) are left out, never published as links.
    expect(reviews[0]?.itemReviewed.author.sameAs).toBeUndefined()
    expect(reviews[1]?.itemReviewed.author.sameAs).toBeUndefined()
    expect(appearancesOf(reviews[0]!).map((w) => w.url)).toEqual([undefined, undefined])
    expect(reviews[0]?.author).toEqual({ '@type': 'Organization', name: HOSTILE_OPTIONS.organisation.name })
  })

  it('gives a snippet to paste into a CMS: one script element whose text cannot close it', () => {
    const { content } = renderClaimReview(hostileProject(), {
      ...HOSTILE_OPTIONS,
      reviewUrl: 'https://desk.example/c',
      reviewDate: '2026-11-28',
    })
    const snippet = claimReviewSnippet(content)
    expect(snippet.startsWith('<script type="application/ld+json">\n[')).toBe(true)
    expect(snippet.endsWith(']\n</script>\n')).toBe(true)
    expect(snippet.match(/<\/script/gi)).toHaveLength(1)
    expect(snippet.match(/</g)).toHaveLength(2)
    const json = snippet.slice('<script type="application/ld+json">\n'.length, -'\n</script>\n'.length)
    expect(JSON.parse(json)).toEqual(JSON.parse(content))
  })
})

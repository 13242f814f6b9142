import type { Claim as SchemaClaim, ClaimReview, CreativeWork, Organization, Person, Rating, WithContext } from 'schema-dts'
import { STATUS_LABELS } from '../project/ops'
import type { Appearance, Claim, Claimant, ClaimStatus, RatingLabel, RatingScale } from '../project/schema'
import { httpUrl } from './escape'
import { CLAIM_REVIEWED_ADVISED_LENGTH } from './limits'
import { appearancesOf, claimDateOf, plural, type ReportModel } from './model'

export interface ClaimReviewOutput {
  reviews: WithContext<ClaimReview>[]
  /** What Google recommends and the reviews lack, and what was left out: publishing is still possible. */
  warnings: string[]
  /** What publishing needs and the reviews lack, each named so the checker can supply it. */
  missing: string[]
}

export { CLAIM_REVIEWED_ADVISED_LENGTH }

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * `alternateName` (and `name`) is always the label; the numbers appear only when the verdict's
 * label has one, bounded by the scale's numbered labels (the project schema keeps every value at 1
 * or more, so `worstRating` is never below 1 as Google's fact-check markup requires).
 */
function rating(label: RatingLabel, scale: RatingScale): Rating {
  const values = scale.labels.flatMap((l) => (l.value === null ? [] : [l.value]))
  const words = { '@type': 'Rating', name: label.label, alternateName: label.label } as const
  if (label.value === null) return words
  return { ...words, ratingValue: label.value, bestRating: Math.max(...values), worstRating: Math.min(...values) }
}

/** The person or body who made the claim; their page, when it is a web address, identifies them (`sameAs`). */
function claimantOf(claimant: Claimant): Person | Organization {
  const sameAs = httpUrl(claimant.url)
  const common = { name: claimant.name, ...(sameAs ? { sameAs } : {}) }
  if (claimant.kind === 'organization') return { '@type': 'Organization', ...common }
  return { '@type': 'Person', ...common, ...(claimant.role ? { jobTitle: claimant.role } : {}) }
}

/** One place the claim appeared, as a CreativeWork: its address, headline, outlet, author and date. */
function creativeWork(appearance: Appearance, isArticle: boolean): CreativeWork {
  const url = httpUrl(appearance.url)
  return {
    '@type': isArticle && appearance.publisher ? 'NewsArticle' : 'CreativeWork',
    ...(url ? { url } : {}),
    ...(appearance.title ? { headline: appearance.title } : {}),
    ...(appearance.publisher ? { publisher: { '@type': 'Organization', name: appearance.publisher } } : {}),
    ...(appearance.author ? { author: { '@type': 'Person', name: appearance.author } } : {}),
    ...(appearance.date ? { datePublished: appearance.date } : {}),
  }
}

/** The earliest dated appearance (dates compare as text: 2026 < 2026-03 < 2026-03-02), else the first. */
function earliest(appearances: readonly Appearance[]): Appearance | undefined {
  const dated = appearances.filter((a) => a.date)
  return dated.length ? dated.reduce((a, b) => (b.date < a.date ? b : a)) : appearances[0]
}

function quoteShort(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return `“${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}”`
}

/** "2 in progress, 1 to check", for the claims a ClaimReview export left out. */
function byStatus(claims: readonly Claim[]): string {
  const counts = new Map<ClaimStatus, number>()
  for (const claim of claims) counts.set(claim.status, (counts.get(claim.status) ?? 0) + 1)
  return [...counts].map(([status, count]) => `${count} ${STATUS_LABELS[status].toLowerCase()}`).join(', ')
}

/**
 * One schema.org ClaimReview per reported claim that has a verdict, each a complete JSON-LD object
 * with its own `@context`, so one can be pasted on its own into a fact-check page. What Google's
 * fact-check guidelines require is checked and named in `missing`: the review's own address (`url`,
 * the published fact check, never the checked article, which is an `appearance`), its publication
 * date, the organisation that publishes it (`author`), and for each claim who made it
 * (`itemReviewed.author`: the claimant, never the reporter who quoted them).
 */
export function claimReviews(model: ReportModel): ClaimReviewOutput {
  const { project, options } = model
  const { ratingScale } = project
  const { organisation } = options
  const warnings: string[] = []
  const missing: string[] = []
  const reviewUrlGiven = (options.reviewUrl ?? project.publication.reviewUrl).trim()
  const reviewDate = (options.reviewDate ?? project.publication.publishedAt).trim()
  const url = httpUrl(reviewUrlGiven)
  const organisationUrl = httpUrl(organisation.url)
  const logo = httpUrl(organisation.logo ?? '')
  const rated = model.claims.flatMap((c) => (c.verdict ? [{ ...c, verdict: c.verdict }] : []))

  const reported = new Set(model.claims.map((c) => c.claim.id))
  const notSelected = project.claims.filter((c) => !reported.has(c.id) && c.status !== 'suggested' && c.status !== 'dismissed')
  if (notSelected.length > 0) {
    const why = options.claims === 'done' ? 'not Done' : 'not in this selection'
    warnings.push(`Left out: ${plural(notSelected.length, 'claim')} ${why} (${byStatus(notSelected)}).`)
  }
  if (model.unrated > 0) warnings.push(`Left out: ${plural(model.unrated, 'claim')} without a verdict.`)

  if (rated.length === 0) missing.push('a claim with a verdict in this selection (only claims with a verdict are published)')
  if (!reviewUrlGiven) missing.push('the fact check’s address (the URL of the published review)')
  else if (!url) missing.push(`the fact check’s address as an http(s) URL (“${reviewUrlGiven}” is not one)`)
  if (!reviewDate) missing.push('the fact check’s publication date')
  else if (!FULL_DATE.test(reviewDate))
    missing.push(`the fact check’s publication date as a full date like 2026-11-27 (“${reviewDate}” is not one)`)
  if (!organisation.name.trim()) missing.push('your organisation’s name (the author of every review)')
  for (const { claim } of rated) {
    if (!claim.claimant) missing.push(`who made the claim ${quoteShort(claim.text)} (its Claimant)`)
  }

  if (rated.length > 0) {
    if (!organisationUrl) warnings.push('Your organisation has no website (http or https) set; Google recommends one for the author.')
    if (!logo) warnings.push('Your organisation has no logo address (http or https) set; Google recommends one for the author.')
    if (url && organisationUrl && new URL(url).hostname !== new URL(organisationUrl).hostname) {
      warnings.push(
        'The fact check’s address is on another site than your organisation’s website; Google expects the page that carries the markup to be at the review’s address.',
      )
    }
    if (!httpUrl(project.article.url))
      warnings.push('The article has no web address (http or https), so the claims’ appearance in it has no url.')
    for (const { claim } of rated) {
      const statement = claim.claimReviewed || claim.text
      if (statement.length > CLAIM_REVIEWED_ADVISED_LENGTH)
        warnings.push(
          `The ClaimReview statement of ${quoteShort(claim.text)} is ${statement.length} characters; Google advises under ${CLAIM_REVIEWED_ADVISED_LENGTH}: shorten it in the claim’s details.`,
        )
      if (!claimDateOf(claim, project)) warnings.push(`The claim ${quoteShort(claim.text)} has no date, and the article has none either.`)
    }
  }

  const author: Organization = {
    '@type': 'Organization',
    name: organisation.name.trim(),
    ...(organisationUrl ? { url: organisationUrl } : {}),
    ...(logo ? { logo: { '@type': 'ImageObject', url: logo } } : {}),
  }

  const reviews = rated.map(({ claim, verdict }): WithContext<ClaimReview> => {
    const appearances = appearancesOf(claim, project)
    const works = appearances.map((a, i) => creativeWork(a, i === 0))
    const first = earliest(appearances)
    const date = claimDateOf(claim, project)
    const itemReviewed: SchemaClaim = {
      '@type': 'Claim',
      ...(claim.claimant ? { author: claimantOf(claim.claimant) } : {}),
      ...(date ? { datePublished: date } : {}),
      appearance: works.length === 1 ? works[0] : works,
      ...(first ? { firstAppearance: works[appearances.indexOf(first)] } : {}),
    }
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      ...(url ? { url } : {}),
      ...(reviewDate ? { datePublished: reviewDate } : {}),
      author,
      ...(claim.checker.trim() ? { creator: { '@type': 'Person', name: claim.checker.trim() } } : {}),
      claimReviewed: claim.claimReviewed || claim.text,
      ...(claim.rationale.trim() ? { reviewBody: claim.rationale.trim() } : {}),
      reviewRating: rating(verdict, ratingScale),
      itemReviewed,
    }
  })
  return { reviews, warnings, missing }
}

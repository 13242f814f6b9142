import type { ClaimReview, CreativeWork, Organization, Person, Rating, WithContext } from 'schema-dts'
import type { RatingLabel, RatingScale } from '../project/schema'
import { httpUrl } from './escape'
import { isoDay, plural, type ReportModel } from './model'

export interface ClaimReviewOutput {
  reviews: WithContext<ClaimReview>[]
  warnings: string[]
}

/**
 * `alternateName` is always the label; the numbers appear only when the verdict's label has one,
 * bounded by the scale's numbered labels (the project schema keeps every value at 1 or more, so
 * `worstRating` is never below 1 as Google's fact-check markup requires).
 */
function rating(label: RatingLabel, scale: RatingScale): Rating {
  const values = scale.labels.flatMap((l) => (l.value === null ? [] : [l.value]))
  if (label.value === null) return { '@type': 'Rating', alternateName: label.label }
  return {
    '@type': 'Rating',
    alternateName: label.label,
    ratingValue: label.value,
    bestRating: Math.max(...values),
    worstRating: Math.min(...values),
  }
}

/**
 * One schema.org ClaimReview per reported claim that has a verdict, each a complete JSON-LD object
 * with its own `@context`, so one can be pasted on its own into a fact-check page.
 * - `url`: the published fact check (`reviewUrl`), else the organisation's site. Never the checked
 *   article's address: that page hosts the claim, not the review; it is `itemReviewed.appearance`.
 * - `datePublished`: the export's day, the closest Factdesk knows to the review's publication.
 * - `itemReviewed.author`: the article's author as a Person, else its outlet as an Organization.
 */
export function claimReviews(model: ReportModel): ClaimReviewOutput {
  const { article, ratingScale } = model.project
  const { organisation, generatedAt, reviewUrl } = model.options
  const warnings: string[] = []
  const reviewPage = httpUrl(reviewUrl ?? '')
  const organisationUrl = httpUrl(organisation.url)
  const url = reviewPage ?? organisationUrl
  const articleUrl = httpUrl(article.url)
  const rated = model.claims.flatMap((c) => (c.verdict ? [{ ...c, verdict: c.verdict }] : []))

  if (model.unrated > 0)
    warnings.push(`${plural(model.unrated, 'claim')} without a verdict ${model.unrated === 1 ? 'was' : 'were'} left out.`)
  if (rated.length > 0) {
    if (!organisation.name) warnings.push('Set your organisation’s name in Settings: ClaimReview names it as the author of every review.')
    if (reviewUrl && !reviewPage) warnings.push(`The fact check’s address “${reviewUrl}” is not an http(s) URL, so it was not used.`)
    if (!url) {
      warnings.push('Neither the fact check’s address nor your organisation’s website is set, so the reviews have no url.')
    } else if (!reviewPage) {
      warnings.push('The reviews’ url is your organisation’s website; give the published fact check’s address to point to it instead.')
    }
    if (!article.author && !article.outlet) warnings.push('The article has neither an author nor an outlet, so the claims have no author.')
    if (!articleUrl) warnings.push('The article has no web address (http or https), so the claims’ appearance has no url.')
  }

  const claimAuthor: Person | Organization | undefined = article.author
    ? { '@type': 'Person', name: article.author }
    : article.outlet
      ? { '@type': 'Organization', name: article.outlet }
      : undefined
  const appearance: CreativeWork = {
    '@type': article.outlet ? 'NewsArticle' : 'CreativeWork',
    ...(articleUrl ? { url: articleUrl } : {}),
    ...(article.title ? { headline: article.title } : {}),
    ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
  }
  const author: Organization = {
    '@type': 'Organization',
    name: organisation.name,
    ...(organisationUrl ? { url: organisationUrl } : {}),
  }

  const reviews = rated.map(({ claim, verdict }): WithContext<ClaimReview> => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    datePublished: isoDay(generatedAt),
    author,
    claimReviewed: claim.text,
    ...(claim.rationale.trim() ? { reviewBody: claim.rationale.trim() } : {}),
    reviewRating: rating(verdict, ratingScale),
    itemReviewed: {
      '@type': 'Claim',
      ...(claimAuthor ? { author: claimAuthor } : {}),
      ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
      appearance,
    },
  }))
  return { reviews, warnings }
}

import type { Claim as SchemaClaim, ClaimReview, CreativeWork, Organization, Person, Rating, WithContext } from 'schema-dts'
import type { Appearance, Claim, Claimant, ClaimStatus, RatingLabel, RatingScale } from '../project/schema'
import { httpUrl } from './escape'
import { CLAIM_REVIEWED_ADVISED_LENGTH } from './limits'
import type { Translate } from '../translate'
import { appearancesOf, claimDateOf, statusLabel, type ReportModel } from './model'

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

/**
 * One place the claim appeared, as a CreativeWork: its address, headline, outlet, author and date,
 * and for the checked article, when a newer version of it was imported, `dateModified`: the day
 * Factdesk took in the latest version (the article was edited on or before it).
 */
function creativeWork(appearance: Appearance, isArticle: boolean, modified: string | null): CreativeWork {
  const url = httpUrl(appearance.url)
  return {
    '@type': isArticle && appearance.publisher ? 'NewsArticle' : 'CreativeWork',
    ...(url ? { url } : {}),
    ...(appearance.title ? { headline: appearance.title } : {}),
    ...(appearance.publisher ? { publisher: { '@type': 'Organization', name: appearance.publisher } } : {}),
    ...(appearance.author ? { author: { '@type': 'Person', name: appearance.author } } : {}),
    ...(appearance.date ? { datePublished: appearance.date } : {}),
    ...(isArticle && modified ? { dateModified: modified } : {}),
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
function byStatus(claims: readonly Claim[], t: Translate, language: string): string {
  const counts = new Map<ClaimStatus, number>()
  for (const claim of claims) counts.set(claim.status, (counts.get(claim.status) ?? 0) + 1)
  return new Intl.ListFormat(language, { type: 'unit' }).format(
    [...counts].map(([status, count]) =>
      t('report.countWithStatus', { count, status: statusLabel(status, t).toLocaleLowerCase(language) }),
    ),
  )
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
  const { t, language } = options.translator
  const warnings: string[] = []
  const missing: string[] = []
  const reviewUrlGiven = (options.reviewUrl ?? project.publication.reviewUrl).trim()
  const reviewDate = (options.reviewDate ?? project.publication.publishedAt).trim()
  const url = httpUrl(reviewUrlGiven)
  const organisationUrl = httpUrl(organisation.url)
  const logo = httpUrl(organisation.logo ?? '')
  const rated = model.claims.flatMap((c) => (c.verdict ? [{ ...c, verdict: c.verdict }] : []))
  const lastEdit = project.evidence.versions.at(-1)?.replacedAt.slice(0, 10) ?? null

  const reported = new Set(model.claims.map((c) => c.claim.id))
  const notSelected = project.claims.filter((c) => !reported.has(c.id) && c.status !== 'suggested' && c.status !== 'dismissed')
  if (notSelected.length > 0) {
    const list = byStatus(notSelected, t, language)
    warnings.push(
      t(options.claims === 'done' ? 'report.cr.leftOutNotDone' : 'report.cr.leftOutNotSelected', { count: notSelected.length, list }),
    )
  }
  if (model.unrated > 0) warnings.push(t('report.cr.leftOutUnrated', { count: model.unrated }))

  if (rated.length === 0) missing.push(t('report.cr.missing.rated'))
  if (!reviewUrlGiven) missing.push(t('report.cr.missing.url'))
  else if (!url) missing.push(t('report.cr.missing.urlNotHttp', { value: reviewUrlGiven }))
  if (!reviewDate) missing.push(t('report.cr.missing.date'))
  else if (!FULL_DATE.test(reviewDate)) missing.push(t('report.cr.missing.dateNotFull', { value: reviewDate }))
  if (!organisation.name.trim()) missing.push(t('report.cr.missing.organisation'))
  for (const { claim } of rated) {
    if (!claim.claimant) missing.push(t('report.cr.missing.claimant', { claim: quoteShort(claim.text) }))
  }

  if (rated.length > 0) {
    if (!organisationUrl) warnings.push(t('report.cr.noWebsite'))
    if (!logo) warnings.push(t('report.cr.noLogo'))
    if (url && organisationUrl && new URL(url).hostname !== new URL(organisationUrl).hostname) {
      warnings.push(t('report.cr.otherSite'))
    }
    if (!httpUrl(project.article.url)) warnings.push(t('report.cr.articleNoUrl'))
    for (const { claim } of rated) {
      const statement = claim.claimReviewed || claim.text
      if (statement.length > CLAIM_REVIEWED_ADVISED_LENGTH)
        warnings.push(
          t('report.cr.statementLong', { claim: quoteShort(claim.text), length: statement.length, advised: CLAIM_REVIEWED_ADVISED_LENGTH }),
        )
      if (!claimDateOf(claim, project)) warnings.push(t('report.cr.noDate', { claim: quoteShort(claim.text) }))
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
    const works = appearances.map((a, i) => creativeWork(a, i === 0, lastEdit))
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
      // The review is published beside the article, in the article's language, whatever the report's.
      ...(project.article.language && project.article.language !== 'und' ? { inLanguage: project.article.language } : {}),
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

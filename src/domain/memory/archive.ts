import { z } from 'zod'
import { AppError } from '../errors'

/**
 * A fact-check archive as Factdesk keeps it: the published fact-checks a team imported (from
 * schema.org ClaimReview, a CSV export, another team's Factdesk JSON report), one file per import
 * in the projects folder's `archives/` folder, in one shape whatever it came from.
 */

export const ARCHIVE_SUFFIX = '.factdesk-archive.json'
export const MAX_ARCHIVE_REVIEWS = 200_000

const ArchiveSourceSchema = z.strictObject({
  url: z.string().max(4000),
  title: z.string().max(1000),
  publisher: z.string().max(500),
  date: z.string().max(40),
  excerpt: z.string().max(20000),
})
export type ArchiveSource = z.infer<typeof ArchiveSourceSchema>

export const ArchiveReviewSchema = z.strictObject({
  id: z.string().min(1).max(200),
  /** The claim that was checked (ClaimReview's `claimReviewed`). */
  claim: z.string().min(1).max(5000),
  /** The fact-check's headline. */
  title: z.string().max(1000),
  /** The rating as published ("False", "Pants on Fire"). */
  verdict: z.string().max(200),
  rationale: z.string().max(20000),
  claimant: z.string().max(300),
  claimDate: z.string().max(40),
  reviewDate: z.string().max(40),
  url: z.string().max(4000),
  /** Who published the fact-check. */
  outlet: z.string().max(500),
  language: z.string().max(10),
  sources: z.array(ArchiveSourceSchema).max(200),
})
export type ArchiveReview = z.infer<typeof ArchiveReviewSchema>

export const ArchiveFileSchema = z.strictObject({
  format: z.literal('factdesk-archive'),
  version: z.literal(1),
  name: z.string().min(1).max(300),
  /** The file it was imported from, by name. */
  source: z.string().max(1000),
  importedAt: z.iso.datetime({ offset: true }),
  reviews: z.array(ArchiveReviewSchema).max(MAX_ARCHIVE_REVIEWS),
})
export type ArchiveFile = z.infer<typeof ArchiveFileSchema>

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown, max = 20000): string =>
  (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '').replace(/\s+/g, ' ').trim().slice(0, max)
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)
const nameOf = (value: unknown): string => {
  const v = first(value)
  return isObject(v) ? text(v.name, 500) : text(v, 500)
}
const typesOf = (value: Json): string[] => {
  const type = value['@type']
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string')
}

/** A blank review with its id and claim; the rest filled by each reader. */
export function review(id: string, claim: string, fields: Partial<ArchiveReview> = {}): ArchiveReview {
  return {
    id: id.slice(0, 200),
    claim: claim.slice(0, 5000),
    title: '',
    verdict: '',
    rationale: '',
    claimant: '',
    claimDate: '',
    reviewDate: '',
    url: '',
    outlet: '',
    language: '',
    sources: [],
    ...fields,
  }
}

/** One schema.org ClaimReview as a review, or null when it names no claim. */
function fromClaimReview(node: Json, index: number): ArchiveReview | null {
  const claim = text(node.claimReviewed, 5000)
  const item = first(node.itemReviewed)
  const itemText = isObject(item) ? text(item.name ?? item.text, 5000) : ''
  if (!claim && !itemText) return null
  const rating = first(node.reviewRating)
  const verdict = isObject(rating)
    ? text(rating.alternateName, 200) ||
      (rating.ratingValue !== undefined ? `${text(rating.ratingValue)}/${text(rating.bestRating) || '?'}` : '')
    : ''
  const appearance = isObject(item) ? first(item.appearance) : undefined
  const url = text(node.url, 4000)
  return review(url || text(node['@id'], 200) || `review-${index + 1}`, claim || itemText, {
    title: text(node.headline ?? node.name, 1000),
    verdict,
    rationale: text(node.reviewBody ?? node.description, 20000),
    claimant: isObject(item) ? nameOf(item.author) : '',
    claimDate: isObject(item) ? text(item.datePublished, 40) || (isObject(appearance) ? text(appearance.datePublished, 40) : '') : '',
    reviewDate: text(node.datePublished, 40),
    url,
    outlet: nameOf(node.author) || nameOf(node.publisher),
    language: text(node.inLanguage, 10),
  })
}

/** Every ClaimReview in a JSON-LD value: one object, an array, a DataFeed, an @graph, nested items. */
export function claimReviewsIn(value: unknown): ArchiveReview[] {
  const found: ArchiveReview[] = []
  const seen = new Set<unknown>()
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8 || node === null || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1)
      return
    }
    const object = node as Json
    if (typesOf(object).includes('ClaimReview')) {
      const r = fromClaimReview(object, found.length)
      if (r) found.push(r)
      return
    }
    for (const key of ['@graph', 'dataFeedElement', 'item', 'mainEntity', 'hasPart', 'review']) visit(object[key], depth + 1)
  }
  visit(value, 0)
  return found
}

const LD_JSON = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi

/** The JSON-LD blocks of a saved web page; blocks that are not valid JSON are skipped. */
export function jsonLdBlocksIn(html: string): unknown[] {
  const blocks: unknown[] = []
  for (const match of html.matchAll(LD_JSON)) {
    try {
      blocks.push(JSON.parse((match[1] ?? '').trim()))
    } catch {
      // A page's other scripts are not ours to judge; a broken block is one page's problem.
    }
  }
  return blocks
}

/** Another team's Factdesk JSON report: its claims with a verdict become reviews. */
export function reviewsFromFactdeskReport(value: unknown): ArchiveReview[] | null {
  if (!isObject(value) || value.generator !== 'Factdesk' || !Array.isArray(value.claims)) return null
  const article = isObject(value.article) ? value.article : {}
  const publication = isObject(value.publication) ? value.publication : {}
  const organisation = isObject(value.organisation) ? value.organisation : {}
  return value.claims.filter(isObject).flatMap((c, i) => {
    const verdict = isObject(c.verdict) ? text(c.verdict.label, 200) : ''
    const claim = text(c.claimReviewed, 5000) || text(c.text, 5000)
    if (!claim || !verdict) return []
    const sources = Array.isArray(c.sources) ? c.sources.filter(isObject) : []
    return [
      review(`${text(isObject(value.project) ? value.project.id : '') || 'report'}-${text(c.id) || i + 1}`, claim, {
        title: text(article.title, 1000),
        verdict,
        rationale: text(c.rationale),
        claimant: isObject(c.claimant) ? text(c.claimant.name, 300) : '',
        claimDate: text(c.claimDate, 40),
        reviewDate: text(publication.publishedAt, 40),
        url: text(publication.reviewUrl, 4000),
        outlet: text(organisation.name, 500) || text(article.outlet, 500),
        language: text(article.language, 10),
        sources: sources.slice(0, 200).map((s) => ({
          url: text(s.url, 4000),
          title: text(s.title, 1000),
          publisher: text(s.publisher, 500),
          date: text(s.date, 40),
          excerpt: text(s.excerpt, 20000),
        })),
      }),
    ]
  })
}

/**
 * The reviews in a JSON or HTML file: a Factdesk JSON report, or schema.org ClaimReview (one, an
 * array, a DataFeed, or the JSON-LD blocks of a saved page). NO_REVIEWS when there are none.
 */
export function reviewsFromFile(fileName: string, content: string): ArchiveReview[] {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart()
  let reviews: ArchiveReview[]
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch (error) {
      throw new AppError('INVALID_INPUT', `"${fileName}" is not valid JSON (${(error as Error).message}). Nothing was imported.`, {
        key: 'archive.notJson',
        params: { file: fileName, reason: (error as Error).message },
      })
    }
    reviews = reviewsFromFactdeskReport(value) ?? claimReviewsIn(value)
  } else {
    reviews = jsonLdBlocksIn(trimmed).flatMap((block) => claimReviewsIn(block))
  }
  if (!reviews.length)
    throw new AppError(
      'NO_REVIEWS',
      `"${fileName}" holds no fact-checks Factdesk can read: no schema.org ClaimReview with a claimReviewed, and no Factdesk JSON report with verdicts. Nothing was imported.`,
      { key: 'archive.noReviews', params: { file: fileName } },
    )
  if (reviews.length > MAX_ARCHIVE_REVIEWS)
    throw new AppError(
      'TOO_LARGE',
      `"${fileName}" holds ${reviews.length} fact-checks; an archive may hold ${MAX_ARCHIVE_REVIEWS}. Split it. Nothing was imported.`,
      { key: 'archive.tooMany', params: { file: fileName, count: reviews.length, limit: MAX_ARCHIVE_REVIEWS } },
    )
  return uniqueIds(reviews)
}

/** Ids must be unique within an archive: a repeated one gets its position added. */
export function uniqueIds(reviews: ArchiveReview[]): ArchiveReview[] {
  const seen = new Set<string>()
  return reviews.map((r, i) => {
    const id = seen.has(r.id) ? `${r.id.slice(0, 180)}#${i + 1}` : r.id
    seen.add(id)
    return id === r.id ? r : { ...r, id }
  })
}

/** Which CSV column holds each field; only the claim is required. */
export const CSV_FIELDS = [
  'claim',
  'verdict',
  'title',
  'url',
  'reviewDate',
  'claimDate',
  'claimant',
  'outlet',
  'rationale',
  'language',
] as const
export type CsvField = (typeof CSV_FIELDS)[number]
export type CsvMapping = Partial<Record<CsvField, string>> & { claim: string }

const GUESSES: Record<CsvField, RegExp> = {
  claim: /^(claim|claim ?reviewed|statement|claim ?text|text|заява|твердження|утверждение)$/i,
  verdict: /^(verdict|rating|ruling|label|textual ?rating|вердикт|оцінка|оценка)$/i,
  title: /^(title|headline|заголовок)$/i,
  url: /^(url|link|review ?url|fact-?check ?url|посилання|ссылка)$/i,
  reviewDate: /^(date|review ?date|published|date ?published|дата)$/i,
  claimDate: /^(claim ?date|stated|stated ?on)$/i,
  claimant: /^(claimant|speaker|author|who|said ?by|автор)$/i,
  outlet: /^(outlet|publisher|organi[sz]ation|site)$/i,
  rationale: /^(rationale|explanation|summary|reason)$/i,
  language: /^(language|lang|inlanguage)$/i,
}

/** A first guess at the mapping from the header's names, for the checker to confirm. */
export function guessCsvMapping(columns: string[]): Partial<Record<CsvField, string>> {
  const mapping: Partial<Record<CsvField, string>> = {}
  for (const field of CSV_FIELDS) {
    const column = columns.find((c) => GUESSES[field].test(c.trim()))
    if (column !== undefined) mapping[field] = column
  }
  return mapping
}

/** CSV rows (objects by header) as reviews through the checker's mapping; rows with no claim are skipped. */
export function reviewsFromCsvRows(fileName: string, rows: Record<string, string>[], mapping: CsvMapping): ArchiveReview[] {
  const reviews = rows.flatMap((row, i) => {
    const get = (field: CsvField, max = 20000): string => {
      const column = mapping[field]
      return column ? text(row[column], max) : ''
    }
    const claim = get('claim', 5000)
    if (!claim) return []
    return [
      review(get('url', 4000) || `row-${i + 2}`, claim, {
        title: get('title', 1000),
        verdict: get('verdict', 200),
        rationale: get('rationale'),
        claimant: get('claimant', 300),
        claimDate: get('claimDate', 40),
        reviewDate: get('reviewDate', 40),
        url: get('url', 4000),
        outlet: get('outlet', 500),
        language: get('language', 10),
      }),
    ]
  })
  if (!reviews.length)
    throw new AppError(
      'NO_REVIEWS',
      `No row of "${fileName}" has a claim in the column "${mapping.claim}". Choose the column that holds the claims. Nothing was imported.`,
      { key: 'archive.noClaims', params: { file: fileName, column: mapping.claim } },
    )
  return uniqueIds(reviews)
}

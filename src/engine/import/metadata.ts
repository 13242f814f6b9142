import type { ImportedArticle } from '@contract/import'
import { cutAtWord } from '@domain/project/create'
import { ARTICLE_LIMITS, type ArticleMetadata } from '@domain/project/schema'

/** The article's metadata as an importer found it; every field may be missing. */
export type FoundMetadata = { [K in keyof ArticleMetadata]?: string | null | undefined }

/** The metadata an import gives the new-project form, cut to the article's limits so it always fits. */
export type ImportedMetadata = Omit<ImportedArticle, 'text' | 'format' | 'encoding' | 'warnings' | 'recognised'>

function tidy(value: string | null | undefined, max: number): string {
  return cutAtWord((value ?? '').replace(/\s+/g, ' '), max)
}

/** Titles that tools write by themselves: a file name, Word's "Microsoft Word - x.docx", "Untitled". */
function isToolTitle(title: string): boolean {
  return (
    /^(microsoft (word|powerpoint|excel) - |untitled\b|document\d*$|title$)/i.test(title) ||
    /\.(docx?|pdf|rtf|odt|pages|txt|indd|html?|tex|qxp)$/i.test(title)
  )
}

/** Author names that Office and operating systems fill in when nobody set one. */
const PLACEHOLDER_NAMES = new Set([
  'microsoft office user',
  'windows user',
  'user',
  'admin',
  'administrator',
  'author',
  'un-named',
  'unknown',
  'owner',
  'pc',
])

/**
 * "2025-03-14T09:30:00+02:00" → "2025-03-14": the date as the publisher wrote it, without moving it
 * to another time zone. Other spellings ("March 14, 2025") go through Date.parse.
 */
export function looseDate(value: string | null | undefined): string {
  const text = (value ?? '').trim()
  if (!text) return ''
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(text)
  if (iso) {
    const [, year, month, day] = iso
    if (month && (Number(month) < 1 || Number(month) > 12)) return year ?? ''
    if (day && (Number(day) < 1 || Number(day) > 31)) return `${year}-${month}`
    return [year, month, day].filter(Boolean).join('-')
  }
  const parsed = new Date(text)
  if (Number.isNaN(parsed.getTime())) return ''
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`
}

/** "en-GB", "uk_UA", "EN" → "en"; anything that is not a language tag → null. */
export function languageCode(value: string | null | undefined): string | null {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return /^[a-z]{2,3}$/.test(primary) && primary !== 'und' ? primary : null
}

/** An absolute http(s) URL, or '' (a relative or javascript: link tells the checker nothing). */
export function webUrl(value: string | null | undefined, base?: string): string {
  const text = (value ?? '').trim()
  if (!text) return ''
  try {
    const url = base ? new URL(text, base) : new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= ARTICLE_LIMITS.url ? url.href : ''
  } catch {
    return ''
  }
}

/** "By Jane Doe" → "Jane Doe"; a profile URL or an Office placeholder name → ''. */
export function personName(value: string | null | undefined): string {
  const name = tidy(value, ARTICLE_LIMITS.name).replace(/^by\s+/i, '')
  if (/^https?:\/\//i.test(name) || PLACEHOLDER_NAMES.has(name.toLowerCase())) return ''
  return name
}

export function articleMetadata(found: FoundMetadata): ImportedMetadata {
  const title = tidy(found.title, ARTICLE_LIMITS.title)
  return {
    title: isToolTitle(title) ? '' : title,
    outlet: tidy(found.outlet, ARTICLE_LIMITS.name),
    author: personName(found.author),
    url: webUrl(found.url),
    publishedAt: looseDate(found.publishedAt),
    language: languageCode(found.language),
  }
}

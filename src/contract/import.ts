// What the import service (src/engine/import) gives back, shared with the API contract.
import type { ArticleMetadata } from '@domain/project/schema'
import { normalizeArticleText } from '@domain/text/normalize'

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf'

/** What a line at the top of an article was recognised as: the headline, a byline, a date line, or a photo caption. */
export type RecognisedKind = 'headline' | 'byline' | 'date' | 'caption'

/**
 * A line of the imported text that is not the article's own words: the headline (the project's
 * title), a byline, a date line or a photo caption. The review form offers to take each out of the
 * text, filling the field it gives; the checker decides line by line.
 */
export interface RecognisedLine {
  kind: RecognisedKind
  /** The line's offsets in the imported `text` (the line only, without its line break). */
  start: number
  end: number
  /** What it gives the project's fields: the title, the author's name, the date as YYYY-MM-DD. A caption gives nothing. */
  fills: { title?: string; author?: string; publishedAt?: string }
}

/**
 * An article read from a file or the clipboard: normalised text plus the metadata the file carried.
 * It fits ArticleInputSchema; fields the file did not fill are '' (language: null).
 */
export interface ImportedArticle extends Omit<ArticleMetadata, 'language'> {
  /** Normalised (normalizeArticleText): paragraphs separated by one blank line, the words as in the file. */
  text: string
  /** A primary language subtag such as "en" or "uk"; null when the file does not say. Other fields are '' when missing. */
  language: string | null
  format: ImportFormat
  /** The character encoding a text, Markdown or HTML file was read in (WHATWG name, e.g. "windows-1251"). */
  encoding?: string
  /** Things the checker should know about the result, as sentences (a guessed encoding, hyphens removed). */
  warnings: string[]
  /** Lines of `text` that are the headline, a byline, a date or a caption, in text order; offered for taking out. */
  recognised: RecognisedLine[]
}

/** What an import is doing, for the progress the review form shows when it takes more than a second. */
export interface ImportProgress {
  /** What is being read: the file's name, or "the pasted text". */
  name: string
  stage: 'starting' | 'reading' | 'checking' | 'extracting' | 'finishing'
  /** For a PDF, pages read and pages in all; null for other formats and before the page count is known. */
  pages: { done: number; total: number } | null
  /** Milliseconds since the import started. */
  elapsedMs: number
}

/**
 * The text with the chosen recognised lines taken out, normalised again so paragraphs stay one
 * blank line apart. A project's claims are offsets into its text, so this runs before the project
 * is made, never after.
 */
export function withoutLines(text: string, lines: readonly Pick<RecognisedLine, 'start' | 'end'>[]): string {
  let kept = ''
  let from = 0
  for (const line of [...lines].sort((a, b) => a.start - b.start)) {
    if (line.start < from) continue
    kept += text.slice(from, line.start)
    // A line inside a paragraph takes its line break with it, so the lines around it stay one paragraph.
    from = text[line.end] === '\n' && text[line.end + 1] !== '\n' ? line.end + 1 : line.end
  }
  return normalizeArticleText(kept + text.slice(from))
}

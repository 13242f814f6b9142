// What the import service (src/engine/import) gives back, shared with the API contract.
import type { ArticleMetadata } from '@domain/project/schema'

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf'

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
}

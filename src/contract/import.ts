// What the import service (src/main/services/import) gives back, shared with the API contract.

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf'

/**
 * An article read from a file or the clipboard: normalised text plus the metadata the file carried.
 * It fits ArticleInputSchema; fields the file did not fill are '' (language: null).
 */
export interface ImportedArticle {
  /** Normalised (normalizeArticleText): paragraphs separated by one blank line, the words as in the file. */
  text: string
  title: string
  outlet: string
  author: string
  /** An absolute http(s) URL. */
  url: string
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  publishedAt: string
  /** A primary language subtag such as "en" or "uk". */
  language: string | null
  format: ImportFormat
  /** The character encoding a text, Markdown or HTML file was read in (WHATWG name, e.g. "windows-1251"). */
  encoding?: string
  /** Things the checker should know about the result, as sentences (a guessed encoding, hyphens removed). */
  warnings: string[]
}

import { open, type FileHandle } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { MAX_IMPORT_BYTES } from '@contract/api'
import { ARTICLE_LIMITS } from '@domain/project/schema'
import { AppError } from '@domain/errors'
import { normalizeArticleText } from '@domain/text/normalize'
import { IMPORT_LIMITS, type ImportLimits } from './limits'
import { articleMetadata, type FoundMetadata } from './metadata'
import { recogniseLines } from './recognise'
import { decodeText } from './text-decoding'

export type { ImportedArticle, ImportFormat, ImportProgress, RecognisedLine } from '@contract/import'
import type { ImportedArticle, ImportFormat, ImportProgress } from '@contract/import'

/** What an import reports as it goes; the worker runner adds the name and the time. */
export type ProgressUpdate = Omit<ImportProgress, 'elapsedMs' | 'name'>

export interface ImportOptions {
  /** The caps the file is held to (see limits.ts). */
  limits?: ImportLimits
  onProgress?: (progress: ProgressUpdate) => void
}

/**
 * The largest file the import reads: 50 MB, the same ceiling as a project file. The file is read
 * into memory whole (pdf.js and mammoth need all of it), and a long report PDF with photos stays
 * well under it; anything bigger is a video, an archive or a book, not an article. The text
 * itself must also fit a project (ARTICLE_LIMITS.text: 2 million characters).
 */
export const IMPORT_MAX_BYTES = MAX_IMPORT_BYTES
const MAX_TEXT_CHARS = ARTICLE_LIMITS.text

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
}

/** The extensions the import reads, without dots, for file-dialog filters. */
export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION)

const SUPPORTED_LIST = '.txt, .md, .html, .htm, .docx or .pdf'

/** What to do with files the import does not read, by what they are. */
const ADVICE = {
  doc: 'it is an old Word 97–2003 document. Open it in Word or LibreOffice, save it as .docx, and import that',
  rtf: 'Rich Text (.rtf) is not supported. Save it as .docx or .txt and import that',
  odt: 'OpenDocument (.odt) is not supported. Save it as .docx or .pdf and import that',
  pages: 'Pages documents are not supported. Export it as .docx or .pdf and import that',
  mhtml: 'it is a single-file web archive. Save the page as "Web page, HTML only" (.html) and import that',
  image: 'it is an image, which has no text to import. Run OCR (text recognition) on it and import or paste the text',
} as const
type Advice = keyof typeof ADVICE
const ADVICE_BY_EXTENSION: Record<string, Advice | undefined> = {
  doc: 'doc',
  dot: 'doc',
  rtf: 'rtf',
  odt: 'odt',
  pages: 'pages',
  mht: 'mhtml',
  mhtml: 'mhtml',
  webarchive: 'mhtml',
  ...Object.fromEntries('jpg jpeg png gif tif tiff webp heic bmp'.split(' ').map((ext) => [ext, 'image' as const])),
}

type Sniffed = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | null

function startsWith(bytes: Uint8Array, signature: string | number[], offset = 0): boolean {
  const expected = typeof signature === 'string' ? Array.from(signature, (c) => c.charCodeAt(0)) : signature
  return expected.every((byte, i) => bytes[offset + i] === byte)
}

/**
 * What the bytes are, whatever the file is called: a renamed PDF or Word file is still read as
 * one. A PDF may carry a little junk before its "%PDF-" header, which is accepted in a file named .pdf.
 */
function sniff(bytes: Uint8Array, named: ImportFormat | undefined): Sniffed {
  if (startsWith(bytes, '%PDF-') || (named === 'pdf' && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-'))) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (startsWith(bytes, '{\\rtf')) return 'rtf'
  const image =
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, 'GIF8') ||
    startsWith(bytes, 'II*\0') ||
    startsWith(bytes, 'MM\0*') ||
    (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8))
  return image ? 'image' : null
}

const HTML_DOCUMENT = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/i

/** `key` names the catalogue sentence (`errors.import.<key>`) that says the same with the file's name and `params`. */
function cannotImport(
  code: 'UNSUPPORTED' | 'INVALID_INPUT' | 'TOO_LARGE',
  name: string,
  reason: string,
  key: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(code, `Cannot import "${name}": ${reason}.`, { key: `import.${key}`, params: { file: basename(name), ...params } })
}

function unsupported(name: string, advice: Advice): AppError {
  return cannotImport('UNSUPPORTED', name, ADVICE[advice], advice)
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1)
}

function tooLarge(name: string, size: number): AppError {
  return cannotImport(
    'TOO_LARGE',
    name,
    `it is ${megabytes(size)} MB, over the ${IMPORT_MAX_BYTES / 1024 / 1024} MB import limit. Save just the article (for a PDF, print the pages you need to a new PDF) and import that`,
    'tooLarge',
    { size: megabytes(size), limit: IMPORT_MAX_BYTES / 1024 / 1024 },
  )
}

function formatOf(bytes: Uint8Array, name: string): { format: ImportFormat; warnings: string[] } {
  const extension = extname(name).slice(1).toLowerCase()
  const named = FORMAT_BY_EXTENSION[extension]
  const sniffed = sniff(bytes, named)
  if (sniffed === 'pdf' || sniffed === 'zip') {
    const format = sniffed === 'pdf' ? 'pdf' : 'docx'
    const label = format === 'pdf' ? 'a PDF' : 'a Word (.docx) document'
    return { format, warnings: named === format ? [] : [`"${basename(name)}" is ${label} despite its name, so it was read as one.`] }
  }
  if (sniffed === 'ole') throw unsupported(name, 'doc')
  if (sniffed === 'rtf') throw unsupported(name, 'rtf')
  if (sniffed === 'image') throw unsupported(name, 'image')
  if (named === 'pdf') {
    throw cannotImport(
      'INVALID_INPUT',
      name,
      'it is named .pdf but is not a PDF (it does not start with "%PDF"); it may be damaged or mislabelled',
      'notPdf',
    )
  }
  if (named === 'docx') {
    throw cannotImport(
      'INVALID_INPUT',
      name,
      'it is named .docx but is not a Word document (a .docx file is a ZIP package); it may be damaged or mislabelled',
      'notDocx',
    )
  }
  if (named) return { format: named, warnings: [] }
  // A file without an extension is usually plain text (and a PDF or Word file was caught above).
  if (!extension) return { format: 'text', warnings: [] }
  const advice = ADVICE_BY_EXTENSION[extension]
  if (advice) throw unsupported(name, advice)
  throw cannotImport(
    'UNSUPPORTED',
    name,
    `.${extension} files are not supported. Import a ${SUPPORTED_LIST} file, or paste the text`,
    'extension',
    { extension, supported: SUPPORTED_LIST },
  )
}

interface Extracted {
  paragraphs: string[]
  metadata: FoundMetadata
  encoding?: string
  warnings: string[]
}

/**
 * Each format's reader is loaded when a file of that format arrives: together they take seconds
 * to load, which every CLI command and the app's start would otherwise pay.
 */
async function extract(
  format: ImportFormat,
  bytes: Uint8Array,
  name: string,
  { limits = IMPORT_LIMITS, onProgress }: ImportOptions,
): Promise<Extracted & { format: ImportFormat }> {
  // Word and PDF files compress: they are measured before they are read.
  onProgress?.({ stage: format === 'docx' || format === 'pdf' ? 'checking' : 'extracting', pages: null })
  switch (format) {
    case 'text': {
      const decoded = await decodeText(bytes, name)
      // A saved web page that lost its extension is still a web page.
      if (HTML_DOCUMENT.test(decoded.text.slice(0, 4096))) {
        const page = await (await import('./html')).importHtml(bytes, name)
        return {
          ...page,
          warnings: [`"${basename(name)}" is a web page despite its name, so it was read as one.`, ...page.warnings],
          format: 'html',
        }
      }
      return { paragraphs: [decoded.text], metadata: {}, encoding: decoded.encoding, warnings: decoded.warnings, format }
    }
    case 'markdown': {
      const decoded = await decodeText(bytes, name)
      const markdown = (await import('./markdown')).importMarkdown(decoded.text)
      return { ...markdown, encoding: decoded.encoding, warnings: [...decoded.warnings, ...markdown.warnings], format }
    }
    case 'html':
      return { ...(await (await import('./html')).importHtml(bytes, name)), format }
    case 'docx': {
      await (await import('./zip-guard')).checkZipSizes(bytes, name, limits)
      onProgress?.({ stage: 'extracting', pages: null })
      return { ...(await (await import('./docx')).importDocx(bytes, name)), warnings: [], format }
    }
    case 'pdf': {
      await (await import('./pdf-guard')).checkPdfStreams(bytes, name, limits)
      onProgress?.({ stage: 'extracting', pages: null })
      const onPage = (pages: { done: number; total: number }): void => onProgress?.({ stage: 'extracting', pages })
      return { ...(await (await import('./pdf')).importPdf(bytes, name, { maxPages: limits.pdfPages, onPage })), format }
    }
  }
}

const NO_TEXT: Record<ImportFormat, string> = {
  text: 'it contains no text, only white space',
  markdown: 'it contains no text, only markup or white space',
  html: 'no article text was found in the page',
  docx: 'the document contains no text',
  pdf: 'the PDF contains no text',
}

/**
 * Reads an article from a file's bytes. The format comes from the extension of `fileName`, unless
 * the content is plainly something else (a PDF or Word file under another name). Every failure is
 * an AppError whose message names the file and the reason.
 */
export async function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedArticle> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw tooLarge(fileName, bytes.byteLength)
  if (bytes.byteLength === 0) throw cannotImport('INVALID_INPUT', fileName, 'the file is empty', 'empty')
  const resolved = formatOf(bytes, fileName)
  const extracted = await extract(resolved.format, bytes, fileName, options)
  options.onProgress?.({ stage: 'finishing', pages: null })
  const text = normalizeArticleText(extracted.paragraphs.join('\n\n'))
  if (!text) throw cannotImport('INVALID_INPUT', fileName, NO_TEXT[extracted.format], 'noText', { format: extracted.format })
  if (text.length > MAX_TEXT_CHARS) {
    throw cannotImport(
      'TOO_LARGE',
      fileName,
      `its text has ${text.length.toLocaleString('en')} characters, more than the ${MAX_TEXT_CHARS.toLocaleString('en')} a project holds. Split it into several articles`,
      'tooManyCharacters',
      { characters: text.length, limit: MAX_TEXT_CHARS },
    )
  }
  const metadata = articleMetadata(extracted.metadata)
  return {
    text,
    ...metadata,
    format: extracted.format,
    ...(extracted.encoding ? { encoding: extracted.encoding } : {}),
    warnings: [...resolved.warnings, ...extracted.warnings],
    recognised: recogniseLines(text, metadata.title),
  }
}

function readError(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new AppError('NOT_FOUND', `Cannot import "${path}": there is no such file.`, {
      cause: error,
      key: 'import.noSuchFile',
      params: { file: path },
    })
  if (code === 'EISDIR') return cannotImport('INVALID_INPUT', path, 'it is a folder, not a file', 'folder')
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('IO', `Cannot import "${path}": permission was denied.`, {
      cause: error,
      key: 'import.denied',
      params: { file: path },
    })
  return new AppError('IO', `Cannot import "${path}": ${(error as Error).message}.`, {
    cause: error,
    key: 'import.unreadable',
    params: { file: path, reason: (error as Error).message },
  })
}

/** Reads an article from a file. The size is checked before anything is read. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportedArticle> {
  options.onProgress?.({ stage: 'reading', pages: null })
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw readError(path, error)
  }
  let bytes: Uint8Array
  try {
    const stats = await handle.stat()
    if (stats.isDirectory()) throw cannotImport('INVALID_INPUT', path, 'it is a folder, not a file', 'folder')
    if (!stats.isFile()) throw cannotImport('INVALID_INPUT', path, 'it is not a regular file', 'notRegular')
    if (stats.size > IMPORT_MAX_BYTES) throw tooLarge(path, stats.size)
    bytes = await handle.readFile()
  } catch (error) {
    throw error instanceof AppError ? error : readError(path, error)
  } finally {
    await handle.close()
  }
  return importBytes(bytes, path, options)
}

/**
 * An article pasted as text: normalised, its headline, byline, date and captions recognised (the
 * checker confirms them), with no other metadata. `title` is one the checker typed, if any.
 */
export function importPastedText(text: string, title = ''): ImportedArticle {
  const normalized = normalizeArticleText(text)
  if (!normalized) throw new AppError('INVALID_INPUT', 'The pasted text is empty: paste the article text.', { key: 'import.pastedEmpty' })
  if (normalized.length > MAX_TEXT_CHARS) {
    throw new AppError(
      'TOO_LARGE',
      `The pasted text has ${normalized.length.toLocaleString('en')} characters, more than the ${MAX_TEXT_CHARS.toLocaleString('en')} a project holds. Split it into several articles.`,
      { key: 'import.pastedTooLong', params: { characters: normalized.length, limit: MAX_TEXT_CHARS } },
    )
  }
  const typed = title.trim()
  return {
    text: normalized,
    title: typed,
    outlet: '',
    author: '',
    url: '',
    publishedAt: '',
    language: null,
    format: 'text',
    warnings: [],
    recognised: recogniseLines(normalized, typed),
  }
}

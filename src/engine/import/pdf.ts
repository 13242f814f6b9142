import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { AppError } from '@domain/errors'
import { tooMuch } from './limits'
import type { FoundMetadata } from './metadata'

export interface PdfArticle {
  paragraphs: string[]
  metadata: FoundMetadata
  warnings: string[]
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.min.mjs')
let pdfjs: Promise<PdfJs> | undefined

/**
 * pdf.js parses in a worker. With its worker module registered as `globalThis.pdfjsWorker` it
 * parses in this thread instead, so no worker is spawned and no worker script is looked up at run
 * time (which also keeps it working inside the bundled app). It is loaded on first use, and in its
 * minified build: loading takes about 0.35 s natively, and under tsx (the CLI), which transforms
 * every module it loads, the minified build takes about 2 s where the plain one takes 3.5–4.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // pdf.js needs a DOMMatrix as it loads, and in Node it takes one from @napi-rs/canvas, a native
    // module of 32 MB that the app leaves out (it renders no pages). Node and Electron's main have
    // none, so a pure-JS one is put in place first; pdf.js uses only its 2D methods.
    if (!('DOMMatrix' in globalThis)) Object.assign(globalThis, { DOMMatrix: (await import('@thednp/dommatrix')).default })
    Object.assign(globalThis, { pdfjsWorker: await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs') })
    return import('pdfjs-dist/legacy/build/pdf.min.mjs')
  })()
  return pdfjs
}

/** pdf.js reads character maps (for CJK fonts) and standard font metrics from these local folders, never the network. */
function pdfjsDataDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')).replaceAll('\\', '/')
}

interface TextItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item
}

/** One line of text on a page, in PDF units (points, y growing upwards). */
interface Line {
  text: string
  x: number
  y: number
  right: number
  size: number
}

/** pdf.js gives runs of text with positions; runs on one baseline form a line. */
function pageLines(items: readonly unknown[]): Line[] {
  const lines: Line[] = []
  let line: Line | null = null
  for (const item of items) {
    if (!isTextItem(item)) continue
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform
    const size = Math.hypot(c, d) || item.height
    if (item.str) {
      if (line && Math.abs(y - line.y) > 0.5 * Math.max(size, line.size)) {
        lines.push(line)
        line = null
      }
      if (!line) {
        line = { text: item.str, x, y, right: x + item.width, size }
      } else {
        // A gap wider than a quarter of the font size is a word space the PDF drew as a move, not a character.
        if (x - line.right > 0.25 * size && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' '
        line.text += item.str
        line.right = Math.max(line.right, x + item.width)
        line.size = Math.max(line.size, size)
      }
    }
    if (item.hasEOL && line) {
      lines.push(line)
      line = null
    }
  }
  if (line) lines.push(line)
  return lines.filter((l) => l.text.trim())
}

function median(values: number[]): number | null {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted.length ? (sorted[Math.floor(sorted.length / 2)] ?? null) : null
}

/** The usual distance between the baselines of two lines of one paragraph, over the whole document. */
function lineStep(pages: Line[][]): number | null {
  const steps: number[] = []
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const prev = lines[i - 1]
      if (!prev || Math.abs(prev.size - line.size) > 0.5) return
      const dy = prev.y - line.y
      if (dy > 0 && dy < 3 * line.size) steps.push(dy)
    })
  }
  return median(steps)
}

const LIST_ITEM = /^\s*([•◦▪‣●○■□–—·*-]|\d{1,3}[.)]|[a-z][.)])\s/u
const ENDS_SENTENCE = /[.!?…:;"”»)\]]$/u

/**
 * Groups a page's lines into paragraphs. A new paragraph starts after extra space between lines,
 * at a change of font size (headings), at a list bullet, when the text jumps up (a new column),
 * or after a line that stops well short of the right margin when it ends a sentence or the next
 * line is indented.
 */
function pageParagraphs(lines: Line[], documentStep: number | null): Line[][] {
  const left = median(lines.map((l) => l.x)) ?? 0
  const right = Math.max(...lines.map((l) => l.right))
  const width = right - left
  const paragraphs: Line[][] = []
  let current: Line[] = []
  lines.forEach((line, i) => {
    const prev = lines[i - 1]
    if (prev) {
      const step = Math.max(documentStep ?? 0, 1.1 * line.size)
      const dy = prev.y - line.y
      const prevShort = prev.right < right - 0.15 * width
      const indented = line.x > prev.x + 0.8 * line.size
      const breaks =
        dy < -0.5 * line.size ||
        dy > 1.5 * step ||
        Math.abs(line.size - prev.size) > 0.75 ||
        LIST_ITEM.test(line.text) ||
        (prevShort && (ENDS_SENTENCE.test(prev.text.trim()) || indented))
      if (breaks) {
        paragraphs.push(current)
        current = []
      }
    }
    current.push(line)
  })
  if (current.length) paragraphs.push(current)
  return paragraphs
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐][\p{L}\p{M}\p{N}]+)*/gu
const BROKEN_WORD_START = /([\p{L}\p{M}\p{N}]+(?:[-‐][\p{L}\p{M}\p{N}]+)*)[-‐]$/u
const WORD_START = /^[\p{L}\p{M}\p{N}]+/u
/** Only the end of a growing paragraph is searched for a broken word, so joining stays linear. */
const WORD_TAIL = 200

/**
 * Joins the lines of paragraphs, deciding for each word broken at a line end with a hyphen whether
 * the hyphen belongs to the word ("well-known") or only marks the break ("infor-mation"). The
 * document is the dictionary: if the word appears elsewhere whole, or with its hyphen, that
 * settles it. Otherwise a break between two small letters is taken as a syllable break (what
 * hyphenating typesetters produce) and reported, so the checker can look at those words.
 */
class LineJoiner {
  private readonly words = new Set<string>()
  readonly guessed: string[] = []

  constructor(paragraphs: Line[][]) {
    for (const paragraph of paragraphs) {
      for (const line of paragraph) for (const match of line.text.matchAll(WORD)) this.words.add(match[0].toLowerCase())
    }
  }

  join(lines: string[]): string {
    let text = ''
    for (const raw of lines) {
      const line = raw.trim()
      if (!text) text = line
      else if (text.endsWith('\u00AD')) text = text.slice(0, -1) + line
      else if (BROKEN_WORD_START.test(text.slice(-WORD_TAIL)) && /^[\p{L}\p{M}\p{N}]/u.test(line)) text = this.joinBroken(text, line)
      else if (CJK.test(text.slice(-1)) && CJK.test(line.charAt(0))) text += line
      else text += ` ${line}`
    }
    return text
  }

  private joinBroken(text: string, line: string): string {
    const first = BROKEN_WORD_START.exec(text.slice(-WORD_TAIL))?.[1] ?? ''
    const second = WORD_START.exec(line)?.[0] ?? ''
    const withHyphen = text + line
    const withoutHyphen = text.slice(0, -1) + line
    const hyphenated = `${first}-${second}`.toLowerCase()
    const whole = `${first}${second}`.toLowerCase()
    if (this.words.has(hyphenated) || this.words.has(`${first}‐${second}`.toLowerCase())) return withHyphen
    if (this.words.has(whole)) return withoutHyphen
    const syllableBreak = /\p{Ll}$/u.test(first) && /^\p{Ll}/u.test(second) && !/[-‐]/.test(first)
    if (!syllableBreak) return withHyphen
    this.guessed.push(`${first}-${second} → ${first}${second}`)
    return withoutHyphen
  }
}

function mayContinue(paragraph: Line[] | undefined, next: Line[] | undefined): boolean {
  const last = paragraph?.at(-1)?.text.trim() ?? ''
  const first = next?.[0]?.text.trim() ?? ''
  return Boolean(last && first) && !ENDS_SENTENCE.test(last) && /^[\p{Ll}\p{N}]/u.test(first)
}

function pdfError(name: string, error: unknown): AppError {
  const kind = (error as { name?: string }).name
  if (kind === 'PasswordException') {
    return new AppError(
      'UNSUPPORTED',
      `Cannot import "${name}": the PDF is protected with a password. Open it, save or print an unprotected copy, and import that.`,
      { cause: error, key: 'import.pdfPassword', params: { file: name } },
    )
  }
  if (kind === 'InvalidPDFException') {
    return new AppError('INVALID_INPUT', `Cannot import "${name}": it is damaged or not a PDF.`, {
      cause: error,
      key: 'import.pdfDamaged',
      params: { file: name },
    })
  }
  const reason = (error as Error).message
  return new AppError('INVALID_INPUT', `Cannot import "${name}": the PDF could not be read (${reason}).`, {
    cause: error,
    key: 'import.pdfUnreadable',
    params: { file: name, reason },
  })
}

export interface PdfOptions {
  /** More pages than this are refused before any is read. */
  maxPages: number
  /** Called after each page, for the import's progress. */
  onPage?: (pages: { done: number; total: number }) => void
}

/** Text from a PDF's text layer with pdf.js, in reading order as the PDF stores it, paragraphs rebuilt from line positions. */
export async function importPdf(bytes: Uint8Array, name: string, { maxPages, onPage }: PdfOptions): Promise<PdfArticle> {
  const { getDocument, VerbosityLevel } = await loadPdfJs()
  const dataDir = pdfjsDataDir()
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given (it may transfer it), so it gets a copy, and refuses Buffers.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    cMapUrl: `${dataDir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${dataDir}/standard_fonts/`,
  })
  const pages: Line[][] = []
  let info: Record<string, unknown>
  try {
    const pdf = await task.promise
    if (pdf.numPages > maxPages) {
      throw tooMuch(
        name,
        `it has ${pdf.numPages.toLocaleString('en')} pages, more than the ${maxPages.toLocaleString('en')} an import reads (an article or a report has far fewer)`,
        'pages',
        { pages: pdf.numPages, limit: maxPages },
      )
    }
    info = (await pdf.getMetadata()).info as Record<string, unknown>
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      pages.push(pageLines((await page.getTextContent()).items))
      page.cleanup()
      onPage?.({ done: number, total: pdf.numPages })
    }
  } catch (error) {
    throw error instanceof AppError ? error : pdfError(name, error)
  } finally {
    await task.destroy()
  }

  const warnings: string[] = []
  const empty = pages.flatMap((lines, i) => (lines.length ? [] : [i + 1]))
  if (empty.length === pages.length) {
    throw new AppError(
      'INVALID_INPUT',
      `Cannot import "${name}": the PDF has no text layer: it looks like a scanned image. Run OCR on it first (for example with OCRmyPDF, or your scanner's "searchable PDF" option) and import the result.`,
      { key: 'import.pdfScanned', params: { file: name } },
    )
  }
  if (empty.length) {
    warnings.push(
      `${empty.length === 1 ? 'Page' : 'Pages'} ${empty.join(', ')} of the PDF ${empty.length === 1 ? 'has' : 'have'} no text layer; if ${empty.length === 1 ? 'it is' : 'they are'} scanned, ${empty.length === 1 ? 'its' : 'their'} words are missing.`,
    )
  }

  const step = lineStep(pages)
  const paragraphs: Line[][] = []
  for (const lines of pages) {
    for (const [i, paragraph] of pageParagraphs(lines, step).entries()) {
      const previous = paragraphs.at(-1)
      // A paragraph running on from the previous page: no sentence end there, a small letter or a number here.
      if (i === 0 && previous && mayContinue(previous, paragraph)) previous.push(...paragraph)
      else paragraphs.push(paragraph)
    }
  }
  const joiner = new LineJoiner(paragraphs)
  const text = paragraphs.map((paragraph) => joiner.join(paragraph.map((line) => line.text)))
  if (joiner.guessed.length) {
    const shown = joiner.guessed.slice(0, 10).join('; ')
    warnings.push(
      `${joiner.guessed.length} word${joiner.guessed.length === 1 ? ' was' : 's were'} hyphenated across lines and joined without the hyphen (${shown}${joiner.guessed.length > 10 ? '; …' : ''}); check them against the PDF.`,
    )
  }
  const infoText = (key: string): string => (typeof info[key] === 'string' ? info[key] : '')
  return {
    paragraphs: text,
    warnings,
    metadata: { title: infoText('Title'), author: infoText('Author'), language: infoText('Language') },
  }
}

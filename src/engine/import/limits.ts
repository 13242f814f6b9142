import { AppError } from '@domain/errors'

/**
 * What one import may use. A file of 50 MB can still unpack to gigabytes (a "decompression
 * bomb": a Word file holding 450 MB of XML, a PDF with a 1.5 GB compressed stream) or ask for hours
 * of work (a PDF of 20,000 pages), so every import runs in a worker (worker-runner.ts) under these
 * caps, and the formats that compress are measured before anything is unpacked.
 *
 * The numbers come from real articles and reports measured on the 2-core development machine while
 * other builds ran (tests/unit/import-limits.test.ts builds the same kinds of files):
 * - a 100-page report printed by Chromium (text, tables, charts, photos; 1.9 MB): 84 pages, its
 *   largest non-image stream 0.14 MB unpacked, 7.7 MB for all of them; read in 1.9–3.7 s;
 * - the same report at 334 pages: 31 MB unpacked, 7.6–7.9 s (about 23 ms a page);
 * - a Word file of 1,000 pages (4.4 million characters): word/document.xml 5.5 MB, 5.8 s, heap
 *   about 150 MB; a 20-million-character text file (the most a project holds): 1 s, heap 180 MB.
 */
export interface ImportLimits {
  /** The most any one part of a Word (.docx) package may hold unpacked. */
  zipEntryBytes: number
  /** The most all parts of a Word package together may hold unpacked. */
  zipTotalBytes: number
  /** Parts in a Word package; a real one has a few dozen. */
  zipEntries: number
  /** Pages in a PDF. */
  pdfPages: number
  /** The most one compressed PDF stream other than an image may hold unpacked (pdf.js unpacks content streams and fonts whole; images it skips when reading text). */
  pdfStreamBytes: number
  /** The most all those streams together may hold unpacked. */
  pdfTotalStreamBytes: number
  /** Wall-clock time for one import, start to finish. */
  timeMs: number
  /** The worker's JavaScript heap (worker_threads resourceLimits.maxOldGenerationSizeMb). */
  heapMb: number
  /**
   * Memory outside that heap (unpacked buffers live there, out of resourceLimits' reach): the
   * process's resident size may grow by this much while imports run.
   */
  extraResidentMb: number
}

const MB = 1024 * 1024

export const IMPORT_LIMITS: ImportLimits = {
  // A 20-million-character document (the most a project holds) is about 25 MB of Word XML; 64 MB leaves room for Word's own markup.
  zipEntryBytes: 64 * MB,
  zipTotalBytes: 256 * MB,
  zipEntries: 10_000,
  // Five times the 100-page report; at the measured 23 ms a page that is about 12 s here.
  pdfPages: 500,
  // 450 times the largest content stream measured, and room for a full CJK font (10–20 MB).
  pdfStreamBytes: 64 * MB,
  // 500 pages at the measured 90 kB a page is 45 MB; fonts and forms come on top.
  pdfTotalStreamBytes: 256 * MB,
  // Five times the slowest import measured (500 pages, about 12 s on the busy 2-core machine).
  timeMs: 60_000,
  // Four times the largest heap measured (a 20-million-character text, about 180 MB... see above) plus pdf.js's caches.
  heapMb: 1024,
  extraResidentMb: 2048,
}

function megabytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB).toLocaleString('en')} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en')} kB`
}

/** What the checker can do about a file that is too much to read. */
const SAVE_JUST_THE_ARTICLE =
  'Save just the article as a new file (for a PDF, print the pages you need to a new PDF; for a Word file, copy the article into a new document) and import that, or paste its text'

/** TOO_LARGE naming the file, what was too much, and what to do. */
export function tooMuch(name: string, what: string): AppError {
  return new AppError('TOO_LARGE', `Cannot import "${name}": ${what}. ${SAVE_JUST_THE_ARTICLE}.`)
}

export { megabytes }

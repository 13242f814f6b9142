import { AppError } from '@domain/errors'

/**
 * What one import may use. A file of 50 MB can still unpack to gigabytes (a "decompression
 * bomb": a Word file holding 450 MB of XML, a PDF with a 1.5 GB compressed stream) or ask for hours
 * of work (a PDF of 20,000 pages), so every import runs in a worker (worker-runner.ts) under these
 * caps, and the formats that compress are measured before anything is unpacked.
 *
 * The numbers come from real kinds of articles and reports, measured in the worker on the 2-core
 * development machine while other builds ran (load average 5 to 7):
 * - a 100-page report printed by Chromium (text, tables, charts, photos; 1.9 MB, 84 pages): its
 *   largest stream other than an image unpacks to 0.14 MB, all of them to 7.7 MB; 2 to 4 s;
 * - the same report at 334 pages: 31 MB unpacked, 7.6 s (about 23 ms a page);
 * - Word reports of 1,000 and 4,000 pages (4.4 and 17.7 million characters; since a project holds
 *   2 million, both are refused for their length once read, but they must fail cleanly, not take
 *   the server down): word/document.xml 5.5 and 21.9 MB; 4 to 7 s in a 128 MB heap, and 15 to 16 s
 *   needing more than 256 MB and less than 512 MB;
 * - a text file of 19 million characters: 1 s in a 64 MB heap.
 * The bombs above are refused in 0.3 to 1.7 s (tests/unit/import-limits.test.ts).
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
  // Three times the XML of the 4,000-page Word report, for Word's own, wordier markup of as much text.
  zipEntryBytes: 64 * MB,
  // The document part plus its styles, notes and pictures.
  zipTotalBytes: 256 * MB,
  zipEntries: 10_000,
  // Five times the 100-page report: about 12 s at the measured 23 ms a page.
  pdfPages: 500,
  // 450 times the largest stream measured, with room for a whole embedded CJK font (10 to 20 MB).
  pdfStreamBytes: 64 * MB,
  // Five times what 500 pages of the report unpack to (45 MB), fonts and forms included.
  pdfTotalStreamBytes: 256 * MB,
  // Three times the slowest import measured (the 4,000-page Word report, or 500 PDF pages at 40 ms a page under load).
  timeMs: 60_000,
  // Twice what the 4,000-page Word report needs; a text file needs far less.
  heapMb: 1024,
  // The heap above, plus the file and what it unpacks to outside the heap, twice over.
  extraResidentMb: 2048,
}

/** A size as the checker reads it: "450 MB", "1 kB". */
export function megabytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB).toLocaleString('en')} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en')} kB`
}

/** What the checker can do about a file that is too much to read. */
const SAVE_JUST_THE_ARTICLE =
  'Save just the article as a new file (for a PDF, print the pages you need to a new PDF; for a Word file, copy the article into a new document) and import that, or paste its text'

/**
 * TOO_LARGE naming the file, what was too much, and what to do; `limit` names the catalogue's
 * sentence for it (`errors.import.tooMuch.<limit>`), which `params` fill in.
 */
export function tooMuch(name: string, what: string, limit: string, params: Record<string, string | number>): AppError {
  return new AppError('TOO_LARGE', `Cannot import "${name}": ${what}. ${SAVE_JUST_THE_ARTICLE}.`, {
    key: `import.tooMuch.${limit}`,
    params: { file: name, ...params },
  })
}

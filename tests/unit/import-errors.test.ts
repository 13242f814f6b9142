import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMPORT_EXTENSIONS, IMPORT_MAX_BYTES, importBytes, importFile, importPastedText } from '@engine/import'
import { utf16 } from '../fixtures/import/encode'

/** Deterministic "random" bytes: what a binary file renamed to .txt looks like. */
function noise(length: number): Uint8Array {
  let state = 20250314
  return Uint8Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state >>> 16
  })
}

describe('bad input gets a clear message naming the file and the reason', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-import-errors-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['notes.odt', Buffer.from('plain words'), 'OpenDocument (.odt) is not supported. Save it as .docx or .pdf and import that'],
    [
      'song.mp3',
      Buffer.from('ID3 not an article'),
      '.mp3 files are not supported. Import a .txt, .md, .html, .htm, .docx or .pdf file, or paste the text',
    ],
    [
      'page.mhtml',
      Buffer.from('MIME-Version: 1.0'),
      'it is a single-file web archive. Save the page as "Web page, HTML only" (.html) and import that',
    ],
    [
      'photo.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
      'it is an image, which has no text to import. Run OCR (text recognition) on it and import or paste the text',
    ],
    [
      'scan.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
      'it is an image, which has no text to import. Run OCR (text recognition) on it and import or paste the text',
    ],
    [
      'old.doc',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'it is an old Word 97–2003 document. Open it in Word or LibreOffice, save it as .docx, and import that',
    ],
    [
      'letter.txt',
      Buffer.from('{\\rtf1\\ansi Dear editor}'),
      'Rich Text (.rtf) is not supported. Save it as .docx or .txt and import that',
    ],
  ])('refuses %s as unsupported', async (name, bytes, reason) => {
    await expect(importBytes(bytes, name)).rejects.toMatchObject({ code: 'UNSUPPORTED', message: `Cannot import "${name}": ${reason}.` })
  })

  it.each([
    ['empty.txt', Buffer.alloc(0), 'the file is empty'],
    ['blank.txt', Buffer.from(' \r\n\t\n \u00A0 \n'), 'it contains no text, only white space'],
    [
      'images.md',
      Buffer.from('![A chart](chart.png)\n\n---\n\n[ref]: https://example.org\n'),
      'it contains no text, only markup or white space',
    ],
    [
      'fake.pdf',
      Buffer.from('This is not a PDF.'),
      'it is named .pdf but is not a PDF (it does not start with "%PDF"); it may be damaged or mislabelled',
    ],
    [
      'fake.docx',
      Buffer.from('This is not a Word file.'),
      'it is named .docx but is not a Word document (a .docx file is a ZIP package); it may be damaged or mislabelled',
    ],
    [
      'garbage.txt',
      noise(4096).map((byte) => byte || 1),
      'it is not a text file (545 of its 4,096 characters are control codes or bytes that are not valid in windows-1252). Check that you chose the right file; a Word or PDF file needs its own extension (.docx, .pdf)',
    ],
    [
      'program.txt',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
      'it is not a text file (it contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8). Check that you chose the right file; a Word or PDF file needs its own extension (.docx, .pdf)',
    ],
    [
      'utf16-no-bom.txt',
      utf16('Plain English text saved as UTF-16 without a byte-order mark.', 'le', false),
      'it is not a text file (it contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8). Check that you chose the right file; a Word or PDF file needs its own extension (.docx, .pdf)',
    ],
  ])('refuses %s as invalid input', async (name, bytes, reason) => {
    await expect(importBytes(bytes, name)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: `Cannot import "${name}": ${reason}.` })
  })

  it('refuses a file over the size limit from its size on disk, before reading it', async () => {
    // A sparse 8 GB file: reading it would fail with a different error, so the size must come from stat.
    const path = join(dir, 'huge.txt')
    const handle = await open(path, 'w')
    await handle.truncate(8 * 1024 ** 3)
    await handle.close()
    await expect(importFile(path)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: `Cannot import "${path}": it is 8192.0 MB, over the 50 MB import limit. Save just the article (for a PDF, print the pages you need to a new PDF) and import that.`,
    })
  })

  it('refuses bytes over the size limit', async () => {
    await expect(importBytes(new Uint8Array(IMPORT_MAX_BYTES + 1), 'dropped.pdf')).rejects.toMatchObject({ code: 'TOO_LARGE' })
  })

  it('refuses text longer than a project holds', async () => {
    await expect(importBytes(Buffer.alloc(2_000_001, 'a'), 'endless.txt')).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message:
        'Cannot import "endless.txt": its text has 2,000,001 characters, more than the 2,000,000 a project holds. Split it into several articles.',
    })
    expect(() => importPastedText('a'.repeat(2_000_001))).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }))
  })

  it('names a missing file, a folder and an empty file on disk', async () => {
    const missing = join(dir, 'missing.txt')
    await expect(importFile(missing)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Cannot import "${missing}": there is no such file.`,
    })
    const folder = join(dir, 'folder.txt')
    await mkdir(folder)
    await expect(importFile(folder)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `Cannot import "${folder}": it is a folder, not a file.`,
    })
    const empty = join(dir, 'empty.md')
    await writeFile(empty, '')
    await expect(importFile(empty)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `Cannot import "${empty}": the file is empty.`,
    })
  })

  it('lists the extensions a file dialog should offer', () => {
    expect(IMPORT_EXTENSIONS).toEqual(['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'])
  })
})

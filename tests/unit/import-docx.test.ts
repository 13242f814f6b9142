import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { importBytes, importFile } from '@engine/import'

const FIXTURES = join(import.meta.dirname, '../fixtures/import')

/** The document's first paragraph repeats its title: offered for taking out of the text as the headline. */
const headline = (title: string) => ({ kind: 'headline', start: 0, end: title.length, fills: { title } })

describe('importing Word documents', () => {
  it('keeps paragraphs, headings, line breaks, list items, table rows and footnotes, with the core title and author', async () => {
    expect(await importFile(join(FIXTURES, 'article.docx'))).toEqual({
      text: [
        'Eastvale cuts water use by 8 percent',
        'Eastvale used 41.2 million cubic metres of water in 2024, the city’s water board said on Friday.[1]',
        'What changed',
        'Leak repairs came first.\nNew meters came second.',
        'Crews fixed 312 leaks.',
        'About 12,000 homes got meters.',
        'The full figures are in the report.',
        'Year | Million m³',
        '2015 | 44.8',
        'Eastvale Water Board, Annual Report 2024, page 14.',
      ].join('\n\n'),
      title: 'Eastvale cuts water use by 8 percent',
      outlet: '',
      author: 'Amara Okafor',
      url: '',
      publishedAt: '',
      language: null,
      format: 'docx',
      warnings: [],
      recognised: [headline('Eastvale cuts water use by 8 percent')],
    })
  })

  it('takes the title from the Title style and ignores the placeholder author Word fills in', async () => {
    expect(await importFile(join(FIXTURES, 'ukrainian.docx'))).toEqual({
      text: [
        'Львів відкриє ще шість бібліотек',
        'Міська рада Львова ухвалила рішення відкрити шість нових бібліотек до кінця 2026 року.',
        '«Бібліотеки — це місця, де люди перевіряють факти», — сказала заступниця мера Ганна Коваль.',
        'Звідки гроші',
        'На це виділять 48 мільйонів гривень з міського бюджету.',
      ].join('\n\n'),
      title: 'Львів відкриє ще шість бібліотек',
      outlet: '',
      author: '',
      url: '',
      publishedAt: '',
      language: null,
      format: 'docx',
      warnings: [],
      recognised: [headline('Львів відкриє ще шість бібліотек')],
    })
  })

  it('reads a Word document saved under another extension, and says so', async () => {
    const result = await importBytes(await readFile(join(FIXTURES, 'ukrainian.docx')), 'lviv.txt')
    expect(result.format).toBe('docx')
    expect(result.title).toBe('Львів відкриє ще шість бібліотек')
    expect(result.warnings).toEqual(['"lviv.txt" is a Word (.docx) document despite its name, so it was read as one.'])
  })

  it('refuses a document without text', async () => {
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }))
    await expect(importBytes(empty, 'blank.docx')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Cannot import "blank.docx": the document contains no text.',
    })
  })

  it('refuses a ZIP package that is not a Word document', async () => {
    const zip = new JSZip()
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text')
    zip.file('content.xml', '<office:document-content/>')
    await expect(importBytes(await zip.generateAsync({ type: 'uint8array' }), 'notes.odt')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message:
        'Cannot import "notes.odt": it is a ZIP archive but not a Word (.docx) document (an OpenDocument, EPUB or other package). Save it as .docx or .pdf and import that.',
    })
  })

  it('refuses a damaged document', async () => {
    const bytes = await readFile(join(FIXTURES, 'article.docx'))
    await expect(importBytes(bytes.subarray(0, 2000), 'cut-off.docx')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Cannot import "cut-off.docx": it is not a valid Word (.docx) file; it may be damaged.',
    })
  })
})

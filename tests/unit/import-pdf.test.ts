import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { importBytes, importFile } from '@engine/import'

const REPO = join(import.meta.dirname, '../..')
const FIXTURES = join(REPO, 'tests/fixtures/import')

/** The PDF's first line repeats its title: offered for taking out of the text as the headline. */
const headline = (title: string) => ({ kind: 'headline', start: 0, end: title.length, fills: { title } })

describe('importing PDF files', () => {
  it('rebuilds paragraphs, joins words hyphenated across lines, and reads the title, author and language', async () => {
    expect(await importFile(join(FIXTURES, 'article.pdf'))).toEqual({
      text: [
        'Water use in Eastvale, 2015–2024',
        // "consump-tion" is joined because "consumption" occurs whole below; "long-term" keeps its hyphen
        // because it occurs hyphenated below; "reli-able" has no such evidence and is reported.
        'Eastvale used 41.2 million cubic metres of water in 2024, according to the city’s annual report, 8 percent less than in 2015. Household consumption fell fastest. The board calls it a long-term trend and says the figures are reliable.',
        // A capital or a digit after the hyphen means the hyphen is part of the word.
        'Critics note that consumption by farms is not counted, and that the Anglo-American meter firm that installed the new meters also audited them. The report does not mention COVID-19 at all.',
        'The board listed three reasons:',
        '• Leak repairs saved 2.1 million cubic metres.',
        '• New meters in 12,000 homes.',
        '• A long-term price rise agreed in 2019.',
        // This paragraph runs on to the second page.
        'Farmers say the city should publish its own well data, which it has not done since 2018, when the last survey found 40 private wells inside the city limits.',
      ].join('\n\n'),
      title: 'Water use in Eastvale, 2015–2024',
      outlet: '',
      author: 'Amara Okafor',
      url: '',
      publishedAt: '',
      language: 'en',
      format: 'pdf',
      warnings: [
        'Page 3 of the PDF has no text layer; if it is scanned, its words are missing.',
        '1 word was hyphenated across lines and joined without the hyphen (reli-able → reliable); check them against the PDF.',
      ],
      recognised: [headline('Water use in Eastvale, 2015–2024')],
    })
  })

  it('reads Cyrillic text and tells paragraphs apart by their first-line indent', async () => {
    expect(await importFile(join(FIXTURES, 'russian.pdf'))).toEqual({
      text: [
        'Бюджет Новосибирска на 2025 год',
        'Городской совет Новосибирска утвердил бюджет на 2025 год: доходы составят 68,4 миллиарда рублей, расходы — 71,2 миллиарда.',
        'Дефицит покроют за счёт кредитов. По словам мэра, долг города не превысит 30 процентов доходов',
        'Депутаты от оппозиции голосовали против.',
      ].join('\n\n'),
      title: 'Бюджет Новосибирска на 2025 год',
      outlet: '',
      author: 'Ирина Соколова',
      url: '',
      publishedAt: '',
      language: 'ru',
      format: 'pdf',
      warnings: [],
      recognised: [headline('Бюджет Новосибирска на 2025 год')],
    })
  })

  it('works without @napi-rs/canvas, which the packaged app leaves out', async () => {
    // pdf.js takes a DOMMatrix from that native module when it can; electron-builder.js leaves it
    // out of the app, so the import must work in a Node where it cannot be loaded.
    const dir = await mkdtemp(join(tmpdir(), 'factdesk-no-canvas-'))
    try {
      const blocker = join(dir, 'no-canvas.cjs')
      await writeFile(
        blocker,
        `const Module = require('node:module')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@napi-rs/canvas')) throw Object.assign(new Error('not in the packaged app'), { code: 'MODULE_NOT_FOUND' })
  return resolve.call(this, request, ...rest)
}`,
      )
      const script = `import { register } from 'tsx/esm/api'
register()
const { importFile } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'src/engine/import/index.ts')).href)})
const article = await importFile(${JSON.stringify(join(FIXTURES, 'article.pdf'))})
console.log('RESULT ' + JSON.stringify(article.text))`
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ['--require', blocker, '--input-type=module', '--eval', script],
        {
          cwd: REPO,
        },
      )
      // pdf.js looked for the module (its warnings go to stderr) and did without it
      expect(stderr).toContain('Cannot load "@napi-rs/canvas"')
      const text = JSON.parse(/^RESULT (.*)$/m.exec(stdout)?.[1] ?? 'null') as string
      expect(text.split('\n\n')[0]).toBe('Water use in Eastvale, 2015–2024')
      expect(text).toContain('Eastvale used 41.2 million cubic metres of water in 2024')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a scanned PDF without a text layer and says to run OCR', async () => {
    await expect(importFile(join(FIXTURES, 'scanned.pdf'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `Cannot import "${join(FIXTURES, 'scanned.pdf')}": the PDF has no text layer: it looks like a scanned image. Run OCR on it first (for example with OCRmyPDF, or your scanner's "searchable PDF" option) and import the result.`,
    })
  })

  it('refuses a password-protected PDF', async () => {
    await expect(importBytes(await readFile(join(FIXTURES, 'protected.pdf')), 'protected.pdf')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message:
        'Cannot import "protected.pdf": the PDF is protected with a password. Open it, save or print an unprotected copy, and import that.',
    })
  })

  it('refuses a damaged PDF', async () => {
    await expect(importBytes(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'), 'broken.pdf')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Cannot import "broken.pdf": it is damaged or not a PDF.',
    })
  })

  it('reads a PDF saved under another extension, and says so', async () => {
    const result = await importBytes(await readFile(join(FIXTURES, 'russian.pdf')), 'budget.txt')
    expect(result.format).toBe('pdf')
    expect(result.warnings).toEqual(['"budget.txt" is a PDF despite its name, so it was read as one.'])
  })

  it('imports a 50-page report paragraph by paragraph in a few seconds', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.TimesRoman)
    const expected: string[] = []
    for (let pageNumber = 1; pageNumber <= 50; pageNumber++) {
      const page = pdf.addPage([595, 842])
      let y = 780
      for (let p = 1; p <= 5; p++) {
        const words = Array.from({ length: 70 }, (_, i) => `w${pageNumber}x${p}x${i}${i === 69 ? '.' : ''}`)
        expected.push(words.join(' '))
        for (let line = 0; line < words.length; line += 10) {
          page.drawText(words.slice(line, line + 10).join(' '), { x: 60, y, size: 10, font })
          y -= 13
        }
        y -= 13
      }
    }
    const bytes = await pdf.save()
    const started = performance.now()
    const result = await importBytes(bytes, 'report.pdf')
    const seconds = (performance.now() - started) / 1000
    expect(result.text).toBe(expected.join('\n\n'))
    expect(seconds).toBeLessThan(10)
  })
})

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportProgress } from '@contract/import'
import type { Envelope } from '@domain/errors'
import type { Dispatch } from '@engine/dispatcher'
import { IMPORT_LIMITS } from '@engine/import/limits'
import { liveImportWorkers, runImport } from '@engine/import/worker-runner'
import { docxBomb, manyPagesPdf, pdfStreamBomb } from '../fixtures/import/bombs'
import { reportDocx, reportPdf } from '../fixtures/import/reports'
import { testEngine } from '../helpers/projects'

const FIXTURES = join(import.meta.dirname, '../fixtures/import')
const SAVE_JUST_THE_ARTICLE =
  'Save just the article as a new file (for a PDF, print the pages you need to a new PDF; for a Word file, copy the article into a new document) and import that, or paste its text.'

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('import limits', () => {
  let dispatch: Dispatch
  let close: () => Promise<void>

  beforeAll(async () => {
    ;({ dispatch, close } = await testEngine())
  })
  afterAll(() => close())

  /**
   * Imports through the dispatcher, as the app does, while another call (app:info) is made every
   * 20 ms: the import's answer, how long it took, and the slowest answer to the other calls.
   */
  async function importWhileAsking(input: Record<string, unknown>): Promise<{ envelope: Envelope<unknown>; ms: number; slowest: number }> {
    let slowest = 0
    let done = false
    const asking = (async () => {
      while (!done) {
        const started = performance.now()
        expect((await dispatch('app:info', {})).ok).toBe(true)
        slowest = Math.max(slowest, performance.now() - started)
        await sleep(20)
      }
    })()
    const started = performance.now()
    const envelope = await dispatch('project:importFile', input)
    const ms = performance.now() - started
    done = true
    await asking
    return { envelope, ms, slowest }
  }

  it.each([
    ['a Word file holding 450 MB of XML', 'bomb.docx', () => docxBomb(450), 'its part "word/document.xml" unpacks to 450 MB', 'part'],
    [
      'a Word file declaring 1 kB for its 450 MB of XML',
      'lying.docx',
      () => docxBomb(450, { lying: true }),
      'its part "word/document.xml" unpacks to more than the 1 kB the file declares for it',
      'partGrew',
    ],
    [
      'a PDF with a 1.5 GB compressed stream',
      'bomb.pdf',
      () => pdfStreamBomb(1536),
      'one of its compressed streams unpacks to more than 64 MB',
      'stream',
    ],
    ['a PDF of 20,000 pages', 'pages.pdf', () => manyPagesPdf(20_000), 'it has 20,000 pages, more than the 500 an import reads', 'pages'],
  ])(
    'refuses %s within 10 s, answering other calls meanwhile, ends its worker, and imports normally after',
    async (_, fileName, make, reason, limit) => {
      const { envelope, ms, slowest } = await importWhileAsking({ fileName, dataBase64: base64(make()) })
      expect(envelope).toEqual({
        ok: false,
        error: {
          code: 'TOO_LARGE',
          message: expect.stringContaining(`Cannot import "${fileName}": ${reason}`) as unknown,
          // The checker's language says the same limit from the key, with the file named.
          key: `import.tooMuch.${limit}`,
          params: expect.objectContaining({ file: fileName }) as unknown,
        },
      })
      expect(!envelope.ok && envelope.error.message.endsWith(SAVE_JUST_THE_ARTICLE)).toBe(true)
      expect(ms).toBeLessThan(10_000)
      expect(slowest).toBeLessThan(100)
      expect(liveImportWorkers()).toBe(0)

      const normal = await dispatch('project:importFile', {
        fileName: 'article.docx',
        dataBase64: base64(await readFile(join(FIXTURES, 'article.docx'))),
      })
      expect(normal).toMatchObject({ ok: true, value: { title: 'Eastvale cuts water use by 8 percent', format: 'docx' } })
    },
  )

  it('still imports a 100-page report PDF and a 300-page Word report', { timeout: 60_000 }, async () => {
    const pdf = await dispatch('project:importFile', { fileName: 'report.pdf', dataBase64: base64(await reportPdf(100)) })
    expect(pdf).toMatchObject({
      ok: true,
      value: { format: 'pdf', text: expect.stringContaining('100. Spending on libraries in district 100') as unknown },
    })
    const docx = await dispatch('project:importFile', { fileName: 'report.docx', dataBase64: base64(await reportDocx(300)) })
    expect(docx).toMatchObject({
      ok: true,
      value: { format: 'docx', text: expect.stringContaining("Section 300: the district's libraries") as unknown },
    })
  })

  it('reports progress with the pages read, and cancels on request', async () => {
    const importId = 'progress-test-1'
    const result = dispatch('project:importFile', { fileName: 'long.pdf', dataBase64: base64(manyPagesPdf(450)), importId })
    let progress: ImportProgress | null = null
    while (!progress?.pages) {
      const answer = await dispatch('project:importProgress', { importId })
      expect(answer.ok).toBe(true)
      if (answer.ok) progress = answer.value as ImportProgress | null
      await sleep(20)
    }
    expect(progress).toMatchObject({ stage: 'extracting', pages: { total: 450 } })
    expect(await dispatch('project:cancelImport', { importId })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await result).toMatchObject({
      ok: false,
      error: {
        code: 'CANCELLED',
        message: 'The import of "long.pdf" was cancelled; nothing was created.',
        params: { file: 'long.pdf' },
      },
    })
    expect(liveImportWorkers()).toBe(0)
    expect(await dispatch('project:importProgress', { importId })).toEqual({ ok: true, value: null })
    expect(await dispatch('project:cancelImport', { importId })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('stops an import that runs out of time, of heap or of memory outside the heap', async () => {
    const path = join(FIXTURES, 'article.pdf')
    await expect(runImport({ kind: 'file', path }, { limits: { ...IMPORT_LIMITS, timeMs: 20 } })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining(
        `Cannot import "${path}": reading it took longer than the 0.02 seconds an import may take.`,
      ) as unknown,
    })
    const text = 'The council voted to double the library budget, the mayor said on Friday.\n'.repeat(200_000)
    await expect(
      runImport({ kind: 'bytes', bytes: Buffer.from(text), fileName: 'long.txt' }, { limits: { ...IMPORT_LIMITS, heapMb: 16 } }),
    ).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining(
        'Cannot import "long.txt": reading it needed more than the 16 MB of memory an import may use.',
      ) as unknown,
    })
    await expect(
      runImport({ kind: 'bytes', bytes: manyPagesPdf(450), fileName: 'long.pdf' }, { limits: { ...IMPORT_LIMITS, extraResidentMb: 0 } }),
    ).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('reading it needed more than the 0 kB of memory') as unknown,
    })
    expect(liveImportWorkers()).toBe(0)
  })
})

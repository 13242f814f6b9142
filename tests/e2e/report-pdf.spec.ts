import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { exportProject } from '@engine/export'
import { serializeProject } from '@domain/project/codec'
import { SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'
import { chromiumMissingReason } from './chromium'

/**
 * The PDF as the CLI makes it: the HTML report printed by Chromium through playwright-core. The
 * PDF is read structurally (no PDF library is a dependency): header and trailer, page objects, A4
 * media boxes, the document title and the bookmarks Chromium makes from the report's headings.
 */

const missing = chromiumMissingReason()
test.skip(missing !== null, missing ?? '')

function pdfFacts(bytes: Buffer): { pages: number; mediaBoxes: number[][]; title: string | undefined; bookmarks: string[] } {
  // Skia writes dictionaries uncompressed and ASCII-only text strings as literal (…) strings.
  const text = bytes.toString('latin1')
  return {
    pages: text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0,
    mediaBoxes: [...text.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) => (m[1] ?? '').trim().split(/\s+/).map(Number)),
    title: /\/Title\s*\(([^)]*)\)/.exec(text)?.[1],
    bookmarks: [...text.matchAll(/\/Title\s*\(([^)]*)\)/g)].slice(1).map((m) => m[1] ?? ''),
  }
}

test.describe('PDF report', () => {
  let dir: string
  let projectPath: string

  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-report-pdf-'))
    projectPath = join(dir, 'trains.factdesk.json')
    await writeFile(projectPath, serializeProject(sampleProject()))
  })
  test.afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('is an A4 PDF of the report, titled and bookmarked, with the article on a page of its own', async () => {
    test.setTimeout(90_000)
    const withArticle = await exportProject(projectPath, 'pdf', SAMPLE_OPTIONS)
    expect(withArticle.path).toBe(join(dir, 'trains.report.pdf'))
    const bytes = await readFile(withArticle.path)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.subarray(-7).toString('latin1')).toMatch(/%%EOF\s*$/)
    expect(withArticle.bytes).toBe(bytes.byteLength)
    expect(bytes.byteLength).toBeGreaterThan(20_000)

    const facts = pdfFacts(bytes)
    expect(facts.pages).toBeGreaterThanOrEqual(3)
    expect(facts.mediaBoxes).toHaveLength(facts.pages)
    for (const [x, y, width, height] of facts.mediaBoxes) {
      expect([x, y]).toEqual([0, 0])
      expect(Math.round(width ?? 0)).toBe(595)
      expect(Math.round(height ?? 0)).toBe(842)
    }
    expect(facts.title).toBe('Verdict report: Minister promises cheaper trains by 2030')
    expect(facts.bookmarks).toEqual(
      expect.arrayContaining([
        'Summary',
        'Claims',
        'Claim 1',
        'Claim 2',
        'Claim 3',
        'Claim 4',
        'Claim 5',
        'Rating scale: PolitiFact Truth-O-Meter',
        'Article',
      ]),
    )

    const without = await exportProject(projectPath, 'pdf', { ...SAMPLE_OPTIONS, includeArticle: false }, join(dir, 'no-article.pdf'))
    const short = pdfFacts(await readFile(without.path))
    expect(short.pages).toBe(facts.pages - 1)
    expect(short.bookmarks).not.toContain('Article')
  })
})

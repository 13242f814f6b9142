import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { reportPdf } from '../../fixtures/import/reports'
import { expect, test } from '../fixtures'
import { readProject } from '../seed'

const projectFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.factdesk.json')).sort()

/** Serious or critical accessibility problems axe finds on the page, as the accessibility spec counts them. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
}

const HEADLINE = 'Ferry operator cuts winter sailings by a third'
const STORY = [
  HEADLINE,
  'By Dana Okafor',
  'November 14, 2025',
  'Photo: Harbour Authority',
  'The island ferry will sail 14 times a week from December instead of 21, the operator said on Thursday, citing fuel costs that rose 18% this year.',
  'a ferry leaving the harbour at dusk,',
  'Islanders say the cut will leave them without a crossing after 6 pm.',
].join('\n\n')

test.describe('clean imports', () => {
  test('a pasted story: the review offers its headline, byline, date and captions, and the project is made without them', async ({
    page,
    bridge,
    openApp,
  }) => {
    await openApp()
    await page.getByLabel('Article text').fill(STORY)
    await page.getByRole('button', { name: 'Create project' }).click()

    await expect(page.getByRole('heading', { name: 'New from pasted text: review' })).toBeVisible({ timeout: 20_000 })
    const offered = page.getByRole('group', { name: /Not part of the article\?/ })
    await expect(offered.getByRole('checkbox')).toHaveCount(5)
    await expect(offered.getByRole('checkbox', { name: `Headline “${HEADLINE}”` })).toBeChecked()
    await expect(offered.getByRole('checkbox', { name: 'Byline “By Dana Okafor”' })).toBeChecked()
    await expect(offered.getByRole('checkbox', { name: 'Date line “November 14, 2025”' })).toBeChecked()
    await expect(offered.getByRole('checkbox', { name: 'Photo caption “Photo: Harbour Authority”' })).toBeChecked()
    await expect(offered.getByRole('checkbox', { name: 'Photo caption “a ferry leaving the harbour at dusk,”' })).toBeChecked()
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(HEADLINE)
    await expect(page.getByLabel('Author', { exact: true })).toHaveValue('Dana Okafor')
    await expect(page.getByLabel('Published', { exact: true })).toHaveValue('2025-11-14')
    await expect(page.getByLabel(/^Text \(/)).toHaveValue(/^The island ferry will sail 14 times/)
    expect(await seriousViolations(page), 'review form').toEqual([])

    // The checker keeps the description of the photo in the text: the choice is theirs.
    await offered.getByRole('checkbox', { name: 'Photo caption “a ferry leaving the harbour at dusk,”' }).uncheck()
    await expect(page.getByLabel(/^Text \(/)).toHaveValue(/14 times.*\n\na ferry leaving the harbour at dusk,\n\nIslanders/s)
    await page.getByRole('button', { name: 'Create project' }).click()

    await expect(page.getByRole('heading', { level: 2, name: HEADLINE })).toBeVisible()
    const [file] = await projectFiles(bridge.home)
    const project = await readProject(join(bridge.home, file!))
    expect(project.article).toMatchObject({ title: HEADLINE, author: 'Dana Okafor', publishedAt: '2025-11-14' })
    expect(project.article.text).toBe(
      [
        'The island ferry will sail 14 times a week from December instead of 21, the operator said on Thursday, citing fuel costs that rose 18% this year.',
        'a ferry leaving the harbour at dusk,',
        'Islanders say the cut will leave them without a crossing after 6 pm.',
      ].join('\n\n'),
    )
    expect(project.claims.every((claim) => project.article.text.slice(claim.start, claim.end) === claim.text)).toBe(true)
  })

  test('a long import shows its progress after a second and can be cancelled', async ({ page, bridge, openApp }) => {
    await openApp()
    const pdf = Buffer.from(await reportPdf(480))
    await page.getByLabel('Choose an article file').setInputFiles({ name: 'audit.pdf', mimeType: 'application/pdf', buffer: pdf })
    const progress = page.getByRole('status', { name: 'Import progress' })
    await expect(progress).toContainText(/Importing audit\.pdf: page \d+ of 480…/, { timeout: 20_000 })
    await progress.getByRole('button', { name: 'Cancel import' }).click()
    await expect(page.getByText('The import of "audit.pdf" was cancelled; nothing was created.')).toBeVisible()
    await expect(progress).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'New from pasted text' })).toBeVisible()
    expect(await projectFiles(bridge.home)).toEqual([])
  })
})

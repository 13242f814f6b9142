import { readFile } from 'node:fs/promises'
import { expect, test } from '../fixtures'
import { openFromLibrary, seedNewsProject } from '../seed'

test.describe('exporting a verdict report', () => {
  test('previews the report live and downloads CSV with the verdicts', async ({ page, bridge, openApp }) => {
    await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    const punctuality = page.getByRole('option', { name: /^According to Transport Focus/ })
    await punctuality.click()
    // A verdict takes the suggestion on and moves to the next claim to decide; come back to write why.
    await page.keyboard.press('5')
    await expect(punctuality).toHaveAttribute('aria-selected', 'false')
    await punctuality.click()
    await page.getByLabel('Rationale').fill('The regulator reports 67.9%.')
    await page.getByLabel('Rationale').blur()

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
    const preview = dialog.frameLocator('iframe[title="Report preview"]')
    await expect(preview.getByText('According to Transport Focus, only 68% of trains arrived on time in 2025.').first()).toBeVisible()
    await expect(preview.getByText('The regulator reports 67.9%.')).toBeVisible()
    // The report's own stylesheet and colours apply in the preview (the app's CSP admits them by hash).
    await expect(preview.locator('.badge').first()).toHaveText('False')
    await expect(preview.locator('.badge').first()).toHaveCSS('background-color', 'rgb(207, 34, 46)')
    await expect(preview.locator('.badge').first()).not.toHaveCSS('display', 'inline')
    // Suggestions are left out of an "accepted claims" report.
    await expect(preview.getByText('Ministers said on Monday')).toHaveCount(1)
    await dialog.getByLabel('Include the article with claims highlighted').uncheck()
    await expect(preview.getByText('Ministers said on Monday')).toHaveCount(0)

    await dialog.getByRole('radio', { name: 'CSV (spreadsheet)' }).check()
    await expect(dialog.getByLabel('Report preview')).toContainText('The regulator reports 67.9%.')
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Download' }).click()
    const file = await downloading
    expect(file.suggestedFilename()).toBe('rail-fares-to-rise.report.csv')
    const csv = await readFile(await file.path(), 'utf8')
    expect(csv).toContain('"According to Transport Focus, only 68% of trains arrived on time in 2025."')
    expect(csv).toContain('"False"')
    expect(csv).not.toContain('Ministers said on Monday')
  })

  test('opens with Ctrl+E and previews ClaimReview JSON-LD', async ({ page, bridge, openApp }) => {
    await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('2')
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.getByRole('button', { name: 'Done', exact: true }).click()
    await page.keyboard.press('Control+e')
    const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
    await dialog.getByRole('radio', { name: /ClaimReview/ }).check()
    await expect(dialog.getByLabel('Claims')).toHaveValue('done')
    await expect(dialog.getByLabel('Report preview')).toContainText('"@type": "ClaimReview"')
    await expect(dialog.getByLabel('Report preview')).toContainText('"alternateName": "Mostly True"')
    await expect(dialog.getByRole('group', { name: 'Needed before publishing' })).toContainText('the fact check’s address')
  })
})

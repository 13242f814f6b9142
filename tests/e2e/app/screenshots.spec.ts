import { join } from 'node:path'
import { selectArticleText } from '../article'
import { expect, test } from '../fixtures'

// Captures the main screens in light and dark mode into test-results/screens, for people to look
// at; `SCREENSHOTS_DIR=docs/screenshots npx playwright test screenshots --project=ipc-bridge`
// refreshes the README's.
const OUT = process.env.SCREENSHOTS_DIR ?? 'test-results/screens'

for (const scheme of ['light', 'dark'] as const) {
  test(`screens render in ${scheme} mode`, async ({ page, openApp, bridge }) => {
    test.setTimeout(90_000)
    await page.emulateMedia({ colorScheme: scheme })
    await bridge.services.handlers['settings:set']({ checkerName: 'Mara Jensen' })
    await openApp()
    await expect(page.getByRole('button', { name: 'Open the sample article' })).toBeVisible()
    await page.screenshot({ path: join(OUT, `home-empty-${scheme}.png`) })
    await page.getByRole('button', { name: 'Open the sample article' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /Harbourside/ })).toBeVisible()

    await expect(page.locator('.article-text [data-start]').first()).toBeVisible()
    const text = bridge.services.store.peek(bridge.services.store.openPaths()[0]!)!.article.text
    // Three claims made from selections (smaller than the proposed sentences), each given a verdict,
    // which moves on to the next proposal to decide.
    const made: [string, string][] = [
      ['The city council voted 31 to 9 on Tuesday', '1'],
      ['would protect twice as many homes for half the price', '4'],
      ['Insured losses in the district rose by 38% between 2020 and 2025', '2'],
    ]
    for (const [quote, verdict] of made) {
      await selectArticleText(page, text, quote)
      await page.keyboard.press('c')
      await expect(page.locator('.claim-text').first()).toHaveText(quote)
      await page.keyboard.press(verdict)
      // The verdict moves on to the next proposal once applied; go on only after that move.
      await expect(page.locator('.claim-text').first()).not.toHaveText(quote)
    }
    const insured = page.getByRole('option', { name: /^Insured losses in the district rose by 38% between 2020 and 2025 To check/ })
    await insured.click()
    await expect(insured).toHaveAttribute('aria-selected', 'true')
    const panel = page.getByRole('region', { name: 'Selected claim' })
    await panel.getByRole('button', { name: 'Done', exact: true }).click()
    await panel.getByLabel('Rationale').fill('The association’s 2025 report gives 38.2%, matching the claim.')
    await panel.getByLabel('Claimant', { exact: true }).fill('Northport Insurers’ Association')
    await panel.getByLabel('Claimant', { exact: true }).blur()
    await panel.getByLabel('Claimant is').selectOption('organization')
    await panel.getByRole('button', { name: 'Add source' }).click()
    const form = panel.getByRole('form', { name: 'Add source' })
    await form.getByLabel('URL', { exact: true }).fill('https://insurers.example/reports/2025')
    await form.getByLabel('Title').fill('Annual claims report 2025')
    await form.getByLabel('Publisher').fill('Northport Insurers’ Association')
    await form.getByLabel('Accessed on').fill('2026-11-24')
    await form.getByLabel('Reliability note').fill('Industry figures; audited')
    await form.getByRole('button', { name: 'Add source' }).click()
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    await page.getByRole('listbox', { name: 'Claims' }).focus()
    await page.locator('.panel-pane').evaluate((pane) => pane.scrollTo(0, 0))
    await page.screenshot({ path: join(OUT, `workbench-${scheme}.png`) })
    await page.keyboard.press('?')
    await page.screenshot({ path: join(OUT, `shortcuts-${scheme}.png`) })
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
    await expect(
      dialog.frameLocator('iframe[title="Report preview"]').getByText('The association’s 2025 report gives 38.2%').first(),
    ).toBeVisible()
    await page.screenshot({ path: join(OUT, `export-${scheme}.png`) })
    await dialog.getByRole('radio', { name: /ClaimReview/ }).check()
    await expect(dialog.getByRole('group', { name: 'Needed before publishing' })).toBeVisible()
    await dialog.getByLabel('Fact check’s address (URL)').fill('https://checks.example.org/2026/flood-wall-insurance')
    await dialog.getByLabel('Organisation', { exact: true }).fill('Northport Fact Desk')
    await dialog.getByLabel('Organisation', { exact: true }).blur()
    await expect(dialog.getByLabel('Report preview')).toContainText('flood-wall-insurance')
    await page.screenshot({ path: join(OUT, `claimreview-${scheme}.png`) })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '← Projects' }).click()
    await expect(page.locator('.project-row').first()).toBeVisible()
    await page.screenshot({ path: join(OUT, `library-${scheme}.png`) })
  })
}

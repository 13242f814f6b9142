import { join } from 'node:path'
import { selectArticleText } from '../article'
import { expect, test } from '../fixtures'

// Captures the main screens in light and dark mode into test-results/screens, for people to look
// at; `SCREENSHOTS_DIR=docs/screenshots npx playwright test screenshots --project=ipc-bridge`
// refreshes the README's.
const OUT = process.env.SCREENSHOTS_DIR ?? 'test-results/screens'

for (const scheme of ['light', 'dark'] as const) {
  test(`screens render in ${scheme} mode`, async ({ page, openApp, bridge }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openApp()
    await expect(page.getByRole('button', { name: 'Open the sample article' })).toBeVisible()
    await page.screenshot({ path: join(OUT, `home-empty-${scheme}.png`) })
    await page.getByRole('button', { name: 'Open the sample article' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /Harbourside/ })).toBeVisible()

    await expect(page.locator('.article-text [data-start]').first()).toBeVisible()
    const text = bridge.services.store.peek(bridge.services.store.openPaths()[0]!)!.article.text
    // Three claims made from selections (smaller than the proposed sentences), each given a verdict.
    const made: [string, string][] = [
      ['The city council voted 31 to 9 on Tuesday', '1'],
      ['would protect twice as many homes for half the price', '4'],
      ['Insured losses in the district rose by 38% between 2020 and 2025', '2'],
    ]
    for (const [quote, verdict] of made) {
      await selectArticleText(page, text, quote)
      await page.keyboard.press('c')
      await expect(page.locator('.claim-text')).toHaveText(quote)
      await page.keyboard.press(verdict)
    }
    await page.getByLabel('Rationale').fill('The association’s 2025 report gives 38.2%, matching the claim.')
    await page.getByLabel('Rationale').blur()
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    await page.screenshot({ path: join(OUT, `workbench-${scheme}.png`) })
    await page.keyboard.press('?')
    await page.screenshot({ path: join(OUT, `shortcuts-${scheme}.png`) })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(
      page.frameLocator('iframe[title="Report preview"]').getByText('The association’s 2025 report gives 38.2%').first(),
    ).toBeVisible()
    await page.screenshot({ path: join(OUT, `export-${scheme}.png`) })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '← Projects' }).click()
    await expect(page.locator('.project-row').first()).toBeVisible()
    await page.screenshot({ path: join(OUT, `library-${scheme}.png`) })
  })
}

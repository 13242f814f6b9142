import { join } from 'node:path'
import { expect, test } from '../fixtures'

// Captures the main screens in light and dark mode into test-results/screens, for people to look
// at; `SCREENSHOTS_DIR=docs/screenshots npx playwright test screenshots` refreshes the README's.
const OUT = process.env.SCREENSHOTS_DIR ?? 'test-results/screens'

for (const scheme of ['light', 'dark'] as const) {
  test(`screens render in ${scheme} mode`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openApp()
    await expect(page.getByRole('button', { name: 'Open the sample article' })).toBeVisible()
    await page.screenshot({ path: join(OUT, `home-empty-${scheme}.png`) })
    await page.getByRole('button', { name: 'Open the sample article' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /Harbourside/ })).toBeVisible()
    await page.screenshot({ path: join(OUT, `project-${scheme}.png`) })
  })
}

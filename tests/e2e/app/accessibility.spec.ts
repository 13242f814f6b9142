import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { seedNewsProject, openFromLibrary } from '../seed'

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe with no serious or critical violations (${scheme})`, async ({ page, bridge, openApp }) => {
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme: scheme })
    await seedNewsProject(bridge)
    await openApp()
    await expect(page.locator('.project-row', { hasText: 'Rail fares to rise' })).toBeVisible()
    expect(await seriousViolations(page), 'home').toEqual([])

    await openFromLibrary(page)
    await expect(page.getByText('3 of 3 claims')).toBeVisible()
    expect(await seriousViolations(page), 'project, nothing selected').toEqual([])

    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('a')
    await page.keyboard.press('2')
    await page.getByRole('button', { name: 'Add source' }).click()
    expect(await seriousViolations(page), 'project, claim selected, source form').toEqual([])

    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    expect(await seriousViolations(page), 'shortcuts dialog').toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /^Scale:/ }).click()
    expect(await seriousViolations(page), 'scale dialog').toEqual([])
  })
}

test('every control can be reached with Tab and shows a visible focus', async ({ page, bridge, openApp }) => {
  await seedNewsProject(bridge)
  await openApp()
  await openFromLibrary(page)
  await page.getByRole('option', { name: /^Ministers said/ }).click()
  const seen = new Set<string>()
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      return {
        name: el.getAttribute('aria-label') ?? (el.textContent.trim().slice(0, 30) || el.tagName),
        outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      }
    })
    if (!focus) continue
    expect(focus.outline, `focus ring on ${focus.name}`).toBe(true)
    seen.add(focus.name)
  }
  for (const name of ['Search claims', 'Filter by status', 'Claims', 'Add source'])
    expect(
      [...seen].some((s) => s.includes(name)),
      name,
    ).toBe(true)
})

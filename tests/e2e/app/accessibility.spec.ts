import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { seedNewsProject, openFromLibrary } from '../seed'

/**
 * The export preview's frame is left out (`withoutPreview`) and the report checked on a page of its
 * own instead: axe's frame-by-frame run opens a helper page, which this Chromium refuses once a
 * sandboxed srcdoc frame is open, and the same-origin (legacy) run needs no helper page.
 */
async function seriousViolations(page: Page, { withoutPreview = false } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page })
  const results = await (withoutPreview ? builder.exclude('iframe[title="Report preview"]').setLegacyMode() : builder).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe with no serious or critical violations (${scheme})`, async ({ page, bridge, openApp }) => {
    test.setTimeout(400_000)
    await page.emulateMedia({ colorScheme: scheme })
    await openApp()
    await expect(page.getByRole('button', { name: 'Open the sample article' })).toBeVisible()
    expect(await seriousViolations(page), 'home, no projects yet').toEqual([])
    await page.getByRole('button', { name: 'Settings' }).click()
    expect(await seriousViolations(page), 'settings dialog').toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Trash' }).click()
    expect(await seriousViolations(page), 'trash dialog').toEqual([])
    await page.keyboard.press('Escape')
    await page
      .getByLabel('Choose an article file')
      .setInputFiles({ name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from('Fares rose 4.6% in March.\n\nPassengers said so.') })
    await expect(page.getByRole('heading', { name: 'New from story.txt' })).toBeVisible({ timeout: 20_000 })
    expect(await seriousViolations(page), 'import review').toEqual([])
    await page.getByRole('button', { name: 'Cancel' }).click()

    await seedNewsProject(bridge)
    await page.reload()
    await expect(page.locator('.project-row', { hasText: 'Rail fares to rise' })).toBeVisible()
    expect(await seriousViolations(page), 'home').toEqual([])
    await page.getByRole('button', { name: 'Rename Rail fares to rise' }).click()
    expect(await seriousViolations(page), 'rename dialog').toEqual([])
    await page.keyboard.press('Escape')

    await openFromLibrary(page)
    await expect(page.getByText('3 of 3 claims')).toBeVisible()
    expect(await seriousViolations(page), 'project, nothing selected').toEqual([])

    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('a')
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.getByRole('button', { name: 'Done', exact: true }).click()
    await page.getByRole('button', { name: /Mostly True/ }).click()
    await page.getByLabel('Claimant', { exact: true }).fill('Ana Petrenko')
    await page.getByLabel('Claimant', { exact: true }).blur()
    await page.getByRole('button', { name: 'Add appearance' }).click()
    expect(await seriousViolations(page), 'claim selected: done, rated, attributed; appearance form').toEqual([])
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Add source' }).click()
    expect(await seriousViolations(page), 'source form').toEqual([])
    await page.getByRole('form', { name: 'Add source' }).getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('Shift+ArrowLeft')
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
    expect(await seriousViolations(page), 'article text selected from the keyboard').toEqual([])

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    expect(await seriousViolations(page), 'shortcuts dialog').toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /^Scale:/ }).click()
    expect(await seriousViolations(page), 'scale dialog').toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Rail fares to rise' }).click()
    expect(await seriousViolations(page), 'article details dialog').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
    await expect(dialog.frameLocator('iframe[title="Report preview"]').getByText('Ministers said on Monday').first()).toBeVisible()
    expect(await seriousViolations(page, { withoutPreview: true }), 'export dialog, HTML preview').toEqual([])
    await dialog.getByRole('radio', { name: /ClaimReview/ }).check()
    await expect(dialog.getByRole('group', { name: 'Needed before publishing' })).toBeVisible()
    expect(await seriousViolations(page, { withoutPreview: true }), 'export dialog, ClaimReview with what is missing').toEqual([])
  })

  test(`the verdict report passes axe on a page of its own (${scheme})`, async ({ page, bridge }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const { path } = await seedNewsProject(bridge)
    const h = bridge.services.handlers
    await h['project:open']({ path })
    await h['claim:setVerdict']({ path, id: 'c-fares', verdict: 'mostly-true' })
    await h['claim:update']({
      path,
      id: 'c-fares',
      fields: { claimant: { name: 'Ana Petrenko', kind: 'person', role: 'Minister', url: '' } },
    })
    await h['claim:setStatus']({ path, ids: ['c-punctual'], status: 'needs-review' })
    const { content } = await h['report:render']({ path, format: 'html', claims: 'all', includeArticle: true, draft: true })
    await page.setContent(content)
    await expect(page.getByRole('heading', { level: 1, name: 'Rail fares to rise' })).toBeVisible()
    expect(await seriousViolations(page), 'the HTML report').toEqual([])
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

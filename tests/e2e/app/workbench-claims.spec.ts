import type { Page } from '@playwright/test'
import { selectArticleText } from '../article'
import { expect, test } from '../fixtures'
import { NEWS, savedProject, seedNewsProject, openFromLibrary } from '../seed'

const rows = (page: Page) => page.getByRole('listbox', { name: 'Claims' }).getByRole('option')

test.describe('claims in the workbench', () => {
  test('makes a claim from part of a sentence, highlighted in place, saved with exact offsets', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    const range = await selectArticleText(page, NEWS, 'carried 1.7 billion passengers')
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
    await page.keyboard.press('c')
    await expect(page.getByRole('option', { name: /^carried 1\.7 billion passengers/ })).toHaveAttribute('aria-selected', 'true')
    await expect(page.locator('.claim-text')).toHaveText('carried 1.7 billion passengers')
    await expect(page.locator('mark.claim-selected')).toHaveText('carried 1.7 billion passengers')
    const saved = await savedProject(page, path)
    const made = saved.claims.find((c) => c.origin === 'manual')!
    expect(made).toMatchObject({ text: 'carried 1.7 billion passengers', start: range.start, end: range.end, status: 'to-check' })
    for (const claim of saved.claims) expect(saved.article.text.slice(claim.start, claim.end)).toBe(claim.text)
  })

  test('makes one claim from a selection across two sentences with the toolbar button', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await selectArticleText(page, NEWS, 'Passenger groups disagree. According to Transport Focus')
    await page.getByRole('button', { name: /Make claim/ }).click()
    await expect(page.locator('.claim-text')).toHaveText('Passenger groups disagree. According to Transport Focus')
    const saved = await savedProject(page, path)
    expect(saved.claims.map((c) => c.text)).toContain('Passenger groups disagree. According to Transport Focus')
  })

  test('accepts and dismisses suggestions, each decision moving on to the next, sets verdict and status by keyboard, and the file follows', async ({
    page,
    bridge,
    openApp,
  }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await expect(page.getByText('3 of 3 claims')).toBeVisible()
    await expect(page.getByText('0 of 3 decided')).toBeVisible()
    const option = (name: RegExp) => page.getByRole('option', { name })

    await page.keyboard.press('j')
    await expect(option(/^Ministers said/)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByText('Factdesk proposed this sentence as check-worthy.')).toBeVisible()
    await expect(page.locator('.reason-chip')).toContainText('4.6%')
    await page.keyboard.press('a')
    await expect(option(/^The transport secretary/)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByText('1 of 3 decided')).toBeVisible()
    await page.keyboard.press('d')
    await expect(option(/^According to Transport Focus/)).toHaveAttribute('aria-selected', 'true')
    // Counted as the filter counts them: "All (2)", with the dismissed one apart.
    await expect(page.getByText('2 of 2 claims shown · 1 dismissed')).toBeVisible()
    await expect(page.getByLabel('Filter by status').getByRole('option', { name: 'All (2)' })).toBeAttached()
    await expect(option(/network carried/)).toHaveCount(0)
    // The last proposal rated: none is left to accept, so the next claim without a verdict comes up.
    await page.keyboard.press('4')
    await expect(page.getByText('3 of 3 decided')).toBeVisible()
    await expect(option(/^Ministers said/)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('s')
    await expect(page.getByRole('button', { name: 'In progress', pressed: true })).toBeVisible()

    const saved = await savedProject(page, path)
    expect(saved.claims.map((c) => [c.id, c.status, c.verdict])).toEqual([
      ['c-fares', 'in-progress', null],
      ['c-passengers', 'dismissed', null],
      ['c-punctual', 'in-progress', 'mostly-false'],
    ])
    expect(saved.history.slice(-4).map((h) => h.action)).toEqual(['claim.accept', 'claim.dismiss', 'claim.verdict', 'claim.status'])
  })

  test('merges neighbouring claims, splits one at the caret, and moves a boundary', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('m')
    await expect(page.getByText('2 of 2 claims')).toBeVisible()
    await expect(page.locator('.claim-text')).toContainText('smallest increase in five years.\n\nThe transport secretary')

    await page.getByRole('button', { name: 'Split or adjust…' }).click()
    const caret = page.getByLabel('Place the caret where the claim should split')
    const claimText = await caret.inputValue()
    const at = claimText.indexOf('The transport secretary')
    await caret.evaluate((el, offset) => (el as HTMLTextAreaElement).setSelectionRange(offset, offset), at)
    await page.getByRole('button', { name: 'Split at caret' }).click()
    await expect(page.getByText('3 of 3 claims')).toBeVisible()

    await page.getByRole('option', { name: /^The transport secretary/ }).click()
    await page.getByRole('button', { name: 'Split or adjust…' }).click()
    await page.getByRole('button', { name: 'End one word earlier' }).click()
    await expect(page.getByLabel('Place the caret where the claim should split')).toHaveValue(
      'The transport secretary told parliament the network carried 1.7 billion passengers last',
    )

    const saved = await savedProject(page, path)
    expect(saved.claims.map((c) => c.text)).toEqual([
      'Ministers said on Monday that rail fares will rise by 4.6% in March, the smallest increase in five years.',
      'The transport secretary told parliament the network carried 1.7 billion passengers last',
      'According to Transport Focus, only 68% of trains arrived on time in 2025.',
    ])
    for (const claim of saved.claims) expect(saved.article.text.slice(claim.start, claim.end)).toBe(claim.text)
  })

  test('uses a new selection as a claim’s boundaries', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^According to Transport Focus/ }).click()
    await selectArticleText(page, NEWS, 'only 68% of trains arrived on time')
    await page.getByRole('button', { name: /Use as claim text/ }).click()
    await expect(page.locator('.claim-text')).toHaveText('only 68% of trains arrived on time')
    const saved = await savedProject(page, path)
    expect(saved.claims.find((c) => c.id === 'c-punctual')?.text).toBe('only 68% of trains arrived on time')
  })

  test('writes rationale, checker and notes, and shows the claim’s history', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^According to Transport Focus/ }).click()
    await page.keyboard.press('a')
    await page.getByRole('option', { name: /^According to Transport Focus/ }).click()
    await page.keyboard.press('r')
    await expect(page.getByLabel('Rationale')).toBeFocused()
    await page.keyboard.type('The regulator’s figure for 2025 is 67.9%.')
    await page.getByLabel('Checker').fill('Dana Okafor')
    await page.getByLabel('Notes').fill('Ask the regulator for the monthly series.')
    await page.getByLabel('Notes').blur()
    await page.getByText(/^History \(/).click()
    await expect(page.locator('.claim-history')).toContainText('Edited the notes of “According to Transport Focus')
    const saved = await savedProject(page, path)
    expect(saved.claims.find((c) => c.id === 'c-punctual')).toMatchObject({
      rationale: 'The regulator’s figure for 2025 is 67.9%.',
      checker: 'Dana Okafor',
      notes: 'Ask the regulator for the monthly series.',
    })
  })

  test('filters by status, verdict and text, and sorts by check-worthiness', async ({ page, bridge, openApp }) => {
    await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('5')
    await page.getByLabel('Filter by status').selectOption('accepted')
    await expect(rows(page)).toHaveCount(1)
    await page.getByLabel('Filter by status').selectOption('suggested')
    await expect(rows(page)).toHaveCount(2)
    await page.getByLabel('Filter by status').selectOption('all')
    await page.getByLabel('Filter by verdict').selectOption('false')
    await expect(rows(page)).toHaveText([/^Ministers said/])
    await page.getByLabel('Filter by verdict').selectOption('any')
    await page.keyboard.press('/')
    await expect(page.getByLabel('Search claims')).toBeFocused()
    await page.keyboard.type('transport')
    await expect(rows(page)).toHaveCount(2)
    await page.getByLabel('Search claims').fill('')
    await page.getByLabel('Sort claims').selectOption('score')
    await expect(rows(page)).toHaveText([/^According to Transport Focus/, /^Ministers said/, /^The transport secretary/])
  })

  test('undoes and redoes edits with Ctrl+Z and Shift+Ctrl+Z', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('2')
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await expect(page.getByRole('button', { name: /Mostly True/, pressed: true })).toBeVisible()
    await page.keyboard.press('Control+z')
    await expect(page.getByRole('button', { name: /Mostly True/, pressed: true })).toHaveCount(0)
    expect((await savedProject(page, path)).claims[0]?.verdict).toBeNull()
    await page.keyboard.press('Control+Shift+z')
    await expect(page.getByRole('button', { name: /Mostly True/, pressed: true })).toBeVisible()
    expect((await savedProject(page, path)).claims[0]?.verdict).toBe('mostly-true')
  })
})

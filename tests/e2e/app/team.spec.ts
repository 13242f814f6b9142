import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Page } from '@playwright/test'
import { APP_URL, installBridge, type Bridge } from '../bridge'
import { expect, test } from '../fixtures'
import { openFromLibrary, seedNewsProject } from '../seed'

async function startSharing(page: Page, remote: string): Promise<void> {
  await page.getByRole('button', { name: 'Start sharing…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start sharing' })
  await dialog.getByLabel('Team folder or git host').fill(remote)
  await dialog.getByRole('button', { name: 'Start sharing' }).click()
  await expect(page.getByRole('region', { name: 'Team', exact: true })).toContainText(`Shared with ${remote}`)
}

async function decide(page: Page, claim: RegExp, key: string): Promise<void> {
  await page.getByRole('option', { name: claim }).click()
  await page.keyboard.press(key)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

/** Syncs from the project screen and waits until this checker's engine has finished that sync. */
async function syncFromProject(page: Page, bridge: Bridge): Promise<void> {
  const before = (await bridge.services.handlers['team:status']({})).lastSync
  await page.getByRole('region', { name: 'Team work' }).getByRole('button', { name: 'Sync' }).click()
  await expect.poll(async () => (await bridge.services.handlers['team:status']({})).lastSync).not.toBe(before)
  await expect(page.getByRole('region', { name: 'Team work' }).getByRole('button', { name: 'Sync' })).toBeEnabled()
}

const PUNCTUAL = /^According to Transport Focus/

test.describe('team work without a server', () => {
  test('two checkers sync through a team folder: both edits arrive, the same verdict twice is a conflict picked in the claim panel, and a required review keeps unapproved verdicts out of the report', async ({
    page,
    bridge,
    openApp,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000)
    const remote = join(bridge.root, 'share', 'team.git')
    await bridge.services.handlers['settings:set']({ checkerName: 'Ana', checkerEmail: 'ana@desk.example' })
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await startSharing(page, remote)

    // Ben works on his own laptop: his own app, home and projects folder.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const benPage = await context.newPage()
    let ben: Bridge | null = null
    try {
      ben = await installBridge(benPage)
      await ben.services.handlers['settings:set']({ checkerName: 'Ben', checkerEmail: 'ben@desk.example' })
      await benPage.goto(APP_URL)
      await startSharing(benPage, remote)
      await expect(benPage.locator('.project-row', { hasText: 'Rail fares to rise' })).toBeVisible()
      await benPage.screenshot({ path: testInfo.outputPath('library-shared.png') })

      await openFromLibrary(page)
      await openFromLibrary(benPage)
      await decide(page, /^Ministers said/, '1')
      await decide(page, PUNCTUAL, '1')
      await decide(benPage, /^The transport secretary/, '5')
      await decide(benPage, PUNCTUAL, '5')

      await syncFromProject(page, bridge)
      await syncFromProject(benPage, ben)
      // Both set a verdict on the same claim, so its verdict and its checker both differ.
      await expect(benPage.getByText('Synced; 2 conflicts to resolve.').last()).toBeVisible()
      await syncFromProject(page, bridge)

      // Ben sees both verdicts on the claim they both decided, with who set each, and keeps Ana's.
      await benPage.getByRole('option', { name: PUNCTUAL }).click()
      const conflict = benPage.getByRole('group', { name: /^Conflict over the verdict of claim “According to Transport Focus/ })
      await expect(conflict).toContainText('False')
      await expect(conflict).toContainText('Ben')
      await expect(conflict).toContainText('True')
      await expect(conflict).toContainText('Ana')
      await benPage.screenshot({ path: testInfo.outputPath('claim-conflict.png') })
      await conflict.getByRole('button', { name: 'Keep the second' }).click()
      await expect(conflict).toHaveCount(0)
      const checker = benPage.getByRole('group', { name: /^Conflict over the checker of claim “According to Transport Focus/ })
      await checker.getByRole('button', { name: 'Keep the second' }).click()
      await expect(checker).toHaveCount(0)
      await expect(benPage.getByRole('group', { name: 'Verdict' }).getByRole('button', { name: '1 True' })).toHaveAttribute(
        'aria-pressed',
        'true',
      )

      // Ben approves Ana's verdict on the fares; both sync and end with the same file.
      await benPage.getByRole('option', { name: /^Ministers said/ }).click()
      await benPage.getByRole('button', { name: 'Approve verdict' }).click()
      await expect(benPage.getByText('Approved', { exact: true })).toBeVisible()
      await syncFromProject(benPage, ben)
      await syncFromProject(page, bridge)
      const benFile = join(ben.home, basename(path))
      await expect.poll(async () => (await readFile(path, 'utf8')) === (await readFile(benFile, 'utf8'))).toBe(true)
      const project = JSON.parse(await readFile(path, 'utf8')) as { conflicts: unknown[]; claims: { id: string; verdict: string }[] }
      expect(project.conflicts).toEqual([])
      expect(project.claims.map((c) => [c.id, c.verdict])).toEqual([
        ['c-fares', 'true'],
        ['c-passengers', 'false'],
        ['c-punctual', 'true'],
      ])

      // Ana requires review: only the approved claim is reported, and the report says why the others are not.
      // The box shows the project's setting, so it is ticked once the edit is back from the engine.
      const requireReview = page.getByLabel('Verdicts need a second checker’s approval before they are published')
      await requireReview.click()
      await expect(requireReview).toBeChecked()
      await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
      await dialog.getByLabel('Include the article with claims highlighted').uncheck()
      const preview = dialog.frameLocator('iframe[title="Report preview"]')
      await expect(
        preview.getByText(
          'This project requires a second checker’s review: only approved claims are included; 2 claims awaiting approval were left out.',
        ),
      ).toBeVisible()
      await expect(preview.getByText('Ministers said on Monday that rail fares will rise by 4.6% in March').first()).toBeVisible()
      await expect(preview.getByText('According to Transport Focus')).toHaveCount(0)
    } finally {
      await ben?.dispose()
      await context.close()
    }
  })

  test('assigned to me and waiting for my review filter the claim list', async ({ page, bridge, openApp }) => {
    await bridge.services.handlers['settings:set']({ checkerName: 'Ana', checkerEmail: 'ana@desk.example' })
    await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.getByLabel('Assigned to').fill('Ana <ana@desk.example>')
    await page.getByLabel('Assigned to').press('Enter')
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    await page.getByRole('option', { name: PUNCTUAL }).click()
    await page.keyboard.press('5')
    await page.getByRole('option', { name: PUNCTUAL }).click()
    // Ben checked this one; Ana, who does not check it, is asked to review it.
    await page.getByLabel('Checker').fill('Ben')
    await page.getByLabel('Checker').blur()
    await page.getByLabel('Reviewer').fill('Ana <ana@desk.example>')
    await page.getByLabel('Reviewer').press('Enter')
    await page.getByLabel('Add a comment').fill('Which table is the 68% from?')
    await page.getByRole('button', { name: 'Comment', exact: true }).click()
    await expect(page.getByRole('list', { name: 'Comments' })).toContainText('Which table is the 68% from?')

    const filter = page.getByLabel('Filter by team work')
    await filter.selectOption('mine')
    await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toHaveText([/^Ministers said/])
    await filter.selectOption('review')
    await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toHaveText([PUNCTUAL])
  })
})

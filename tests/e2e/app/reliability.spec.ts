import { mkdir, rmdir } from 'node:fs/promises'
import { createDispatcher } from '@engine/dispatcher'
import { ProjectStore } from '@engine/project-store'
import { startServer } from '../../../src/cli/serve/server'
import { RENDERER_DIR } from '../bridge'
import { expect, test } from '../fixtures'
import { openFromLibrary, readProject, savedProject, seedNewsProject } from '../seed'

test.describe('nothing the checker did is lost', () => {
  test('two tabs on one project: another field merges, the same field asks which to keep', async ({ browser, bridge }) => {
    const { path } = await seedNewsProject(bridge)
    // Two tabs of the browser edition, in a browser of their own, on the same engine.
    const server = await startServer({ rendererDir: RENDERER_DIR, dispatch: createDispatcher(bridge.services.handlers) })
    const context = await browser.newContext()
    const page = await context.newPage()
    const other = await context.newPage()
    try {
      for (const tab of [page, other]) {
        await tab.goto(server.url)
        await openFromLibrary(tab)
        await tab.getByRole('option', { name: /^Ministers said/ }).click()
      }
      // The first tab writes a rationale; the second, still showing the old version, sets a verdict: both stay.
      await page.getByLabel('Rationale').fill('The statistics office figure is 4.6%.')
      await page.getByLabel('Rationale').blur()
      await savedProject(page, path)
      await other.keyboard.press('1')
      // A verdict moves on to the next claim to decide; the second tab goes back to the first claim.
      await other.getByRole('option', { name: /^Ministers said/ }).click()
      await expect
        .poll(async () => (await readProject(path)).claims[0])
        .toMatchObject({ rationale: 'The statistics office figure is 4.6%.', verdict: 'true' })

      // The second tab's view catches up by itself; then both write the rationale from the same version.
      await expect(other.getByLabel('Rationale')).toHaveValue('The statistics office figure is 4.6%.')
      await page.getByLabel('Rationale').fill('Mine: 4.6% confirmed by the ONS.')
      await other.getByLabel('Rationale').fill('Theirs: the rise is 4.6%.')
      await page.getByLabel('Rationale').blur()
      await savedProject(page, path)
      await other.getByLabel('Rationale').blur()
      const dialog = other.getByRole('dialog', { name: 'Changed in another window' })
      await expect(dialog).toBeVisible()
      await expect(dialog.getByText('Mine: 4.6% confirmed by the ONS.')).toBeVisible()
      await expect(dialog.getByText('Theirs: the rise is 4.6%.')).toBeVisible()
      await dialog.getByRole('button', { name: 'Keep mine' }).click()
      await expect.poll(async () => (await readProject(path)).claims[0]?.rationale).toBe('Theirs: the rise is 4.6%.')
      await expect(page.getByLabel('Rationale')).toHaveValue('Theirs: the rise is 4.6%.')
    } finally {
      await context.close()
      await server.close()
    }
  })

  test('an edit that cannot be saved is kept when the checker leaves, and offered back when they return', async ({
    page,
    bridge,
    openApp,
  }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await mkdir(`${path}.bak`)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('2')
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
    await page.getByRole('button', { name: '← Projects' }).click()
    await expect(
      page.getByText(/Your unsaved edit is kept in ".*\.recovery\.json"; opening the project again offers it back\./),
    ).toBeVisible()
    expect((await readProject(path)).claims[0]?.verdict).toBeNull()

    await rmdir(`${path}.bak`)
    await openFromLibrary(page)
    const banner = page.getByRole('alert').filter({ hasText: /^Restore the 1 unsaved edit from / })
    await expect(banner).toBeVisible()
    await banner.getByRole('button', { name: 'Restore' }).click()
    await expect(banner).toBeHidden()
    expect((await savedProject(page, path)).claims[0]?.verdict).toBe('mostly-true')
  })

  test('a project another checker has open is read-only, names them, and can be taken over', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    const elsewhere = new ProjectStore({
      holder: () => ({
        name: 'Dana Okafor',
        user: 'dana',
        host: 'newsroom-7',
        pid: process.pid,
        edition: 'desktop',
        since: new Date().toISOString(),
      }),
    })
    await elsewhere.open(path)
    try {
      await openApp()
      await openFromLibrary(page)
      const banner = page.getByRole('status').filter({ hasText: 'Read-only.' })
      await expect(banner).toContainText('Dana Okafor (dana on newsroom-7, the desktop app')
      await page.getByRole('option', { name: /^Ministers said/ }).click()
      await page.keyboard.press('1')
      await expect(page.getByText(/has this project open, so it is read-only here/).last()).toBeVisible()
      expect((await readProject(path)).claims[0]?.verdict).toBeNull()

      await banner.getByRole('button', { name: 'Take over' }).click()
      await expect(banner).toBeHidden()
      await page.getByRole('option', { name: /^Ministers said/ }).click()
      await page.keyboard.press('1')
      expect((await savedProject(page, path)).claims[0]?.verdict).toBe('true')
    } finally {
      await elsewhere.closeAll()
    }
  })
})

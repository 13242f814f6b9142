import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test as base } from '@playwright/test'
import { APP_URL, emitShellCommand, installBridge, type Bridge } from './bridge'
import { readProject, seedNewsProject } from './seed'

// The renderer's side of the native menus. Only the OS dialogs are stand-ins: they answer with the
// file a checker would pick; everything behind them (import, open, export) is the real service.
const picked: { open: string | null; save: string | null } = { open: null, save: null }
const test = base.extend<{ bridge: Bridge }>({
  bridge: async ({ page }, use) => {
    const bridge = await installBridge(page, {
      desktop: {
        openPath: () => Promise.resolve(),
        chooseOpenFile: () => Promise.resolve(picked.open),
        chooseSaveFile: () => Promise.resolve(picked.save),
        printToPdf: () => Promise.reject(new Error('not printed in this test')),
      },
    })
    await use(bridge)
    await bridge.dispose()
  },
})

test('File ▸ Open, Export and Close, Edit ▸ Undo, and a file opened from the OS', async ({ page, bridge }) => {
  const { path } = await seedNewsProject(bridge)
  const other = await seedNewsProject(bridge, 'Bus lanes extended')
  await page.goto(APP_URL)
  await expect(page.locator('.project-row').first()).toBeVisible()

  picked.open = path
  await emitShellCommand(page, { command: 'file:open' })
  await expect(page.getByRole('heading', { level: 2, name: 'Rail fares to rise' })).toBeVisible()

  await page.getByRole('option', { name: /^Ministers said/ }).click()
  await page.keyboard.press('3')
  // A verdict moves on to the next claim to decide; back to this one to see it.
  await page.getByRole('option', { name: /^Ministers said/ }).click()
  await expect(page.getByRole('button', { name: /Half True/, pressed: true })).toBeVisible()
  await emitShellCommand(page, { command: 'edit:undo' })
  await expect(page.getByRole('button', { name: /Half True/, pressed: true })).toHaveCount(0)

  // With the caret in a text field, Undo undoes the typing, not the last project edit.
  await page.getByLabel('Notes').fill('draft')
  await page.getByLabel('Notes').focus()
  await emitShellCommand(page, { command: 'edit:undo' })
  await expect(page.getByLabel('Notes')).toHaveValue('')

  await emitShellCommand(page, { command: 'file:export', argument: 'md' })
  await expect(page.getByRole('radio', { name: 'Markdown' })).toBeChecked()
  picked.save = join(bridge.root, 'report.md')
  await page.getByRole('button', { name: 'Save…' }).click()
  await expect(page.getByText(`Exported ${picked.save}`)).toBeVisible()

  await emitShellCommand(page, { command: 'file:close' })
  await expect(page.getByRole('heading', { name: 'New from pasted text' })).toBeVisible()
  expect((await readProject(path)).claims[0]?.verdict).toBeNull()

  await emitShellCommand(page, { command: 'project:openPath', argument: other.path })
  await expect(page.getByRole('heading', { level: 2, name: 'Bus lanes extended' })).toBeVisible()
})

test('File ▸ Import reads the chosen file and shows its details', async ({ page, bridge }) => {
  await page.goto(APP_URL)
  await expect(page.getByRole('heading', { name: 'New from pasted text' })).toBeVisible()
  picked.open = join(import.meta.dirname, '../fixtures/import/article.md')
  await emitShellCommand(page, { command: 'file:import' })
  await expect(page.getByRole('heading', { name: 'New from article.md' })).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.locator('.article-title')).toBeVisible()
  const [file] = (await readdir(bridge.home)).filter((f) => f.endsWith('.factdesk.json'))
  expect((await readProject(join(bridge.home, file!))).article.text.length).toBeGreaterThan(100)
})

import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises'
import { encodeProject } from '@domain/project/codec'
import { expect, test } from '../fixtures'
import { readProject, savedProject, seedNewsProject, openFromLibrary } from '../seed'

test.describe('a project changed on disk behind the app', () => {
  test('shows the change by itself within 2 s when nothing of the checker’s is waiting to be saved', async ({ page, bridge, openApp }) => {
    const { path, project } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    const external = encodeProject({ ...project, article: { ...project.article, title: 'Edited by a colleague' } })
    await writeFile(path, external)
    await expect(page.getByRole('heading', { level: 2, name: 'Edited by a colleague' })).toBeVisible({ timeout: 2500 })
    expect(await readFile(path, 'utf8')).toBe(external)

    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('1')
    const saved = await savedProject(page, path)
    expect(saved.claims[0]?.verdict).toBe('true')
    expect(saved.article.title).toBe('Edited by a colleague')
  })

  test('is never overwritten when the checker has unsaved edits; they reload it or keep theirs as a copy', async ({
    page,
    bridge,
    openApp,
  }) => {
    const { path, project } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    // A folder where the backup goes makes every save fail, so the checker's edit waits in memory.
    await mkdir(`${path}.bak`)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('5')
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
    const external = encodeProject({ ...project, article: { ...project.article, title: 'Pulled from git' } })
    await writeFile(path, external)
    await rmdir(`${path}.bak`)

    await expect(page.getByRole('alert').filter({ hasText: 'was changed or removed outside Factdesk' })).toBeVisible()
    await expect(page.getByText('Changed on disk')).toBeVisible()
    await page.keyboard.press('6')
    await expect(page.getByRole('alert').filter({ hasText: 'Reload it from disk, or save your version as a copy' }).first()).toBeVisible()
    expect(await readFile(path, 'utf8')).toBe(external)

    await page.getByRole('button', { name: 'Save my version as a copy' }).click()
    await expect(page.getByText(/Your version was saved as .*rail-fares-to-rise-copy\.factdesk\.json/)).toBeVisible()
    expect(await readFile(path, 'utf8')).toBe(external)
    const copy = await readProject(path.replace('.factdesk.json', '-copy.factdesk.json'))
    expect(copy.claims[0]?.verdict).toBe('false')
    expect(copy.article.title).toBe('Rail fares to rise')
  })
})

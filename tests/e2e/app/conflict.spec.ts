import { readFile, writeFile } from 'node:fs/promises'
import { encodeProject } from '@domain/project/codec'
import { expect, test } from '../fixtures'
import { readProject, savedProject, seedNewsProject, openFromLibrary } from '../seed'

test.describe('a project changed on disk behind the app', () => {
  test('is not overwritten; the checker reloads it', async ({ page, bridge, openApp }) => {
    const { path, project } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    const external = encodeProject({ ...project, article: { ...project.article, title: 'Edited by a colleague' } })
    await writeFile(path, external)
    await page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(page.getByRole('alert').filter({ hasText: 'was changed or removed outside Factdesk' })).toBeVisible()
    await expect(page.getByText('Changed on disk')).toBeVisible()

    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('1')
    await expect(page.getByRole('alert').filter({ hasText: 'Reload it from disk, or save your version as a copy' }).first()).toBeVisible()
    expect(await readFile(path, 'utf8')).toBe(external)

    await page.getByRole('button', { name: 'Reload from disk' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Edited by a colleague' })).toBeVisible()
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('1')
    expect((await savedProject(page, path)).claims[0]?.verdict).toBe('true')
  })

  test('the checker keeps their version as a copy beside it', async ({ page, bridge, openApp }) => {
    const { path, project } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('6')
    await savedProject(page, path)
    const external = encodeProject({ ...project, article: { ...project.article, title: 'Pulled from git' } })
    await writeFile(path, external)
    // A verdict moves on to the next claim to decide; go back to the first for the second verdict.
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('5')
    await expect(page.getByRole('button', { name: 'Save my version as a copy' })).toBeVisible()
    await page.getByRole('button', { name: 'Save my version as a copy' }).click()
    await expect(page.getByText(/Your version was saved as .*rail-fares-to-rise-copy\.factdesk\.json/)).toBeVisible()
    expect(await readFile(path, 'utf8')).toBe(external)
    const copy = await readProject(path.replace('.factdesk.json', '-copy.factdesk.json'))
    expect(copy.claims[0]?.verdict).toBe('false')
  })
})

import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { encodeLegacy } from '../../fixtures/import/encode'
import { expect, test } from '../fixtures'
import { openFromLibrary, readProject, seedNewsProject } from '../seed'

const FIXTURES = join(import.meta.dirname, '../../fixtures/import')
const projectFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.factdesk.json')).sort()

test.describe('the library', () => {
  test('imports a Word file chosen in the dialog, pre-fills its details and opens it with proposed claims', async ({
    page,
    bridge,
    openApp,
  }) => {
    await openApp()
    await page.getByLabel('Choose an article file').setInputFiles(join(FIXTURES, 'ukrainian.docx'))
    // The first import in a fresh process loads the Word reader, which takes a few seconds on a busy machine.
    await expect(page.getByRole('heading', { name: 'New from ukrainian.docx' })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByLabel('Title')).toHaveValue('Львів відкриє ще шість бібліотек')
    await expect(page.getByLabel('Language code')).toHaveValue('uk')
    await page.getByLabel('Outlet').fill('Львівський вісник')
    await page.getByRole('button', { name: 'Create project' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Львів відкриє ще шість бібліотек' })).toBeVisible()
    await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first()).toBeVisible()

    const [file] = await projectFiles(bridge.home)
    const project = await readProject(join(bridge.home, file!))
    expect(project.article).toMatchObject({ title: 'Львів відкриє ще шість бібліотек', outlet: 'Львівський вісник', language: 'uk' })
    expect(project.claims.length).toBeGreaterThan(0)
    expect(project.claims.every((c) => c.status === 'suggested' && c.reasons.length > 0)).toBe(true)
  })

  test('imports a legacy-encoded text file dropped on the window', async ({ page, bridge, openApp }) => {
    await openApp()
    const text = 'Міська рада виділила 42 мільйони гривень на бібліотеки, повідомили в пресслужбі.\n\nЦе вдвічі більше, ніж торік.'
    const bytes = [...encodeLegacy(text, 'windows-1251')]
    const dropped = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], 'biblioteky.txt', { type: 'text/plain' }))
      return transfer
    }, bytes)
    await page.dispatchEvent('main', 'drop', { dataTransfer: dropped })
    await expect(page.getByRole('heading', { name: 'New from biblioteky.txt' })).toBeVisible({ timeout: 20_000 })
    // The file names no title: the form shows the one the project will get, its first line.
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
      'Міська рада виділила 42 мільйони гривень на бібліотеки, повідомили в пресслужбі.',
    )
    await expect(page.getByLabel(/^Text \(/)).toHaveValue(text)
    await page.getByRole('button', { name: 'Create project' }).click()
    await expect(page.locator('.article-title')).toContainText('Міська рада виділила 42 мільйони гривень')
    await expect(page.locator('.article-text')).toContainText('Це вдвічі більше, ніж торік.')
    const [file] = await projectFiles(bridge.home)
    expect((await readProject(join(bridge.home, file!))).article.text).toBe(text)
  })

  test('shows progress, searches and sorts, renames, duplicates, trashes and restores', async ({ page, bridge, openApp }) => {
    await seedNewsProject(bridge, 'Rail fares to rise')
    await seedNewsProject(bridge, 'Bus lanes extended')
    await openApp()
    await expect(page.getByRole('list', { name: 'All projects' }).getByRole('listitem')).toHaveCount(2)
    await expect(page.getByRole('progressbar', { name: '3 suggestions to review' }).first()).toBeVisible()

    await page.getByLabel('Search projects').fill('bus')
    await expect(page.getByRole('list', { name: 'All projects' }).getByRole('listitem')).toHaveCount(1)
    await page.getByLabel('Search projects').fill('')
    await page.getByLabel('Sort projects').selectOption('title')
    await expect(page.getByRole('list', { name: 'All projects' }).locator('.project-title')).toHaveText([
      'Bus lanes extended',
      'Rail fares to rise',
    ])

    await page.getByRole('button', { name: 'Rename Rail fares to rise' }).click()
    await page.getByRole('dialog', { name: 'Rename project' }).getByLabel('Title').fill('Rail fares: the 4.6% rise')
    await page.getByRole('button', { name: 'Rename', exact: true }).click()
    await expect(page.locator('.project-title', { hasText: 'Rail fares: the 4.6% rise' }).first()).toBeVisible()
    expect(await projectFiles(bridge.home)).toEqual(['bus-lanes-extended.factdesk.json', 'rail-fares-the-4-6-rise.factdesk.json'])

    await page.getByRole('button', { name: 'Duplicate Bus lanes extended' }).click()
    await expect(page.getByText('Duplicated “Bus lanes extended”.')).toBeVisible()
    expect(await projectFiles(bridge.home)).toContain('bus-lanes-extended-copy.factdesk.json')

    const beforeTrash = await readFile(join(bridge.home, 'rail-fares-the-4-6-rise.factdesk.json'), 'utf8')
    await page.getByRole('button', { name: 'Move Rail fares: the 4.6% rise to the trash' }).click()
    await expect(page.locator('.project-title', { hasText: 'Rail fares: the 4.6% rise' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Trash', exact: true }).click()
    await page.getByRole('button', { name: 'Restore Rail fares: the 4.6% rise' }).click()
    await page.keyboard.press('Escape')
    await expect(page.locator('.project-title', { hasText: 'Rail fares: the 4.6% rise' }).first()).toBeVisible()
    expect(await projectFiles(bridge.home)).toContain('rail-fares-the-4-6-rise.factdesk.json')
    expect(await readFile(join(bridge.home, 'rail-fares-the-4-6-rise.factdesk.json'), 'utf8')).toBe(beforeTrash)
  })

  test('lists recently opened projects first and names unreadable files', async ({ page, bridge, openApp }) => {
    for (const title of ['Rail fares to rise', 'Tram depot sold', 'Ferry timetable cut', 'Cycle lanes widened', 'Parking fees doubled']) {
      await seedNewsProject(bridge, title)
    }
    await seedNewsProject(bridge, 'Bus lanes extended')
    await writeFile(join(bridge.home, 'broken.factdesk.json'), '{"schemaVersion": 1, "id": ')
    await openApp()
    await expect(page.getByRole('group', { name: 'Files that could not be read' })).toContainText('broken.factdesk.json')
    await page
      .getByRole('button', { name: /Bus lanes extended/ })
      .first()
      .click()
    await page.getByRole('button', { name: '← Projects' }).click()
    await expect(page.getByRole('list', { name: 'Recent projects' }).locator('.project-title')).toHaveText(['Bus lanes extended'])
  })

  test('settings hold the checker’s name, used on new claims and in the history', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel(/Your name/).fill('Dana Okafor')
    await page.getByLabel(/^Organisation \(/).fill('Northport Fact Desk')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.keyboard.press('a')
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    const project = await readProject(path)
    expect(project.history.at(-1)).toMatchObject({ action: 'claim.accept', author: 'Dana Okafor' })
    const settings = JSON.parse(await readFile(join(bridge.root, 'config', 'settings.json'), 'utf8')) as { organisationName: string }
    expect(settings.organisationName).toBe('Northport Fact Desk')
  })
})

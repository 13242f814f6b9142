import { expect, test } from '../fixtures'
import { openFromLibrary, readProject, seedNewsProject } from '../seed'

test('the checker corrects the article’s details from its title, and the file follows', async ({ page, bridge, openApp }) => {
  const { path } = await seedNewsProject(bridge)
  await openApp()
  await openFromLibrary(page)
  await page.getByRole('button', { name: 'Rail fares to rise' }).click()
  await page.getByLabel('Outlet').fill('The Test Gazette')
  await page.getByLabel('Author').fill('Ines Brandt')
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.locator('.article-meta')).toContainText('The Test Gazette')
  await expect.poll(async () => (await readProject(path)).article).toMatchObject({ outlet: 'The Test Gazette', author: 'Ines Brandt' })
})

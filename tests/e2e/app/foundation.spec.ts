import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SCHEMA_VERSION } from '@domain/project/schema'
import { expect, test } from '../fixtures'

const ARTICLE = `The regional rail operator carried 41.2 million passengers last year, up 6% on 2024, its annual report says.

Transport minister Elena Vasquez said the new timetable had "cut average delays by a third." Critics disagree.`

test('a checker pastes an article, creates a project, reads it, and the file holds it', async ({ page, bridge, openApp }) => {
  await openApp()
  await expect(page.getByRole('heading', { name: 'New from pasted text' })).toBeVisible()
  await page.getByLabel('Title').fill('Rail passengers up, says operator')
  await page.getByLabel('Article text').fill(ARTICLE)
  await page.getByRole('button', { name: 'Create project' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Rail passengers up, says operator' })).toBeVisible()
  await expect(page.locator('.article-text')).toContainText('carried 41.2 million passengers last year')
  await expect(page.locator('.article-text')).toContainText('Critics disagree.')

  const files = (await readdir(bridge.home)).filter((f) => f.endsWith('.factdesk.json'))
  expect(files).toEqual(['rail-passengers-up-says-operator.factdesk.json'])
  const saved = JSON.parse(await readFile(join(bridge.home, files[0]!), 'utf8')) as {
    schemaVersion: number
    article: { title: string; text: string }
    history: { action: string }[]
  }
  expect(saved.schemaVersion).toBe(SCHEMA_VERSION)
  expect(saved.article.title).toBe('Rail passengers up, says operator')
  expect(saved.article.text).toBe(ARTICLE)
  expect(saved.history.map((h) => h.action)).toEqual(['project.create'])

  await page.getByRole('button', { name: '← Projects' }).click()
  await expect(page.locator('.project-row', { hasText: 'Rail passengers up, says operator' })).toBeVisible()
})

test('with no projects the home screen offers the sample article, which opens', async ({ page, bridge, openApp }) => {
  await openApp()
  await page.getByRole('button', { name: 'Open the sample article' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /Harbourside council backs €48 million flood wall/ })).toBeVisible()
  await expect(page.getByText('The Northport Ledger', { exact: false })).toBeVisible()
  expect((await readdir(bridge.home)).filter((f) => f.endsWith('.factdesk.json'))).toHaveLength(1)
})

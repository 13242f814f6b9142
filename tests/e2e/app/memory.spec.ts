import { expect, test } from '../fixtures'
import { newProject } from '@domain/project/create'
import type { Project } from '@domain/project/schema'
import { writeNewProjectFile } from '@engine/project-store'
import { claimIn } from '../../helpers/projects'
import { readProject } from '../seed'

const EARLIER = `Зеленський заявив, що середня зарплата в Україні зросла до 20 тисяч гривень.

Економісти радять дивитися на медіанну зарплату.`

const LATER = `Президент Зеленський сказав, що середня зарплата зросла до 20 000 гривень на місяць.

Про це він повідомив у зверненні.`

/** The earlier project: its claim checked False, with a rationale and a source. */
async function seedEarlier(home: string): Promise<{ path: string; claimId: string }> {
  const base = newProject(
    { title: 'Зарплати у вересні', text: EARLIER, outlet: 'Вісник', publishedAt: '2026-09-10', language: 'uk' },
    { now: new Date('2026-09-11T08:00:00Z'), author: 'seed' },
  )
  const quote = EARLIER.split('\n')[0] as string
  const project: Project = {
    ...base,
    sources: [
      {
        id: 's-1',
        url: 'https://ukrstat.gov.ua/zarplata',
        title: 'Держстат: середня зарплата',
        publisher: 'Держстат',
        date: '2026-09-01',
        excerpt: '',
        archiveUrl: '',
        attachment: '',
        reliability: '',
        accessedAt: '',
        attachmentSha256: '',
        createdAt: '2026-09-11T08:00:00.000Z',
        updatedAt: '2026-09-11T08:00:00.000Z',
      },
    ],
    claims: [claimIn(EARLIER, 'c-pay', quote, { status: 'done', verdict: 'false', rationale: 'Держстат: 17 тисяч.', sourceIds: ['s-1'] })],
  }
  return { path: await writeNewProjectFile(home, project.article.title, project), claimId: 'c-pay' }
}

const ARCHIVE = `<!doctype html><html><head><title>Перевірка</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://checks.example/zarplata-20-tysyach',
  claimReviewed: 'Зеленський: середня зарплата зросла до 20 тисяч гривень',
  datePublished: '2026-09-15',
  author: { '@type': 'Organization', name: 'Інша редакція' },
  reviewRating: { '@type': 'Rating', alternateName: 'Маніпуляція' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Володимир Зеленський' } },
})}</script></head><body>…</body></html>`

test('a claim checked before: seen in an earlier project and an imported ClaimReview, reused with a link in history; found by another word form and a transliterated name', async ({
  page,
  bridge,
  openApp,
}) => {
  const earlier = await seedEarlier(bridge.home)
  await openApp()

  // The team's archive of published fact-checks, imported from a saved page.
  await page.getByRole('button', { name: 'Search everything' }).click()
  const search = page.getByRole('dialog', { name: 'Search everything' })
  await search.getByText(/^Fact-check archives/).click()
  // A saved page with no fact-check in it: the refusal shows above the dialog, where it can be read and dismissed.
  await search
    .getByLabel('Archive file to import')
    .setInputFiles({ name: 'empty.html', mimeType: 'text/html', buffer: Buffer.from('<html><body>No reviews here.</body></html>') })
  const refusal = search.getByRole('alert').filter({ hasText: '“empty.html” holds no fact-checks Factdesk can read' })
  await expect(refusal).toBeVisible()
  await refusal.getByRole('button', { name: 'Dismiss' }).click()
  await expect(refusal).toHaveCount(0)
  await search
    .getByLabel('Archive file to import')
    .setInputFiles({ name: 'perevirka.html', mimeType: 'text/html', buffer: Buffer.from(ARCHIVE) })
  await expect(search.getByRole('list', { name: 'Imported archives' }).getByRole('listitem')).toHaveText([/perevirka.*1 fact-check ·/])
  await search.getByRole('button', { name: 'Close' }).click()

  // The new article: its first sentence says what was checked before.
  await page.getByLabel('Title').fill('Звернення президента')
  await page.getByLabel('Article text').fill(LATER)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Звернення президента' })).toBeVisible()
  const first = page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first()
  await expect(first).toContainText('Президент Зеленський сказав')
  await expect(first.getByLabel(/^Checked before/)).toBeVisible()
  await first.click()

  const seen = page.getByRole('list', { name: 'Earlier checks of this claim' })
  await expect(seen.getByRole('listitem')).toHaveCount(2)
  await expect(seen.getByRole('listitem').filter({ hasText: 'Зарплати у вересні' })).toContainText('False')
  await expect(seen.getByRole('listitem').filter({ hasText: 'Archive “perevirka”' })).toContainText('Маніпуляція')
  await expect(seen.getByRole('listitem').first()).toContainText('Same figures: 20000')

  await seen.getByRole('button', { name: /^Reuse this check: False, “Зарплати у вересні”/ }).click()
  await expect(page.getByRole('button', { name: /False/, pressed: true })).toBeVisible()
  await expect(page.getByLabel('Rationale')).toHaveValue('Держстат: 17 тисяч.')
  await page.getByText(/^History \(\d+\)$/).click()
  const entry = page.locator('.claim-panel details li').filter({ hasText: 'Reused the check of' })
  await expect(entry).toContainText('“Зарплати у вересні”')
  await expect(entry).toContainText(`/c/${earlier.claimId}`)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  const later = (await bridge.services.library.list(bridge.home)).projects.find((p) => p.title === 'Звернення президента')
  const saved = await readProject(later?.path ?? '')
  expect(saved.sources.map((s) => s.url)).toContain('https://ukrstat.gov.ua/zarplata')

  // Search everything: another case of "зарплата", then the name in Latin letters; Enter opens the claim.
  await page.getByRole('button', { name: '← Projects' }).click()
  await expect(page.getByRole('list', { name: 'All projects' }).getByRole('listitem')).toHaveCount(2)
  await page.getByRole('button', { name: 'Search everything' }).click()
  const query = search.getByRole('combobox', { name: 'Search claims, sources, articles and fact-checks' })
  await search.getByRole('combobox', { name: 'Kind' }).selectOption('claim')
  await query.fill('зарплати')
  const results = search.getByRole('listbox', { name: 'Search results' }).getByRole('option')
  await expect(results.filter({ hasText: 'Зеленський заявив' })).toHaveCount(1)
  await query.fill('Zelensky')
  await search.getByRole('textbox', { name: 'Verdict' }).fill('False')
  await expect(results).toHaveCount(2)
  await search.getByLabel('Dated from').fill('2026-09-01')
  await search.getByLabel('Dated to').fill('2026-09-30')
  await expect(results).toHaveCount(1)
  await expect(results.first()).toContainText('Зеленський заявив')
  await query.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: 'Зарплати у вересні' })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/c/${earlier.claimId}$`))
})

import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { formatDay } from '@domain/report/model'

/**
 * A newsroom checker's day, walked as they see it (roles and labels, never test ids), over both
 * transports: import and paste, triage the proposals by keyboard alone, make a claim from a keyboard
 * selection, say who made it and cite a source, publish a ClaimReview that names the claimant and
 * the fact check's address (refused until both are there), come back to the claim by reload, Back,
 * Forward and its link, and find everything entered in every export. The story is invented.
 */
const ARTICLE = `Councillor Ben Asante said on Tuesday that flood damage in the harbour district cost €8.4 million last year, twice the figure for 2023.

The council voted 27 to 6 to build a 1.2-kilometre sea wall by 2028. According to the Environment Agency, sea levels along this coast rose 11 centimetres since 1990.

Mayor Olena Kovalenko told reporters the wall would protect 3,400 homes. Insurance premiums in the district rose by 38% between 2020 and 2025, the insurers' association said.

The opposition leader, Rita Moss, claimed the project would raise council tax by 9%. Finance officers put the increase at 2.5% a year for four years.

Fishermen said the harbour lost 40 berths to silting in the past decade. The port authority reported 1,150 vessel visits in 2025, down from 1,420 in 2019.

Local businesses employ about 2,300 people near the waterfront, the chamber of commerce estimates. Construction is expected to create 180 jobs.

Residents can see the plans at the library until 30 June. What the town will look like in 2050 is anyone's guess.`

const IMPORTED = 'Міська рада виділила 42 мільйони гривень на бібліотеки, повідомили в пресслужбі.\n\nЦе вдвічі більше, ніж торік.'

/** What the checker types, each of which every export must carry. */
const ENTERED = {
  claim: 'the wall would protect 3,400 homes.',
  claimant: 'Olena Kovalenko',
  role: 'Mayor',
  claimantPage: 'https://harbour.example/people/kovalenko',
  claimDate: '2026-05-19',
  statement: 'Sea wall would protect 3,400 homes',
  appearanceUrl: 'https://video.example/council-2026-05-19',
  appearanceTitle: 'Council meeting, 19 May',
  rationale: 'The engineering report counts 2,950 homes behind the planned wall.',
  sourceUrl: 'https://harbour.example/reports/sea-wall-engineering',
  sourceTitle: 'Sea wall engineering report',
  sourcePublisher: 'Harbour Town Council',
  sourceDate: '2026-03-02',
  accessed: '2026-05-20',
  excerpt: 'Properties protected: 2,950',
  archiveUrl: 'https://archive.example/2026/sea-wall-engineering',
  reliability: 'Primary document, signed by the chief engineer',
  fileName: 'engineering-summary.pdf',
  checker: 'Dana Okafor',
  reviewUrl: 'https://checks.example.org/2026/sea-wall-homes',
  reviewDate: '2026-05-22',
  organisation: 'Harbour Fact Desk',
  organisationUrl: 'https://checks.example.org',
  organisationLogo: 'https://checks.example.org/logo.png',
}
const FILE_BYTES = Buffer.from('%PDF-1.4 engineering summary: 2,950 homes')
const FILE_SHA256 = createHash('sha256').update(FILE_BYTES).digest('hex')

const selectedOption = (page: Page) => page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { selected: true })

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const downloading: Promise<Download> = page.waitForEvent('download')
  await click()
  const file = await downloading
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') }
}

test('the checker’s journey: import and paste, triage by keyboard, attribute and source a claim, publish a ClaimReview, come back to the claim, and find every field in every export', async ({
  page,
  openApp,
}) => {
  test.setTimeout(240_000)
  await openApp()

  // Who the checker is: their name fills Checker on every claim they take on.
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel(/^Your name/).fill(ENTERED.checker)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0)

  // Import: a Ukrainian text file, reviewed and made a project.
  await page
    .getByLabel('Choose an article file')
    .setInputFiles({ name: 'biblioteky.txt', mimeType: 'text/plain', buffer: Buffer.from(IMPORTED, 'utf8') })
  await expect(page.getByRole('heading', { name: 'New from biblioteky.txt' })).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.locator('.article-text')).toContainText('Це вдвічі більше, ніж торік.')
  await page.getByRole('button', { name: '← Projects' }).click()

  // Paste: the harbour story, opened with the keyboard already in the claim list.
  await page.getByLabel('Title').fill('Harbour town backs €12 million sea wall')
  await page.getByLabel('Article text').fill(ARTICLE)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Harbour town backs €12 million sea wall' })).toBeVisible()
  await expect(page.getByRole('listbox', { name: 'Claims' })).toBeFocused()
  const counter = page.getByText(/^\d+ of \d+ decided$/)
  const [, total] = /^0 of (\d+) decided$/.exec((await counter.textContent()) ?? '') ?? []
  expect(Number(total)).toBeGreaterThanOrEqual(10)

  // Triage ten proposals by keyboard alone: accept, dismiss or rate, each moving on to the next.
  await page.keyboard.press('j')
  const keys = ['a', 'd', 'a', '2', 'Shift+A', 'd', '4', 'a', 'D', 'a']
  const seen: string[] = []
  for (const [i, key] of keys.entries()) {
    const before = (await selectedOption(page).textContent()) ?? ''
    seen.push(before)
    await page.keyboard.press(key)
    await expect(counter).toHaveText(`${i + 1} of ${total} decided`)
    await expect(selectedOption(page)).not.toHaveText(before)
  }
  expect(new Set(seen).size).toBe(10)

  // A claim from a keyboard selection: find the mayor's sentence, select from its sixth word, press C.
  await page.keyboard.press('/')
  await page.keyboard.type('Kovalenko')
  await page.keyboard.press('Enter')
  await page.keyboard.press('j')
  await expect(selectedOption(page)).toContainText('Mayor Olena Kovalenko told reporters')
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+ArrowRight')
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
  await page.keyboard.press('c')
  const panel = page.getByRole('region', { name: 'Selected claim' })
  await expect(panel.locator('blockquote').first()).toHaveText(ENTERED.claim)
  await page.getByLabel('Search claims').fill('')

  // Who said it, when, where else, and the short statement Google shows.
  await expect(panel.getByLabel('Checker')).toHaveValue(ENTERED.checker)
  await panel.getByLabel('Claimant', { exact: true }).fill(ENTERED.claimant)
  await panel.getByLabel('Claimant', { exact: true }).press('Tab')
  await expect(panel.getByLabel('Role')).toBeEnabled()
  await panel.getByLabel('Role').fill(ENTERED.role)
  await panel.getByLabel('Claimant’s page').fill(ENTERED.claimantPage)
  await panel.getByLabel('Claim made on').fill(ENTERED.claimDate)
  await panel.getByLabel('ClaimReview statement').fill(ENTERED.statement)
  await panel.getByLabel('ClaimReview statement').press('Escape')
  await expect(page.getByRole('listbox', { name: 'Claims' })).toBeFocused()
  await panel.getByRole('button', { name: 'Add appearance' }).click()
  await panel.getByLabel('URL', { exact: true }).fill(ENTERED.appearanceUrl)
  await panel.getByLabel('Title').fill(ENTERED.appearanceTitle)
  await panel.getByRole('button', { name: 'Add appearance' }).click()
  await expect(panel.getByText(ENTERED.appearanceTitle)).toBeVisible()
  await panel.getByRole('button', { name: /Half True/ }).click()
  await panel.getByLabel('Rationale').fill(ENTERED.rationale)

  // A source with every field and an attached file.
  await panel.getByRole('button', { name: 'Add source' }).click()
  const form = panel.getByRole('form', { name: 'Add source' })
  await form.getByLabel('URL', { exact: true }).fill(ENTERED.sourceUrl)
  await form.getByLabel('Title').fill(ENTERED.sourceTitle)
  await form.getByLabel('Publisher').fill(ENTERED.sourcePublisher)
  await form.getByLabel('Date', { exact: true }).fill(ENTERED.sourceDate)
  await form.getByLabel('Accessed on').fill(ENTERED.accessed)
  await form.getByLabel('Quoted excerpt').fill(ENTERED.excerpt)
  await form.getByLabel('Archive URL').fill(ENTERED.archiveUrl)
  await form.getByLabel('Reliability note').fill(ENTERED.reliability)
  await form.getByLabel(/Attach a local file/).setInputFiles({ name: ENTERED.fileName, mimeType: 'application/pdf', buffer: FILE_BYTES })
  await form.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('button', { name: `File: ${ENTERED.fileName}` })).toBeVisible()
  await panel.getByRole('button', { name: 'Done', exact: true }).click()
  await expect(panel.getByRole('button', { name: 'Done', pressed: true })).toBeVisible()

  // Its link, then reload, Back and Forward: the app comes back to the same claim every time.
  await panel.getByRole('button', { name: 'Copy link to claim' }).click()
  const notice = page.getByRole('region', { name: 'Notifications' }).getByText(/link/)
  await expect(notice).toContainText('#/p/')
  const link = /(\S+\/#\/p\/\S+)$/.exec((await notice.textContent()) ?? '')?.[1] ?? ''
  expect(link).toMatch(/#\/p\/harbour-town-backs-12-million-sea-wall\/c\/[A-Za-z0-9_-]+$/)
  await page.reload()
  await expect(selectedOption(page)).toHaveText(new RegExp(`^${ENTERED.claim.replace(/[.]/g, '\\.')}`))
  await expect(panel.getByLabel('Claimant', { exact: true })).toHaveValue(ENTERED.claimant)
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible()
  await page.goForward()
  await expect(selectedOption(page)).toHaveText(new RegExp(`^${ENTERED.claim.replace(/[.]/g, '\\.')}`))
  await page.getByRole('button', { name: '← Projects' }).click()
  await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible()
  await page.goto(link)
  await expect(panel.locator('blockquote').first()).toHaveText(ENTERED.claim)

  // ClaimReview: refused, naming each missing field, until the address, date and organisation are given.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
  await dialog.getByRole('radio', { name: /ClaimReview/ }).check()
  await expect(dialog.getByLabel('Claims')).toHaveValue('done')
  await dialog.getByRole('button', { name: 'Download' }).click()
  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText('The ClaimReview was not written')
  for (const field of ['the fact check’s address', 'the fact check’s publication date', 'your organisation’s name'])
    await expect(refusal).toContainText(field)
  await dialog.getByLabel('Fact check’s address (URL)').fill(ENTERED.reviewUrl)
  await dialog.getByLabel('Published on').fill(ENTERED.reviewDate)
  await dialog.getByLabel('Organisation', { exact: true }).fill(ENTERED.organisation)
  await dialog.getByLabel('Organisation website').fill(ENTERED.organisationUrl)
  await dialog.getByLabel('Organisation logo (URL)').fill(ENTERED.organisationLogo)
  await dialog.getByLabel('Organisation logo (URL)').blur()
  await expect(dialog.getByRole('group', { name: 'Needed before publishing' })).toHaveCount(0)
  await expect(dialog.getByLabel('Report preview')).toContainText(ENTERED.reviewUrl)
  const claimReview = await downloadText(page, () => dialog.getByRole('button', { name: 'Download' }).click())
  expect(claimReview.name).toBe('harbour-town-backs-12-million-sea-wall.claimreview.jsonld')
  const reviews = JSON.parse(claimReview.text) as {
    url: string
    datePublished: string
    author: { name: string }
    creator: { name: string }
    claimReviewed: string
    reviewRating: { alternateName: string }
    itemReviewed: { author: { '@type': string; name: string; jobTitle: string; sameAs: string }; datePublished: string }
  }[]
  expect(reviews).toHaveLength(1)
  expect(reviews[0]).toMatchObject({
    url: ENTERED.reviewUrl,
    datePublished: ENTERED.reviewDate,
    author: { name: ENTERED.organisation },
    creator: { name: ENTERED.checker },
    claimReviewed: ENTERED.statement,
    reviewRating: { alternateName: 'Half True' },
    itemReviewed: {
      author: { '@type': 'Person', name: ENTERED.claimant, jobTitle: ENTERED.role, sameAs: ENTERED.claimantPage },
      datePublished: ENTERED.claimDate,
    },
  })

  // Every other export carries every field the checker entered.
  const everyField = [
    ENTERED.claim,
    ENTERED.claimant,
    ENTERED.role,
    ENTERED.claimDate,
    ENTERED.statement,
    ENTERED.appearanceUrl,
    ENTERED.rationale,
    ENTERED.sourceUrl,
    ENTERED.sourceTitle,
    ENTERED.sourcePublisher,
    ENTERED.sourceDate,
    ENTERED.accessed,
    ENTERED.excerpt,
    ENTERED.archiveUrl,
    ENTERED.reliability,
    ENTERED.fileName,
    FILE_SHA256,
    ENTERED.checker,
  ]
  const formats: [RegExp, string][] = [
    [/^HTML$/, 'html'],
    [/^Markdown$/, 'md'],
    [/^CSV/, 'csv'],
    [/^JSON$/, 'json'],
  ]
  for (const [radio, extension] of formats) {
    await dialog.getByRole('radio', { name: radio }).check()
    const { name, text } = await downloadText(page, () => dialog.getByRole('button', { name: 'Download' }).click())
    expect(name).toBe(`harbour-town-backs-12-million-sea-wall.report.${extension}`)
    // Markdown writes some characters as references (&#64; …); HTML escapes; JSON and CSV quote.
    const readable = text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&#39;/g, "'")
    for (const field of everyField) {
      // Reports for people write dates their reader's way ("March 2, 2026"); CSV and JSON keep them ISO.
      const shown = extension === 'html' || extension === 'md' ? formatDay(field, 'en') : field
      expect(readable, `${extension} has “${shown}”`).toContain(shown)
    }
  }

  // Four downloads, one confirmation on screen, and it fades by itself.
  const confirmations = page.getByRole('region', { name: 'Notifications' }).getByRole('status')
  await expect(confirmations).toHaveCount(1)
  await expect(confirmations).toHaveText(/Downloaded harbour-town-backs-12-million-sea-wall\.report\.json/)
  await expect(confirmations).toHaveCount(0, { timeout: 10_000 })
})

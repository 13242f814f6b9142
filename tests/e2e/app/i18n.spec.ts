import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'

// The workbench in Ukrainian: switched in Settings without a restart, keeping the open project and
// the selected claim, and with no English left on the screens whose words are in the catalogues.
// `SCREENSHOTS_DIR=docs/screenshots npx playwright test i18n --project=ipc-bridge` refreshes docs/screenshots/*-uk.png.
const OUT = process.env.SCREENSHOTS_DIR ?? 'test-results/screens'

/** Names and codes that read the same in every language. */
const NAMES =
  /^(Factdesk|ClaimReview|JSON-LD|JSON|HTML|PDF|CSV|Markdown|URL|ID|UTC|SHA-256|PolitiFact|Truth-O-Meter|AAP|AFP|Meta|FactCheck|Google|Word|docx|zip|schema|org|git|und)$/

/**
 * Every visible text and every label a screen reader reads (aria-label, title, placeholder) that has
 * an English word in it, outside the checker's own data: elements marked translate="no" (titles,
 * claims, published verdict labels), form fields' values, and the `skip`ped regions.
 */
async function englishLeft(page: Page, skip: readonly string[] = [], within = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ skip, names, within }) => {
      const root = document.querySelector(within) ?? document.body
      const ignored = ['[translate="no"]', 'script', 'style', 'kbd', 'iframe', 'textarea', 'pre', ...skip].join(',')
      const pattern = new RegExp(names)
      const english = (text: string): boolean =>
        // Capitals only are codes and variables (FACTDESK_HOME), not prose; paths are the checker's own.
        (text.replace(/(\/[\w.-]+)+/g, '').match(/[A-Za-z](?:[A-Za-z’']|-(?=[A-Za-z]))*/g) ?? []).some(
          (word) => word.length > 1 && !pattern.test(word) && !/^https?$/.test(word) && !/^[A-Z]+$/.test(word),
        )
      const found: string[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement
        const text = node.textContent?.trim() ?? ''
        if (!element || !text || element.closest(ignored) || !element.checkVisibility()) continue
        if (english(text.replace(/https?:\/\/\S+/g, ''))) found.push(text)
      }
      for (const element of root.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
        if (element.closest(ignored) || !element.checkVisibility()) continue
        for (const name of ['aria-label', 'title', 'placeholder']) {
          // Quoted in «» is the checker's own (a project's title in "Перейменувати «…»").
          const value = element.getAttribute(name)?.replace(/https?:\/\/\S+|«[^»]*»/g, '')
          if (value && english(value)) found.push(`${name}="${value}"`)
        }
      }
      return found
    },
    { skip, names: NAMES.source, within },
  )
}

test('switching to Ukrainian in Settings keeps the project and the claim, and leaves no English on the converted screens', async ({
  page,
  openApp,
}) => {
  test.setTimeout(90_000)
  await openApp()
  await page.getByRole('button', { name: 'Open the sample article' }).click()
  const list = page.getByRole('listbox', { name: 'Claims' })
  const second = list.getByRole('option').nth(1)
  await second.click()
  await expect(second).toHaveAttribute('aria-selected', 'true')
  const claimId = await second.getAttribute('id')
  const claimText = await page.locator('.claim-row.selected .claim-row-text').innerText()
  // Scores are percentages written the language's way: "99.916%" here, "99,916%" in Ukrainian.
  await expect(page.locator('.claim-row.selected .claim-row-score')).toHaveText(/^\d{1,3}\.\d{1,4}%$/)

  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByLabel('Language').selectOption('uk')
  // Applied at once, before saving: the dialog is already in Ukrainian.
  await expect(page.getByRole('dialog', { name: 'Налаштування' })).toBeVisible()
  await page.getByRole('button', { name: 'Зберегти налаштування' }).click()

  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
  await expect(page.getByRole('listbox', { name: 'Твердження' })).toBeVisible()
  await expect(page.locator(`#${claimId ?? ''}`)).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.claim-row.selected .claim-row-text')).toHaveText(claimText)
  await expect(page.locator('.claim-row.selected .claim-row-score')).toHaveText(/^\d{1,3},\d{1,4}\s?%$/)
  await expect(page.getByRole('button', { name: 'Експорт', exact: true })).toBeVisible()
  await expect(page.getByText(/^Показано \d+ з \d+ тверджень?$/)).toBeVisible()

  // The claim panel is converted but for its sources and Seen before (docs/i18n.md); the claimant fields and team section are checked below.
  await expect(page.getByRole('button', { name: /^Прийняти/ })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Вердикт' })).toBeVisible()
  await expect(page.getByLabel('Обґрунтування')).toBeVisible()
  await page.getByRole('listbox', { name: 'Твердження' }).focus()
  await page.screenshot({ path: join(OUT, 'workbench-uk.png') })

  await page.getByRole('button', { name: 'Експорт', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Експорт звіту про перевірку' })
  await dialog.getByLabel('Мова звіту').selectOption('uk')
  await expect(dialog.frameLocator('iframe').getByText('Звіт про перевірку', { exact: true })).toBeVisible()
  // The warnings are the report's, in its language (here Ukrainian too).
  expect(await englishLeft(page, [], 'dialog[open]')).toEqual([])
  await page.screenshot({ path: join(OUT, 'export-uk.png') })
  await dialog.getByLabel('Мова звіту').selectOption('en')
  await expect(dialog.frameLocator('iframe').getByText('Verdict report', { exact: true })).toBeVisible()
  await page.keyboard.press('Escape')

  // The claim panel, its split/adjust controls open too, and its sources: the add form, then a source with every field shown.
  await page.locator('.claim-row.selected').click()
  const panel = page.locator('.panel-pane')
  await expect(panel.getByRole('group', { name: 'Хто висловив твердження' })).toBeVisible()
  await expect(panel.getByRole('region', { name: 'Команда' })).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'Траплялося раніше' })).toBeVisible()
  expect(await englishLeft(page, [], '.panel-pane')).toEqual([])
  await panel.getByRole('button', { name: 'Додати джерело' }).click()
  const sourceForm = panel.getByRole('form', { name: 'Додати джерело' })
  await sourceForm.getByRole('button', { name: 'Додати джерело' }).click()
  await expect(sourceForm.getByRole('alert')).toHaveText('Вкажіть для джерела URL, назву або файл.')
  expect(await englishLeft(page, [], '.panel-pane')).toEqual([])
  await sourceForm.getByLabel('URL', { exact: true }).fill('https://stat.example.org/fares')
  await sourceForm.getByLabel('Назва').fill('Fares table')
  await sourceForm.getByLabel('Видання чи установа').fill('State Statistics Service')
  await sourceForm.getByLabel('Дата перегляду').fill('2026-11-27')
  await sourceForm.getByLabel('URL архівної копії').fill('https://web.archive.org/fares')
  await sourceForm.getByLabel('Примітка щодо надійності').fill('Official statistics')
  await sourceForm.getByRole('button', { name: 'Додати джерело' }).click()
  await expect(panel.getByRole('heading', { name: 'Джерела (1)' })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Змінити джерело «Fares table»' })).toBeVisible()
  expect(await englishLeft(page, [], '.panel-pane')).toEqual([])
  await panel.getByRole('button', { name: 'Розділити чи змінити межі…' }).click()
  expect(await englishLeft(page, [], '.panel-pane')).toEqual([])
  await panel.getByRole('button', { name: 'Готово' }).click()
  await page.keyboard.press('Escape')
  // Adding the source made an undo step, and the engine writes its summary in English (docs/i18n.md, what is left).
  console.log("i18n e2e: the Undo button's title names the engine's English summary of the last edit; it is left out of the check")
  expect(await englishLeft(page, ['.article-text', '.article-meta', '.topbar-actions button[title*=":"]'])).toEqual([])

  await page.getByRole('button', { name: '← Проєкти' }).click()
  await expect(page.getByRole('heading', { name: 'Проєкти', exact: true })).toBeVisible()
  // A project's outlet and the projects folder are the checker's own.
  await expect(page.getByRole('region', { name: 'Команда' })).toBeVisible()
  expect(await englishLeft(page, ['.topbar-meta', '.project-meta'])).toEqual([])
  await page.screenshot({ path: join(OUT, 'library-uk.png') })
  await page.getByRole('button', { name: 'Шукати скрізь' }).click()
  const search = page.getByRole('dialog', { name: 'Шукати скрізь' })
  await expect(search.getByRole('listbox', { name: 'Результати пошуку' }).getByRole('option').first()).toBeVisible()
  // A result's origin names the checker's project, outlet and date.
  expect(await englishLeft(page, ['.seen-origin'], 'dialog[open]')).toEqual([])
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Налаштування', exact: true }).click()
  expect(await englishLeft(page, [], 'dialog[open]')).toEqual([])
  await page.keyboard.press('Escape')
})

test('the app follows the system language until the checker picks one', async ({ page, openApp }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['uk-UA', 'en'] }))
  await openApp()
  await expect(page.getByRole('button', { name: 'Відкрити зразок статті' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
  expect(await englishLeft(page, ['.topbar-meta'])).toEqual([])
})

/**
 * Catalogue text that does not fit: an element showing pseudo-locale text (⟦…⟧, 40% longer than
 * English) that is wider or taller than its box where the overflow is hidden, or that runs off the window.
 */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const own = Array.from(element.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('⟦'))
      // Visually hidden text (a label only screen readers read) is clipped on purpose.
      if (!own || element.closest('[translate="no"], option, .visually-hidden') || !element.checkVisibility()) continue
      const style = getComputedStyle(element)
      const hides = /hidden|clip/.test(style.overflowX + style.overflowY) || style.textOverflow === 'ellipsis'
      const clipped = hides && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      const box = element.getBoundingClientRect()
      const outside = box.right > window.innerWidth + 1 || box.left < -1
      if (clipped || outside) found.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.slice(0, 60)}`)
    }
    // A closed select shows its chosen option in its own box, which cuts it off without overflowing.
    const context = document.createElement('canvas').getContext('2d')
    for (const select of document.querySelectorAll('select')) {
      const chosen = select.selectedOptions[0]
      if (!context || !chosen?.text.includes('⟦') || !select.checkVisibility()) continue
      const style = getComputedStyle(select)
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      // The arrow takes about 1.5em at the end.
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.5 * parseFloat(style.fontSize)
      if (context.measureText(chosen.text).width > room + 1)
        found.push(`select[aria-label="${select.getAttribute('aria-label') ?? ''}"]: ${chosen.text}`)
    }
    return found
  })
}

test('the pseudo-locale (accented, 40% longer) fits on every converted screen', async ({ page, openApp, bridge }) => {
  test.setTimeout(90_000)
  await bridge.services.handlers['settings:set']({ language: 'en-XA' })
  await openApp()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA')
  const screens: [string, () => Promise<void>][] = [
    ['library', async () => {}],
    ['settings', async () => page.locator('.topbar-actions button').last().click()],
    [
      'workbench',
      async () => {
        await page.keyboard.press('Escape')
        await page.locator('.empty-state button').click()
        await page.locator('.claim-row').nth(1).click()
      },
    ],
    ['export', async () => page.locator('.topbar-actions .button-secondary').click()],
  ]
  const problems: string[] = []
  for (const [name, open] of screens) {
    await open()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(OUT, `pseudo-${name}.png`) })
    problems.push(...(await clippedText(page)).map((p) => `${name}: ${p}`))
  }
  expect(problems).toEqual([])
})

import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { translatorFor, withPseudo } from '@contract/i18n/translator'
import type { Translate } from '@domain/translate'
import { encodeProject } from '@domain/project/codec'
import { loadCatalogues } from '@engine/catalogues'
import { createDispatcher } from '@engine/dispatcher'
import { ProjectStore } from '@engine/project-store'
import { startServer } from '../../../src/cli/serve/server'
import { RENDERER_DIR, type Bridge } from '../bridge'
import { expect, test } from '../fixtures'
import { NEWS, openFromLibrary, readProject, seedNewsProject } from '../seed'

// The workbench in Ukrainian: switched in Settings without a restart, keeping the open project and
// the selected claim, and with no English left on the screens whose words are in the catalogues.
// `SCREENSHOTS_DIR=docs/screenshots npx playwright test i18n --project=ipc-bridge` refreshes docs/screenshots/*-uk.png.
const OUT = process.env.SCREENSHOTS_DIR ?? 'test-results/screens'

/** Names and codes that read the same in every language. */
const NAMES =
  /^(Factdesk|ClaimReview|JSON-LD|JSON|HTML|PDF|CSV|Markdown|URL|ID|UTC|SHA-256|PolitiFact|Truth-O-Meter|AAP|AFP|Meta|FactCheck|Google|Word|docx|zip|schema|org|git|und|en|uk|de|ratingValue|bestRating|worstRating)$/

/**
 * Every visible text and every label a screen reader reads (aria-label, title, placeholder) that has
 * an English word in it, outside the checker's own data: elements marked translate="no" (titles,
 * claims, published verdict labels), form fields' values, and the `skip`ped regions.
 */
async function englishLeft(page: Page, skip: readonly string[] = [], within = 'body', own: readonly string[] = []): Promise<string[]> {
  return page.evaluate(
    ({ skip, names, within, own }) => {
      const root = document.querySelector(within) ?? document.body
      const ignored = ['[translate="no"]', 'script', 'style', 'kbd', 'iframe', 'textarea', 'pre', ...skip].join(',')
      const pattern = new RegExp(names)
      const english = (text: string): boolean =>
        // Capitals only are codes and variables (FACTDESK_HOME), not prose; paths are the checker's own, and so are the `own` words.
        (
          own
            .reduce((rest, word) => rest.replaceAll(word, ''), text)
            .replace(/(\/[\w.-]+)+/g, '')
            .match(/[A-Za-z](?:[A-Za-z’']|-(?=[A-Za-z]))*/g) ?? []
        ).some((word) => word.length > 1 && !pattern.test(word) && !/^https?$/.test(word) && !/^[A-Z]+$/.test(word))
      const found: string[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement
        const text = node.textContent?.trim() ?? ''
        if (!element || !text || element.closest(ignored) || !element.checkVisibility()) continue
        // Quoted in «» is the checker's own too (a claim or source a Ukrainian sentence names), and a digest is a code.
        if (english(text.replace(/https?:\/\/\S+|«[^»]*»|\b[0-9a-f]{8,}\b/g, ''))) found.push(text)
      }
      for (const element of root.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
        if (element.closest(ignored) || !element.checkVisibility()) continue
        for (const name of ['aria-label', 'title', 'placeholder']) {
          // Quoted in «» is the checker's own (a project's title in "Перейменувати «…»").
          const value = element.getAttribute(name)?.replace(/https?:\/\/\S+|«[^»]*»|\b[0-9a-f]{8,}\b/g, '')
          if (value && english(value)) found.push(`${name}="${value}"`)
        }
      }
      return found
    },
    { skip, names: NAMES.source, within, own },
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
  // Adding the source made an undo step: the Undo button's title names it in Ukrainian.
  await expect(page.getByRole('button', { name: 'Скасувати', exact: true })).toHaveAttribute(
    'title',
    'Скасувати: Додано джерело «Fares table».',
  )
  expect(await englishLeft(page, ['.article-text', '.article-meta'])).toEqual([])

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

const catalogues = withPseudo(loadCatalogues(join(import.meta.dirname, '..', '..', '..', 'resources')))

/** A catalogue message as the screen shows it, to find buttons and dialogs by their names in the language under test. */
const say = (language: string): Translate => translatorFor(catalogues, language).t

/**
 * Opens, in the given language, every banner and dialog a checker meets on a project: the claim's
 * history, the keyboard shortcuts, the article's details, the rating-scale editor, the evidence
 * check, Import a newer version and What changed, a save failure, a file changed on disk, a
 * project another checker has open. `look` runs on each with the region to look in and what to skip there.
 */
async function visitBannersAndDialogs(
  page: Page,
  bridge: Bridge,
  openApp: () => Promise<void>,
  language: string,
  look: (name: string, within: string, skip?: string[]) => Promise<void>,
): Promise<void> {
  const t = say(language)
  const dialog = (name: string) => page.getByRole('dialog', { name })
  const { path, project } = await seedNewsProject(bridge)
  await bridge.services.handlers['settings:set']({ language, checkerName: 'Dana', checkerEmail: 'dana@desk.example' })
  await openApp()
  await openFromLibrary(page)
  const fares = page.getByRole('option', { name: /^Ministers said/ })
  await fares.click()
  await page.keyboard.press('2')
  // A verdict by key moves on to the next claim once it is applied; come back only after that move.
  await expect(fares).toHaveAttribute('aria-selected', 'false')
  await fares.click()
  await expect(fares).toHaveAttribute('aria-selected', 'true')
  await page.locator('.claim-history > summary').click()
  await look('claim-history', '.panel-pane')

  await page.keyboard.press('Escape')
  await page.getByRole('listbox').first().focus()
  await page.keyboard.press('?')
  await expect(dialog(t('project.shortcuts'))).toBeVisible()
  await look('shortcuts', 'dialog[open]')
  await page.keyboard.press('Escape')

  await page.locator('.article-title-button').click()
  await expect(dialog(t('articleDetails.title'))).toBeVisible()
  await look('article-details', 'dialog[open]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: t('project.scale', { name: project.ratingScale.name }) }).click()
  await expect(dialog(t('scale.title'))).toBeVisible()
  await look('scale-editor', 'dialog[open]')
  await page.keyboard.press('Escape')

  await page.locator('.topbar-actions .evidence-badge').click()
  await expect(dialog(t('evidence.badge.dialogTitle'))).toBeVisible()
  await look('evidence-check', 'dialog[open]')
  await dialog(t('evidence.badge.dialogTitle'))
    .getByRole('button', { name: t('common.close') })
    .click()

  await page.getByRole('button', { name: t('evidence.versions.importNewer') }).click()
  const newer = dialog(t('evidence.newVersion.title'))
  await expect(newer).toBeVisible()
  await look('import-newer', 'dialog[open]')
  await newer.getByLabel(t('evidence.newVersion.paste')).fill(NEWS.replace('rise by 4.6% in March', 'rise by 4.8% in March'))
  await newer.getByRole('button', { name: t('evidence.newVersion.submit') }).click()
  await expect(dialog(t('evidence.whatChanged.title', { version: 2 }))).toBeVisible()
  // The article's words on the diff are the checker's own.
  await look('what-changed', 'dialog[open]', ['.what-changed'])
  await dialog(t('evidence.whatChanged.title', { version: 2 }))
    .getByRole('button', { name: t('common.close') })
    .click()

  // A folder where the backup goes makes every save fail; then the file changes on disk behind Factdesk's back.
  await rm(`${path}.bak`, { force: true })
  await mkdir(`${path}.bak`)
  await page.getByRole('option', { name: /^The transport secretary/ }).click()
  await page.keyboard.press('3')
  await expect(page.getByRole('alert').filter({ hasText: t('banners.notSaved') })).toBeVisible()
  await look('save-failed', 'body', ['.article-text', '.article-meta'])
  await writeFile(path, encodeProject({ ...project, article: { ...project.article, title: 'Pulled from git' } }))
  await rmdir(`${path}.bak`)
  await expect(page.getByText(t('save.conflict'))).toBeVisible()
  await look('changed-on-disk', 'body', ['.article-text', '.article-meta'])
  await page.getByRole('button', { name: t('banners.reload') }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Pulled from git' })).toBeVisible()
  await page.getByRole('button', { name: t('project.back') }).click()

  const elsewhere = new ProjectStore({
    holder: () => ({
      name: 'Olha',
      user: 'olha',
      host: 'newsroom-7',
      pid: process.pid,
      edition: 'desktop',
      since: new Date().toISOString(),
    }),
  })
  await elsewhere.open(path)
  try {
    await openFromLibrary(page, 'Pulled from git')
    await expect(page.getByRole('status').filter({ hasText: t('banners.readOnly') })).toBeVisible()
    await look('read-only', 'body', ['.article-text', '.article-meta'])
    expect((await readProject(path)).article.title).toBe('Pulled from git')
  } finally {
    await elsewhere.closeAll()
  }
}

/** Two tabs of the browser edition change the same rationale: the second is asked which to keep. */
async function visitEditConflict(
  browser: Browser,
  bridge: Bridge,
  language: string,
  look: (page: Page, name: string, within: string) => Promise<void>,
): Promise<void> {
  const t = say(language)
  await seedNewsProject(bridge)
  await bridge.services.handlers['settings:set']({ language })
  const server = await startServer({ rendererDir: RENDERER_DIR, dispatch: createDispatcher(bridge.services.handlers) })
  const context = await browser.newContext()
  try {
    const [page, other] = [await context.newPage(), await context.newPage()]
    for (const tab of [page, other]) {
      await tab.goto(server.url)
      await openFromLibrary(tab)
      await tab.getByRole('option', { name: /^Ministers said/ }).click()
    }
    await page.getByLabel(t('claimPanel.rationale')).fill('Mine: 4.6% confirmed by the ONS.')
    await other.getByLabel(t('claimPanel.rationale')).fill('Theirs: the rise is 4.6%.')
    await page.getByLabel(t('claimPanel.rationale')).blur()
    await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${t('save.saved')}$`) })).toBeVisible()
    await other.getByLabel(t('claimPanel.rationale')).blur()
    await expect(other.getByRole('dialog', { name: t('banners.editConflictTitle') })).toBeVisible()
    // Both rationales are the checkers' own words.
    await look(other, 'edit-conflict', 'dialog[open]')
  } finally {
    await context.close()
    await server.close()
  }
}

test('the banners, the evidence and editing dialogs and the claim history leave no English in Ukrainian', async ({
  page,
  bridge,
  openApp,
}) => {
  test.setTimeout(120_000)
  const found: string[] = []
  await visitBannersAndDialogs(page, bridge, openApp, 'uk', async (name, within, skip = []) => {
    // Who holds the lock (name, system user, computer) is data, not the app's words.
    found.push(...(await englishLeft(page, skip, within, ['Olha', 'olha', 'newsroom-7'])).map((text) => `${name}: ${text}`))
    await page.screenshot({ path: join(OUT, `${name}-uk.png`) })
  })
  expect(found).toEqual([])
})

test('an edit conflict between two windows is asked in Ukrainian', async ({ browser, bridge }) => {
  const found: string[] = []
  await visitEditConflict(browser, bridge, 'uk', async (page, name, within) => {
    found.push(...(await englishLeft(page, ['.edit-conflict-text'], within)).map((text) => `${name}: ${text}`))
  })
  expect(found).toEqual([])
})

test('the pseudo-locale fits in the banners, the evidence and editing dialogs and the claim history', async ({
  page,
  bridge,
  openApp,
  browser,
}) => {
  test.setTimeout(150_000)
  const problems: string[] = []
  const look = async (on: Page, name: string): Promise<void> => {
    await on.waitForTimeout(300)
    await on.screenshot({ path: join(OUT, `pseudo-${name}.png`) })
    problems.push(...(await clippedText(on)).map((p) => `${name}: ${p}`))
  }
  await visitBannersAndDialogs(page, bridge, openApp, 'en-XA', (name) => look(page, name))
  await visitEditConflict(browser, bridge, 'en-XA', (on, name) => look(on, name))
  expect(problems).toEqual([])
})

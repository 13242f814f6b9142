import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { renderHtml, REPORT_CSP } from '@domain/report'
import { HOSTILE_OPTIONS, HOSTILE_STRINGS, hostileProject, PWNED_FLAG } from '../fixtures/report/projects'
import { chromiumMissingReason } from './chromium'

/**
 * The HTML report of a project whose every string carries script, opened in Chromium: nothing may
 * run, no element or attribute from the project may exist, and the hostile text must be shown as
 * text. Checked twice: as exported (escaping plus CSP), and with the CSP removed (escaping alone).
 */

const missing = chromiumMissingReason()
test.skip(missing !== null, missing ?? '')

/** Every element the report itself writes; anything else in the DOM came from the project. */
const REPORT_ELEMENTS = new Set(
  'html head meta title style body main header footer section article figure figcaption div p span br h1 h2 h3 dl dt dd a ol ul li blockquote table thead tbody tr th td sup mark svg text rect'.split(
    ' ',
  ),
)

interface Observed {
  dialogs: string[]
  /** Every request the page started, even one the CSP then blocked. */
  requests: string[]
  /** Requests that got an answer. */
  finished: string[]
}

/** Records dialogs, requests and CSP violations; a violation means markup tried to run or load. */
async function watch(page: Page): Promise<Observed> {
  const observed: Observed = { dialogs: [], requests: [], finished: [] }
  page.on('dialog', (dialog) => {
    observed.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('request', (request) => observed.requests.push(request.url()))
  page.on('requestfinished', (request) => observed.finished.push(request.url()))
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { __violations: violations })
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  return observed
}

async function expectNothingRan(page: Page, observed: Observed, pageUrl: string): Promise<void> {
  // Give any handler (onerror of a broken image, onload of an SVG) the chance to fire.
  await page.waitForTimeout(300)
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG)).toBeUndefined()
  expect(observed.dialogs).toEqual([])
  expect(observed.requests.filter((url) => url !== pageUrl)).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
}

async function expectNoHostileMarkup(page: Page): Promise<void> {
  const dom = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')]
    return {
      tags: [...new Set(elements.map((e) => e.localName))].sort(),
      handlers: elements.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`)),
      hrefs: [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].map(
        (e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '',
      ),
      svgs: [...document.querySelectorAll('svg')].map((svg) => svg.closest('figure')?.className ?? 'outside the chart'),
    }
  })
  expect(dom.tags.filter((tag) => !REPORT_ELEMENTS.has(tag))).toEqual([])
  expect(dom.handlers).toEqual([])
  expect(dom.hrefs.filter((href) => !/^(https?:\/\/|#claim-\d+$)/.test(href))).toEqual([])
  expect(dom.hrefs.filter((href) => /javascript:|data:|vbscript:/i.test(href))).toEqual([])
  expect(dom.svgs).toEqual(['chart'])
}

async function expectShownLiterally(page: Page): Promise<void> {
  const project = hostileProject()
  await expect(page.locator('h1')).toHaveText(project.article.title)
  expect(await page.title()).toBe(`Verdict report: ${project.article.title}`)
  await expect(page.locator('#claim-1 .claim-text')).toHaveText(`Breaking ${HOSTILE_STRINGS.SCRIPT} news.`)
  await expect(page.locator('#claim-1 .badge')).toHaveText(project.ratingScale.labels[0]?.label ?? '')
  await expect(page.locator('#claim-2 .claim-text')).toHaveText(`The mayor said ${HOSTILE_STRINGS.IMG} crime fell by half.`)
  await expect(page.locator('#claim-3 .claim-text')).toHaveText(`Another claim ${HOSTILE_STRINGS.SVG} follows here.`)
  await expect(page.locator('#claim-1 .sources li').first()).toContainText(`${HOSTILE_STRINGS.SCRIPT} ${HOSTILE_STRINGS.SVG}`)
  await expect(page.locator('#claim-1 .sources .not-link').first()).toHaveText(HOSTILE_STRINGS.SCRIPT)
  await expect(page.locator('.byline').first()).toContainText(HOSTILE_STRINGS.IMG)
  await expect(page.locator('header .url')).toHaveText(HOSTILE_STRINGS.JS_URL)
  await expect(page.locator('.article-text')).toContainText(`<a href="${HOSTILE_STRINGS.JS_URL}">link</a> end.`)
  await expect(page.locator('.report-footer')).toContainText(HOSTILE_OPTIONS.organisation.name)
}

test.describe('HTML report with hostile project text', () => {
  let dir: string
  let html: string

  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-report-xss-'))
    html = renderHtml(hostileProject(), HOSTILE_OPTIONS).content
  })
  test.afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('opened as the exported file: nothing runs, nothing loads, every string is text', async ({ page }) => {
    const file = join(dir, 'hostile.report.html')
    await writeFile(file, html)
    const url = pathToFileURL(file).href
    const observed = await watch(page)
    await page.goto(url)
    await page.mouse.move(300, 300)
    await expectNothingRan(page, observed, url)
    await expectNoHostileMarkup(page)
    await expectShownLiterally(page)
  })

  test('without its CSP, escaping alone keeps every payload inert', async ({ page }) => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`
    expect(html).toContain(meta)
    const file = join(dir, 'hostile-no-csp.report.html')
    await writeFile(file, html.replace(meta, ''))
    const url = pathToFileURL(file).href
    const observed = await watch(page)
    await page.goto(url)
    for (const element of await page.locator('.badge, mark, .claim-text').all()) await element.hover()
    await expectNothingRan(page, observed, url)
    await expectNoHostileMarkup(page)
    await expectShownLiterally(page)
  })

  test('the CSP alone would stop markup that escaping had missed', async ({ page }) => {
    const injected = html.replace(
      '<main>',
      `<main><script>window.${PWNED_FLAG}='csp-script'</script><img src="x" onerror="window.${PWNED_FLAG}='csp-img'"><img src="https://example.org/pixel.png">`,
    )
    const file = join(dir, 'hostile-injected.report.html')
    await writeFile(file, injected)
    const url = pathToFileURL(file).href
    const observed = await watch(page)
    await page.goto(url)
    await page.waitForTimeout(300)
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG)).toBeUndefined()
    expect(observed.finished.filter((request) => request !== url)).toEqual([])
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true)
    expect(violations.some((v) => v.startsWith('img-src'))).toBe(true)
  })
})

// The workbench in Chromium against the real services, over the browser edition's HTTP server (a
// transport the product ships; the tests' Playwright binding is far slower on large payloads and
// Electron's IPC cannot run here): how long a 1,000-claim project takes to open until the checker
// can work, and how long a verdict takes to reach the disk.
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { AUTOSAVE_DEBOUNCE_MS, writeNewProjectFile } from '@engine/project-store'
import type { Project } from '@domain/project/schema'
import { startServer } from '../src/cli/serve/server'
import { createDispatcher } from '@engine/dispatcher'
import { installBridge, RENDERER_DIR } from '../tests/e2e/bridge'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium'
import { bigProject } from './fixtures/projects'
import type { Bench, BenchRow } from './types'

const RUNS = 5

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

const bench: Bench = async () => {
  if (!existsSync(CHROMIUM_PATH)) return [{ name: 'workbench in Chromium', value: NaN, unit: '', note: `no Chromium at ${CHROMIUM_PATH}` }]
  if (!existsSync(join(import.meta.dirname, '../out/renderer/index.html'))) {
    return [{ name: 'workbench in Chromium', value: NaN, unit: '', note: 'run `npm run build` first' }]
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const rows: BenchRow[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const bridge = await installBridge(page, { inject: false })
    const server = await startServer({ rendererDir: RENDERER_DIR, dispatch: createDispatcher(bridge.services.handlers) })
    const project = bigProject(1000)
    const path = await writeNewProjectFile(bridge.home, project.article.title, project)
    await page.goto(server.url)
    await page.locator('.project-row').first().waitFor()

    const opening: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      await page.locator('.project-row').first().click()
      // Interactive: the list rows, the highlighted article and the panel hint are on screen.
      await page.locator('[aria-label="Claims"] [role="option"]').first().waitFor()
      await page.locator('.claim-mark').nth(999).waitFor({ state: 'attached' })
      await page.evaluate(() => new Promise(requestAnimationFrame))
      opening.push(performance.now() - started)
      await page.getByRole('button', { name: '← Projects' }).click()
      await page.locator('.project-row').first().waitFor()
    }
    const open = median(opening)
    rows.push({ name: 'open a 1,000-claim project until interactive', value: open, unit: 'ms', target: '≤ 300 ms', met: open <= 300 })
    const domRows = await (async () => {
      await page.locator('.project-row').first().click()
      await page.locator('[aria-label="Claims"] [role="option"]').first().waitFor()
      return page.locator('[aria-label="Claims"] [role="option"]').count()
    })()
    rows.push({ name: 'claim rows in the DOM for 1,000 claims (virtualized)', value: domRows, unit: 'rows' })

    const saving: number[] = []
    const labels = ['1', '2', '3', '4', '5', '6']
    for (let i = 0; i < RUNS; i++) {
      // A verdict moves on to the next claim to decide, so the same claim is selected again each time.
      await page.locator('[aria-label="Claims"] [role="option"]').nth(3).click()
      const before = (await stat(path)).mtimeMs
      const key = labels[i % labels.length]!
      const started = performance.now()
      await page.keyboard.press(key)
      for (;;) {
        if ((await stat(path)).mtimeMs !== before) {
          const saved = JSON.parse(await readFile(path, 'utf8')) as Project
          if (saved.claims[3]?.verdict === saved.ratingScale.labels[Number(key) - 1]?.id) break
        }
        await new Promise((r) => setTimeout(r, 2))
      }
      saving.push(performance.now() - started - AUTOSAVE_DEBOUNCE_MS)
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor()
    }
    const save = median(saving)
    rows.push({
      name: 'verdict key → on disk, after the autosave debounce',
      value: save,
      unit: 'ms',
      target: '≤ 100 ms',
      met: save <= 100,
      note: `debounce ${AUTOSAVE_DEBOUNCE_MS} ms`,
    })
    await server.close()
    await bridge.dispose()
  } finally {
    await browser.close()
  }
  return rows
}

export default bench

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { electronBinary, electronMissingReason } from './electron-runtime'

const REPO = join(import.meta.dirname, '../..')

test.describe('the desktop app (Electron)', () => {
  const missing = electronMissingReason()
  test.skip(missing !== null, missing ?? '')

  let root: string
  test.beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'factdesk-electron-'))
  })
  test.afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  const launch = (): Promise<ElectronApplication> =>
    electron.launch({
      executablePath: electronBinary() ?? undefined,
      args: [REPO, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, FACTDESK_HOME: join(root, 'projects'), FACTDESK_CONFIG_DIR: join(root, 'config') },
    })

  test('launches sandboxed, opens the sample, and finds it again after a relaunch', async () => {
    let app = await launch()
    let page = await app.firstWindow()
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    await page.getByRole('button', { name: 'Open the sample article' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /Harbourside council/ })).toBeVisible()
    await app.close()

    app = await launch()
    page = await app.firstWindow()
    await expect(page.getByRole('button', { name: /Harbourside council/ })).toBeVisible()
    await app.close()
  })
})

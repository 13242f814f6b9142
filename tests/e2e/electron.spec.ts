import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { writeNewProjectFile } from '@engine/project-store'
import { newProject } from '@domain/project/create'
import type { Project } from '@domain/project/schema'
import { electronBinary, electronMissingReason, sandboxArgs } from './electron-runtime'
import { NEWS, suggestion } from './seed'

const REPO = join(import.meta.dirname, '../..')
const TITLE = 'Rail fares to rise'
const FIRST_CLAIM = 'Ministers said on Monday that rail fares will rise by 4.6% in March, the smallest increase in five years.'

/** The news article with two proposed claims, written as the checker's project file. */
async function seedProject(home: string): Promise<string> {
  const base = newProject(
    { title: TITLE, text: NEWS, outlet: 'Test Courier', publishedAt: '2026-11-02', language: 'en' },
    { now: new Date('2026-11-20T08:00:00Z'), author: 'seed' },
  )
  const project: Project = {
    ...base,
    claims: [
      suggestion(NEWS, FIRST_CLAIM, 0.91, 'c-fares'),
      suggestion(NEWS, 'According to Transport Focus, only 68% of trains arrived on time in 2025.', 0.95, 'c-punctual'),
    ],
  }
  return writeNewProjectFile(home, TITLE, project)
}

async function verdictOnDisk(path: string): Promise<string | null | undefined> {
  const project = JSON.parse(await readFile(path, 'utf8')) as Project
  return project.claims.find((claim) => claim.id === 'c-fares')?.verdict
}

const claim = (page: Page) => page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /^Ministers said/ })

test.describe('the desktop app (Electron)', () => {
  const missing = electronMissingReason()
  test.skip(missing !== null, missing ?? '')
  // Each test starts and stops the real app, twice at most: one app at a time.
  test.describe.configure({ mode: 'serial' })

  let root: string
  let home: string
  const launched: ElectronApplication[] = []
  test.beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'factdesk-electron-'))
    home = join(root, 'projects')
  })
  test.afterEach(async () => {
    // A failed test leaves its app running; quit it before its folder goes.
    await Promise.all(launched.map((app) => app.close()))
    await rm(root, { recursive: true, force: true })
  })

  const binary = (): string => {
    const path = electronBinary()
    if (!path) throw new Error(electronMissingReason() ?? "Electron's runtime is missing")
    return path
  }
  const appEnv = () => ({ ...process.env, FACTDESK_HOME: home, FACTDESK_CONFIG_DIR: join(root, 'config') })
  const launch = async (...files: string[]): Promise<ElectronApplication> => {
    const executablePath = binary()
    const app = await electron.launch({ executablePath, args: [REPO, ...sandboxArgs(executablePath), ...files], env: appEnv() })
    launched.push(app)
    app.once('close', () => launched.splice(launched.indexOf(app), 1))
    return app
  }

  test('opens a project, sets a verdict by key, quits, and finds the verdict after a relaunch', async () => {
    const path = await seedProject(home)
    let app = await launch()
    let page = await app.firstWindow()
    expect(page.url()).toMatch(/^app:\/\/factdesk\//)
    expect(
      await page.evaluate(() => [typeof (window as { require?: unknown }).require, typeof (window as { process?: unknown }).process]),
    ).toEqual(['undefined', 'undefined'])

    await page.getByRole('button', { name: new RegExp(TITLE) }).click()
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()
    await claim(page).click()
    await page.keyboard.press('1')
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    expect(await verdictOnDisk(path)).toBe('true')
    await expect
      .poll(() =>
        app.evaluate(({ Menu }, file) => Menu.getApplicationMenu()?.getMenuItemById(`project:openPath:${file}`)?.label ?? null, path),
      )
      .toBe(TITLE)
    await app.close()

    expect(await verdictOnDisk(path)).toBe('true')
    app = await launch()
    page = await app.firstWindow()
    await page.getByRole('button', { name: new RegExp(TITLE) }).click()
    await expect(claim(page)).toContainText('True')
    await app.close()
    expect(await verdictOnDisk(path)).toBe('true')
  })

  test('opens a project file named on the command line, as the OS does on a double-click', async () => {
    const path = await seedProject(home)
    const app = await launch(path)
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()
    await app.close()
  })

  test('has the native menus and reopens where it was closed', async () => {
    let app = await launch()
    await app.firstWindow()
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? [])
    expect(labels).toEqual(
      process.platform === 'darwin' ? ['Factdesk', 'File', 'Edit', 'View', 'Window', 'Help'] : ['File', 'Edit', 'View', 'Help'],
    )
    const bounds = { x: 60, y: 50, width: 900, height: 640 }
    await app.evaluate(({ BrowserWindow }, b) => BrowserWindow.getAllWindows()[0]?.setBounds(b), bounds)
    await app.close()

    app = await launch()
    await app.firstWindow()
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds())).toEqual(bounds)
    await app.close()
  })

  test('File ▸ Open starts in the projects folder, and a PDF report is saved where the checker says', async () => {
    const path = await seedProject(home)
    const pdf = join(root, 'rail-fares.pdf')
    const app = await launch()
    const page = await app.firstWindow()
    // The native dialogs are answered in the main process: what they were asked is recorded there.
    await app.evaluate(
      ({ dialog }, answers) => {
        const asked: { kind: string; defaultPath: string | undefined }[] = []
        Object.assign(globalThis, { factdeskDialogs: asked })
        dialog.showOpenDialog = (...args: unknown[]) => {
          asked.push({ kind: 'open', defaultPath: (args.at(-1) as Electron.OpenDialogOptions).defaultPath })
          return Promise.resolve({ canceled: false, filePaths: [answers.open] })
        }
        dialog.showSaveDialog = (...args: unknown[]) => {
          asked.push({ kind: 'save', defaultPath: (args.at(-1) as Electron.SaveDialogOptions).defaultPath })
          return Promise.resolve({ canceled: false, filePath: answers.save })
        }
      },
      { open: path, save: pdf },
    )

    await app.evaluate(({ Menu }) => {
      Menu.getApplicationMenu()?.getMenuItemById('file:open')?.click()
    })
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()

    const saved = await page.evaluate(
      (project) =>
        (window as unknown as { factdesk: { report: { save: (input: object) => Promise<unknown> } } }).factdesk.report.save({
          path: project,
          format: 'pdf',
          claims: 'all',
        }),
      path,
    )
    expect(saved).toMatchObject({ ok: true, value: { path: pdf } })
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const asked = await app.evaluate(
      () => (globalThis as unknown as { factdeskDialogs: { kind: string; defaultPath?: string }[] }).factdeskDialogs,
    )
    expect(asked[0]).toEqual({ kind: 'open', defaultPath: home })
    expect(asked[1]?.kind).toBe('save')
    expect(dirname(asked[1]?.defaultPath ?? '')).toBe(home)
    expect(asked[1]?.defaultPath).toMatch(/\.report\.pdf$/)
    await app.close()
  })

  test('reads an imported file in a worker of the main process, which loads out/main/import-worker.js', async () => {
    const app = await launch()
    const page = await app.firstWindow()
    await page.getByLabel('Choose an article file').setInputFiles(join(REPO, 'tests/fixtures/import/article.docx'))
    await expect(page.getByRole('heading', { name: 'New from article.docx' })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Eastvale cuts water use by 8 percent')
    await app.close()
  })

  test('stays one instance: a second launch hands its project file to the running app and quits', async () => {
    const path = await seedProject(home)
    const app = await launch()
    const page = await app.firstWindow()
    await expect(page.getByRole('button', { name: new RegExp(TITLE) })).toBeVisible()

    const executablePath = binary()
    await promisify(execFile)(executablePath, [REPO, ...sandboxArgs(executablePath), path], { env: appEnv(), timeout: 30_000 })
    await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    await app.close()
  })
})

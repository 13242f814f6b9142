import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'

const electron = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
}))
vi.mock('electron', () => ({
  app: { on: vi.fn(), enableSandbox: vi.fn() },
  BrowserWindow: vi.fn(),
  dialog: { showOpenDialog: electron.showOpenDialog, showSaveDialog: electron.showSaveDialog },
  session: {},
  shell: {},
}))

const { desktopAbilities } = await import('../../src/main/desktop')
const { dialogFolder, savePath } = await import('../../src/main/dialog-folder')

let home: string
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'factdesk-dialogs-'))
  electron.showOpenDialog.mockReset().mockResolvedValue({ canceled: true, filePaths: [] })
  electron.showSaveDialog.mockReset().mockResolvedValue({ canceled: true })
})
afterEach(() => rm(home, { recursive: true, force: true }))

const projectFilter = [{ name: 'Factdesk project', extensions: ['factdesk.json'] }]
const openOptions = (): OpenDialogOptions => electron.showOpenDialog.mock.calls[0]?.at(-1) as OpenDialogOptions
const saveOptions = (): SaveDialogOptions => electron.showSaveDialog.mock.calls[0]?.at(-1) as SaveDialogOptions

describe('File ▸ Open and Import', () => {
  it('start in the projects folder, not in Downloads', async () => {
    const projects = join(home, 'Documents', 'Factdesk')
    await mkdir(projects, { recursive: true })
    const desktop = desktopAbilities(
      () => null,
      'linux',
      () => Promise.resolve(projects),
    )
    expect(await desktop.chooseOpenFile({ title: 'Open a Factdesk project', filters: projectFilter })).toBeNull()
    expect(openOptions()).toMatchObject({ title: 'Open a Factdesk project', defaultPath: projects, properties: ['openFile'] })
  })

  it('start in the nearest existing folder above it before the first project is saved', async () => {
    await mkdir(join(home, 'Documents'))
    const desktop = desktopAbilities(
      () => null,
      'linux',
      () => Promise.resolve(join(home, 'Documents', 'Factdesk')),
    )
    await desktop.chooseOpenFile({ title: 'Import an article', filters: [{ name: 'Articles', extensions: ['txt'] }] })
    expect(openOptions().defaultPath).toBe(join(home, 'Documents'))
  })

  it('return the chosen file', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(home, 'a.factdesk.json')] })
    const desktop = desktopAbilities(
      () => null,
      'darwin',
      () => Promise.resolve(home),
    )
    expect(await desktop.chooseOpenFile({ title: 'Open', filters: projectFilter })).toBe(join(home, 'a.factdesk.json'))
    expect(openOptions().filters).toEqual([{ name: 'Factdesk project', extensions: ['json'] }])
  })
})

describe('Export', () => {
  it('suggests the engine’s full path as it is, and a bare file name inside the projects folder', async () => {
    const desktop = desktopAbilities(
      () => null,
      'win32',
      () => Promise.resolve(home),
    )
    const beside = join(home, 'archive', 'rail-fares.report.html')
    await desktop.chooseSaveFile({ title: 'Export HTML', defaultPath: beside, filters: [{ name: 'HTML', extensions: ['html'] }] })
    expect(saveOptions().defaultPath).toBe(beside)
    electron.showSaveDialog.mockClear()
    await desktop.chooseSaveFile({ title: 'Export HTML', defaultPath: 'rail-fares.report.html', filters: [] })
    expect(saveOptions().defaultPath).toBe(join(home, 'rail-fares.report.html'))
  })
})

describe('the dialog folder', () => {
  it('is the projects folder when it exists, else the nearest folder above it', async () => {
    expect(await dialogFolder(home)).toBe(home)
    expect(await dialogFolder(join(home, 'not', 'yet'))).toBe(home)
    expect(savePath('x.csv', home)).toBe(join(home, 'x.csv'))
  })
})

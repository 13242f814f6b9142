import { BrowserWindow, dialog, safeStorage, session, shell, type OpenDialogOptions, type SaveDialogOptions, type Session } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '@domain/errors'
import { dialogFolder, savePath } from './dialog-folder'
import { dialogFilters, opensDirectly } from './file-types'
import { hardenSession } from './harden'
import { SECURE_WEB_PREFERENCES } from './security'
import type { DesktopAbilities } from '@engine/ports'

let printSession: Session | null = null

/** Reports print in their own in-memory session, so nothing they do touches the app's. */
function reportSession(): Session {
  if (!printSession) {
    printSession = session.fromPartition('factdesk-print')
    hardenSession(printSession)
  }
  return printSession
}

/**
 * Prints self-contained report HTML in a hidden window that runs no script, has no preload and
 * no network, and is closed afterwards. The HTML goes through a temporary file rather than a
 * data: URL, which Chromium caps at 2 MB. Page size, margins and page numbers come from the
 * report's own CSS.
 */
async function printToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'factdesk-print-'))
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, devTools: false, session: reportSession() },
  })
  try {
    const file = join(folder, 'report.html')
    await writeFile(file, html)
    await win.loadFile(file)
    return await win.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    })
  } finally {
    win.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * What the services may ask of the desktop: native dialogs (starting in the projects folder),
 * the system's apps, printing.
 */
export function desktopAbilities(
  parentWindow: () => BrowserWindow | null,
  platform: NodeJS.Platform,
  projectsDir: () => Promise<string>,
): DesktopAbilities {
  const withParent = <T>(show: (parent: BrowserWindow) => Promise<T>, alone: () => Promise<T>): Promise<T> => {
    const parent = parentWindow()
    return parent ? show(parent) : alone()
  }
  return {
    openPath: async (path) => {
      if (!opensDirectly(path)) {
        shell.showItemInFolder(path)
        return
      }
      const failure = await shell.openPath(path)
      if (failure)
        throw new AppError('IO', `Could not open "${path}": ${failure}`, {
          key: 'desktop.openFailed',
          params: { file: path, reason: failure },
        })
    },
    chooseOpenFile: async ({ title, filters }) => {
      const options: OpenDialogOptions = {
        title,
        defaultPath: await dialogFolder(await projectsDir()),
        filters: dialogFilters(filters, platform),
        properties: ['openFile'],
      }
      const { canceled, filePaths } = await withParent(
        (parent) => dialog.showOpenDialog(parent, options),
        () => dialog.showOpenDialog(options),
      )
      return canceled ? null : (filePaths[0] ?? null)
    },
    chooseSaveFile: async ({ title, defaultPath, filters }) => {
      const options: SaveDialogOptions = {
        title,
        defaultPath: savePath(defaultPath, await dialogFolder(await projectsDir())),
        filters: dialogFilters(filters, platform),
      }
      const { canceled, filePath } = await withParent(
        (parent) => dialog.showSaveDialog(parent, options),
        () => dialog.showSaveDialog(options),
      )
      return canceled || !filePath ? null : filePath
    },
    printToPdf,
    // The team's git token, sealed with the OS keychain (Keychain, DPAPI, libsecret) and never kept in clear.
    secrets: {
      available: () => safeStorage.isAsyncEncryptionAvailable(),
      seal: (secret) => safeStorage.encryptStringAsync(secret),
      unseal: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result,
    },
  }
}

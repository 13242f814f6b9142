import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The open-source notices, written when the app is packaged (see electron-builder.js) and
 * shipped beside app.asar, where the system's text viewer can open them.
 */
function noticesFile(): string | null {
  const file = app.isPackaged ? join(process.resourcesPath, 'NOTICES.txt') : join(app.getAppPath(), 'out', 'NOTICES.txt')
  return existsSync(file) ? file : null
}

function showMessage(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<{ response: number }> {
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)
}

export async function showNotices(parent: BrowserWindow | null): Promise<void> {
  const file = noticesFile()
  const failure = file ? await shell.openPath(file) : 'this development build has none; they are written when the app is packaged'
  if (!failure) return
  await showMessage(parent, {
    type: 'info',
    title: 'Open-source notices',
    message: 'The open-source notices could not be shown.',
    detail: file ? `Open "${file}" with a text editor (${failure}).` : `Factdesk's ${failure} (npm run pack:check).`,
  })
}

export async function showAbout(parent: BrowserWindow | null): Promise<void> {
  const { response } = await showMessage(parent, {
    type: 'info',
    title: 'About Factdesk',
    message: `Factdesk ${app.getVersion()}`,
    detail: [
      'An offline workbench for fact-checkers. Nothing leaves this computer unless you export it.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`,
      'Free software under the MIT licence, built on the open-source components listed in the notices.',
    ].join('\n'),
    buttons: ['OK', 'Open-Source Notices'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  if (response === 1) await showNotices(parent)
}

import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Translate } from '@domain/translate'

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

export async function showNotices(parent: BrowserWindow | null, t: Translate): Promise<void> {
  const file = noticesFile()
  if (!file) {
    await showMessage(parent, {
      type: 'info',
      title: t('shell.noticesTitle'),
      message: t('shell.noticesFailed'),
      detail: t('shell.noticesDevBuild'),
    })
    return
  }
  // The system's own reason, in the system's words, when it has no viewer for the file.
  const failure = await shell.openPath(file)
  if (!failure) return
  await showMessage(parent, {
    type: 'info',
    title: t('shell.noticesTitle'),
    message: t('shell.noticesFailed'),
    detail: t('shell.noticesOpenWith', { file, reason: failure }),
  })
}

export async function showAbout(parent: BrowserWindow | null, t: Translate): Promise<void> {
  const { response } = await showMessage(parent, {
    type: 'info',
    title: t('shell.aboutTitle'),
    message: `Factdesk ${app.getVersion()}`,
    detail: [
      t('shell.aboutSummary'),
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`,
      t('shell.aboutLicence'),
    ].join('\n'),
    buttons: [t('shell.ok'), t('shell.noticesButton')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  if (response === 1) await showNotices(parent, t)
}

import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, isExternalWebUrl } from './security'

export interface WindowOptions {
  preloadPath: string
  devServerUrl?: string
}

/**
 * The one window factory: every window is sandboxed and context-isolated, cannot navigate away
 * from the app, cannot open windows, and hands http(s) links to the system browser.
 */
export function createMainWindow({ preloadPath, devServerUrl }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Factdesk',
    backgroundColor: '#1f2328',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    event.preventDefault()
    if (isExternalWebUrl(url)) void shell.openExternal(url)
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs')
}

import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, SECURE_WEB_PREFERENCES } from './security'
import { MIN_SIZE, writeWindowState, type WindowPlacement } from './window-state'

export interface WindowOptions {
  preloadPath: string
  placement: WindowPlacement
  /** Where the window's size and position are saved when it closes. */
  stateFile: string
  devServerUrl?: string
  /** The developer tools open only while developing. */
  isDev: boolean
  /** The window's icon where the system takes it from the window (Linux, Windows); packaged apps also carry it. */
  iconPath?: string
}

/**
 * The one app window factory: sandboxed and context-isolated (SECURE_WEB_PREFERENCES), with the
 * navigation and window guards that harden.ts puts on every webContents.
 */
export function createMainWindow({ preloadPath, placement, stateFile, devServerUrl, isDev, iconPath }: WindowOptions): BrowserWindow {
  const { maximized, ...bounds } = placement
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Factdesk',
    ...(iconPath ? { icon: iconPath } : {}),
    backgroundColor: '#1f2328',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath, devTools: isDev },
  })
  win.once('ready-to-show', () => {
    if (maximized) win.maximize()
    win.show()
  })
  win.on('close', () => {
    try {
      writeWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (error) {
      console.error('[factdesk] could not save the window position:', error)
    }
  })
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs')
}

import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp'
import { registerIpc } from './ipc'
import { APP_SCHEME, isTrustedRendererUrl, resolveAppRequest } from './security'
import { createDispatcher } from './services/dispatcher'
import { createServices } from './services/handlers'
import { createMainWindow, preloadPath } from './window'

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const mainDir = import.meta.dirname
const rendererDir = join(mainDir, '../renderer')

if (!app.requestSingleInstanceLock()) app.quit()

const services = createServices({
  edition: 'desktop',
  version: app.getVersion(),
  resourcesDir: join(app.getAppPath(), 'resources'),
  configDir: process.env.FACTDESK_CONFIG_DIR ?? app.getPath('userData'),
  documentsDir: app.getPath('documents'),
})

function openWindow(): BrowserWindow {
  return createMainWindow({ preloadPath: preloadPath(mainDir), ...(devServerUrl ? { devServerUrl } : {}) })
}

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  registerIpc(
    ipcMain,
    createDispatcher(services.handlers, { onUnexpected: (channel, error) => console.error(`[factdesk] ${channel} failed:`, error) }),
    (url) => isTrustedRendererUrl(url, devServerUrl),
  )
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
})

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows()
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})

let flushed = false
app.on('before-quit', (event) => {
  if (flushed) return
  event.preventDefault()
  void services.store.closeAll().finally(() => {
    flushed = true
    app.quit()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

import { app, shell, type Session, type WebContents } from 'electron'
import { isAllowedNetworkRequest, isExternalWebUrl, isInlineFrameUrl, navigationVerdict } from './security'

function openInBrowser(url: string): void {
  if (isExternalWebUrl(url)) void shell.openExternal(url)
}

/**
 * The same guards on every webContents, whoever creates it (the main window, the hidden PDF
 * printer, anything a bug or a dependency might open): no navigation (but the dev server's
 * reloads while developing), no new windows, no webviews, no Bluetooth device picking. Web links
 * go to the system browser and nowhere else.
 */
function guardWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (navigationVerdict(url, devServerUrl) === 'stay') return
    event.preventDefault()
    openInBrowser(url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isInlineFrameUrl(event.url)) return
    event.preventDefault()
    openInBrowser(event.url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault()
    callback('')
  })
}

/**
 * Before the app is ready: every renderer sandboxed, every webContents guarded from birth.
 * `devServerUrl` is set only while developing (electron-vite dev's ELECTRON_RENDERER_URL).
 */
export function hardenApp(devServerUrl?: string): void {
  app.enableSandbox()
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl))
}

/**
 * A session that grants nothing: no permission (camera, notifications, clipboard reads…), no
 * screen capture, no USB, HID, serial or Bluetooth device, no downloads, no spell-checker, and
 * no network except the development server while developing.
 */
export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }))
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault()
    callback(null)
  })
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault()
    callback('')
  })
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault()
    callback()
  })
  session.on('will-download', (event) => event.preventDefault())
  session.setSpellCheckerEnabled(false)
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) =>
    callback({ cancel: !isAllowedNetworkRequest(details.url, devServerUrl) }),
  )
}

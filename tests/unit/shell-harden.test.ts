import { beforeEach, describe, expect, it, vi } from 'vitest'

type Handler = (...args: unknown[]) => unknown

/** Records the handlers a guarded object gets, so a test can play Electron's events on it. */
function recorder() {
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    on: (name: string, handler: Handler) => handlers.set(name, handler),
    emit: (name: string, ...args: unknown[]) => {
      const handler = handlers.get(name)
      if (!handler) throw new Error(`nothing handles ${name}`)
      return handler(...args)
    },
  }
}

const electron = vi.hoisted(() => ({
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  enableSandbox: vi.fn(),
  openExternal: vi.fn(),
}))
vi.mock('electron', () => ({
  app: {
    enableSandbox: electron.enableSandbox,
    on: (name: string, handler: (...args: unknown[]) => void) => electron.appEvents.set(name, handler),
  },
  shell: { openExternal: electron.openExternal },
}))

const { hardenApp, hardenSession } = await import('../../src/main/harden')

function event() {
  return { preventDefault: vi.fn() }
}

function guardedContents() {
  const contents = { ...recorder(), windowOpenHandler: null as Handler | null }
  const webContents = { on: contents.on, setWindowOpenHandler: (handler: Handler) => (contents.windowOpenHandler = handler) }
  const created = electron.appEvents.get('web-contents-created')
  if (!created) throw new Error('no web-contents-created guard')
  created({}, webContents)
  return contents
}

describe('every webContents', () => {
  beforeEach(() => {
    electron.appEvents.clear()
    electron.openExternal.mockReset()
    hardenApp()
  })

  it('runs sandboxed', () => {
    expect(electron.enableSandbox).toHaveBeenCalled()
  })

  it('opens no window; web links go to the system browser, nothing else does', () => {
    const contents = guardedContents()
    for (const url of ['https://example.org/a', 'javascript:alert(1)', 'file:///etc/passwd', 'app://factdesk/index.html']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(electron.openExternal.mock.calls).toEqual([['https://example.org/a']])
  })

  it('never navigates away from the app', () => {
    const contents = guardedContents()
    for (const url of ['https://example.org/a', 'file:///etc/passwd', 'app://factdesk/other.html']) {
      const e = event()
      contents.emit('will-navigate', e, url)
      expect(e.preventDefault).toHaveBeenCalled()
    }
    expect(electron.openExternal.mock.calls).toEqual([['https://example.org/a']])
  })

  it('lets frames hold inline documents only (the export preview), and leaves main-frame navigation to will-navigate', () => {
    const contents = guardedContents()
    const inline = { ...event(), url: 'about:srcdoc', isMainFrame: false }
    contents.emit('will-frame-navigate', inline)
    expect(inline.preventDefault).not.toHaveBeenCalled()
    const away = { ...event(), url: 'https://example.org/source', isMainFrame: false }
    contents.emit('will-frame-navigate', away)
    expect(away.preventDefault).toHaveBeenCalled()
    expect(electron.openExternal).toHaveBeenCalledWith('https://example.org/source')
  })

  it('attaches no webview and picks no Bluetooth device', () => {
    const contents = guardedContents()
    const attach = event()
    contents.emit('will-attach-webview', attach)
    expect(attach.preventDefault).toHaveBeenCalled()
    const pick = event()
    const callback = vi.fn()
    contents.emit('select-bluetooth-device', pick, [{ deviceId: 'x' }], callback)
    expect(pick.preventDefault).toHaveBeenCalled()
    expect(callback).toHaveBeenCalledWith('')
  })
})

describe('a hardened session', () => {
  function session() {
    const events = recorder()
    const set = new Map<string, Handler>()
    const setter = (name: string) => (handler: Handler) => set.set(name, handler)
    let beforeRequest: { filter: { urls: string[] }; handler: Handler } | null = null
    const fake = {
      on: events.on,
      setPermissionRequestHandler: setter('permissionRequest'),
      setPermissionCheckHandler: setter('permissionCheck'),
      setDevicePermissionHandler: setter('devicePermission'),
      setDisplayMediaRequestHandler: setter('displayMedia'),
      setBluetoothPairingHandler: setter('bluetoothPairing'),
      setSpellCheckerEnabled: vi.fn(),
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, handler: Handler) => (beforeRequest = { filter, handler }) },
    }
    return { fake, events, set, beforeRequest: () => beforeRequest, handler: (name: string) => set.get(name)! }
  }

  it('grants no permission, whether requested or checked', () => {
    const s = session()
    hardenSession(s.fake as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn()
      s.handler('permissionRequest')({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(s.handler('permissionCheck')({}, permission, 'app://factdesk', {})).toBe(false)
    }
    expect(s.handler('devicePermission')({ deviceType: 'usb' })).toBe(false)
  })

  it('shares no screen and pairs, picks or downloads nothing', () => {
    const s = session()
    hardenSession(s.fake as never)
    const media = vi.fn()
    s.handler('displayMedia')({}, media)
    expect(media).toHaveBeenCalledWith(null)
    const pairing = vi.fn()
    s.handler('bluetoothPairing')({}, pairing)
    expect(pairing).toHaveBeenCalledWith({ confirmed: false })
    for (const [name, args] of [
      ['select-hid-device', [{}]],
      ['select-serial-port', [[], {}]],
      ['select-usb-device', [{}]],
    ] as const) {
      const e = event()
      const callback = vi.fn()
      s.events.emit(name, e, ...args, callback)
      expect(e.preventDefault, name).toHaveBeenCalled()
      expect(callback, name).toHaveBeenCalledOnce()
      expect(callback.mock.calls[0]?.[0] || null, name).toBeNull()
    }
    const download = event()
    s.events.emit('will-download', download)
    expect(download.preventDefault).toHaveBeenCalled()
    expect(s.fake.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
  })

  it('cancels every network request, except to the dev server while developing', () => {
    for (const devServer of [undefined, 'http://localhost:5173']) {
      const s = session()
      hardenSession(s.fake as never, devServer)
      const request = s.beforeRequest()
      expect(request?.filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'])
      const verdict = (url: string) => {
        const callback = vi.fn()
        request?.handler({ url }, callback)
        return callback.mock.calls[0]?.[0] as { cancel: boolean }
      }
      expect(verdict('https://example.org/tracker.js')).toEqual({ cancel: true })
      expect(verdict('http://localhost:5173/src/main.tsx')).toEqual({ cancel: devServer === undefined })
    }
  })
})

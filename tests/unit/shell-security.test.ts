import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  isAllowedNetworkRequest,
  isExternalWebUrl,
  isInlineFrameUrl,
  isTrustedRendererUrl,
  remoteDebuggingSwitch,
  resolveAppRequest,
  SECURE_WEB_PREFERENCES,
} from '../../src/main/security'

const RENDERER = join(sep, 'app', 'out', 'renderer')

describe('every window’s web preferences', () => {
  it('isolate, sandbox and lock down the renderer', () => {
    expect(SECURE_WEB_PREFERENCES).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    })
  })
})

describe('app:// requests', () => {
  it('map to files inside the renderer folder', () => {
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/`)).toBe(join(RENDERER, 'index.html'))
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/index.html`)).toBe(join(RENDERER, 'index.html'))
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(join(RENDERER, 'assets', 'index-abc.js'))
  })

  it('never leave the renderer folder, however the path is written', () => {
    for (const attempt of [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
      '/..%2f..%2fmain/index.js',
      '/..%5c..%5cmain%5cindex.js',
      '/assets%5c..%5c..%5cpackage.json',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      const file = resolveAppRequest(RENDERER, `${APP_ORIGIN}${attempt}`)
      if (file !== null) expect(file.startsWith(RENDERER + sep), `${attempt} → ${file}`).toBe(true)
    }
    // The URL parser resolves plain dot segments before the handler sees them: still inside.
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/../../etc/passwd`)).toBe(join(RENDERER, 'etc', 'passwd'))
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/..%2f..%2fmain/index.js`)).toBeNull()
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/..%5c..%5cmain%5cindex.js`)).toBeNull()
    expect(resolveAppRequest(RENDERER, `${APP_ORIGIN}/index.html%00.js`)).toBeNull()
  })

  it('answer only the app’s own scheme and host', () => {
    expect(resolveAppRequest(RENDERER, 'app://other/index.html')).toBeNull()
    expect(resolveAppRequest(RENDERER, 'file:///etc/passwd')).toBeNull()
    expect(resolveAppRequest(RENDERER, 'https://factdesk/index.html')).toBeNull()
    expect(resolveAppRequest(RENDERER, 'not a url')).toBeNull()
  })
})

describe('the renderer IPC trusts', () => {
  it('is the app’s own origin, and the dev server only while developing', () => {
    expect(isTrustedRendererUrl(`${APP_ORIGIN}/index.html`)).toBe(true)
    expect(isTrustedRendererUrl(`${APP_ORIGIN}/`)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('is nothing else', () => {
    for (const url of [
      'app://evil/index.html',
      'app://factdesk.evil/',
      'file:///app/out/renderer/index.html',
      'https://factdesk/',
      'about:blank',
      'about:srcdoc',
      'data:text/html,x',
      '',
      'garbage',
    ]) {
      expect(isTrustedRendererUrl(url), url).toBe(false)
    }
  })
})

describe('links that may leave the app', () => {
  it('are http(s) with a host, for the system browser', () => {
    expect(isExternalWebUrl('https://example.org/report?id=1')).toBe(true)
    expect(isExternalWebUrl('http://example.org')).toBe(true)
  })

  it('exclude every other scheme', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://factdesk/index.html',
      'smb://host/share',
      'ms-msdt:/id',
      'mailto:a@b.c',
      'data:text/html,x',
      'https://',
      'not a url',
      '',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false)
    }
  })
})

describe('frames inside a page', () => {
  it('may hold inline documents only', () => {
    expect(isInlineFrameUrl('about:srcdoc')).toBe(true)
    expect(isInlineFrameUrl('about:blank')).toBe(true)
    expect(isInlineFrameUrl('https://example.org')).toBe(false)
    expect(isInlineFrameUrl(`${APP_ORIGIN}/index.html`)).toBe(false)
  })
})

describe('network requests from the app’s pages', () => {
  it('are refused, except to the dev server while developing', () => {
    expect(isAllowedNetworkRequest('https://example.org/')).toBe(false)
    expect(isAllowedNetworkRequest('http://localhost:5173/src/main.tsx')).toBe(false)
    const dev = 'http://localhost:5173'
    expect(isAllowedNetworkRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedNetworkRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedNetworkRequest('http://localhost:8080/', dev)).toBe(false)
    expect(isAllowedNetworkRequest('https://example.org/', dev)).toBe(false)
    expect(isAllowedNetworkRequest('garbage', dev)).toBe(false)
  })
})

describe('remote debugging switches', () => {
  it('are found wherever they are on the command line', () => {
    expect(remoteDebuggingSwitch(['/opt/Factdesk/factdesk', '--remote-debugging-port=9222'])).toBe('--remote-debugging-port')
    expect(remoteDebuggingSwitch(['factdesk', 'story.factdesk.json', '--remote-debugging-pipe'])).toBe('--remote-debugging-pipe')
  })

  it('are not confused with files or other switches', () => {
    expect(
      remoteDebuggingSwitch(['factdesk', '--no-sandbox', 'remote-debugging-port.factdesk.json', '--remote-debugging-portal']),
    ).toBeNull()
  })
})

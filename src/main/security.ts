import type { WebPreferences } from 'electron'
import { resolveInsideDir } from '@engine/static-files'

/** The renderer is served from this custom scheme, never from file:// (which could read any file). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'factdesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * The preferences of every window Factdesk opens, written out even where they are Electron's
 * defaults, so a change of default or a careless spread cannot weaken one.
 */
export const SECURE_WEB_PREFERENCES = {
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
  // On Linux the spell-checker downloads its dictionaries from Google's servers: nothing leaves the laptop.
  spellcheck: false,
} as const satisfies WebPreferences

/** Maps an app:// request to a file inside the renderer folder, or null for anything else. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  return resolveInsideDir(rendererDir, url.pathname)
}

/** Whether a frame URL is the app's own renderer (the only sender IPC answers). */
export function isTrustedRendererUrl(frameUrl: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    return url.origin === dev.origin
  }
  return false
}

/** Only web links leave the app, and only to the system browser. */
export function isExternalWebUrl(target: string): boolean {
  try {
    const url = new URL(target)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** What a page's own navigation (a link, a form, `location.reload()`) leads to. */
export type NavigationVerdict = 'stay' | 'system-browser' | 'refuse'

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

/**
 * The app's page never navigates, with one exception while developing: Vite's full reload is
 * `location.reload()`, a navigation the page starts itself, so the dev server's own origin may be
 * reloaded when (and only when) a dev server URL is set. Web links go to the system browser;
 * everything else (app://, file:, javascript:, other schemes) goes nowhere.
 */
export function navigationVerdict(target: string, devServerUrl?: string): NavigationVerdict {
  if (devServerUrl && sameOrigin(target, devServerUrl)) return 'stay'
  return isExternalWebUrl(target) ? 'system-browser' : 'refuse'
}

/**
 * Where a frame inside a page may go: only to inline documents (the export preview is an
 * `<iframe srcdoc>`); the page itself never navigates.
 */
export function isInlineFrameUrl(target: string): boolean {
  return target === 'about:srcdoc' || target === 'about:blank'
}

/**
 * Whether the app's own pages may make a network request to this URL: never, except to the
 * development server (its page and its hot-reload socket) while developing.
 */
export function isAllowedNetworkRequest(requestUrl: string, devServerUrl?: string): boolean {
  if (!devServerUrl) return false
  try {
    const url = new URL(requestUrl)
    const dev = new URL(devServerUrl)
    return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.host === dev.host
  } catch {
    return false
  }
}

/**
 * Chromium switches that hand control of the app to another process. The fuses already refuse
 * Node's --inspect flags; these two are Chromium's, so a packaged app refuses to start with them.
 */
export function remoteDebuggingSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = /^--(remote-debugging-(?:port|pipe))(?:=|$)/.exec(arg)?.[1]
    if (name) return `--${name}`
  }
  return null
}

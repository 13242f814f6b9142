import { resolveInsideDir } from './services/static-files'

/** The renderer is served from this custom scheme, never from file:// (which could read any file). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'factdesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

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

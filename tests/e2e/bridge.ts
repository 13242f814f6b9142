import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { buildFactdeskApi } from '@contract/bridge'
import { CHANNELS } from '@contract/channels'
import type { ShellMessage } from '@contract/shell'
import { CONTENT_SECURITY_POLICY_HEADER } from '@contract/csp'
import { createDispatcher } from '@engine/dispatcher'
import { createServices, type ServiceContext, type Services } from '@engine/services'
import { MIME_TYPES, resolveInsideDir } from '@engine/static-files'

const REPO = join(import.meta.dirname, '../..')
export const RENDERER_DIR = join(REPO, 'out/renderer')
/** The built renderer is served under this origin, as the app serves it under app://factdesk. */
export const APP_URL = 'http://factdesk.test/'

/** Sends a native-menu command to the page, as Electron's main process would. */
export async function emitShellCommand(page: Page, message: ShellMessage): Promise<void> {
  await page.evaluate((m) => (window as unknown as { __emitShellCommand: (m: unknown) => void }).__emitShellCommand(m), message)
}

export interface Bridge {
  /** Temp folder of this test: `projects/` (FACTDESK_HOME) and `config/`. */
  root: string
  home: string
  services: Services
  dispose: () => Promise<void>
}

/**
 * Runs the real renderer against the real services: the built renderer is served from out/ by
 * request interception (with the app's CSP), and `window.factdesk` is installed before the
 * page's scripts run, each call going through a Playwright binding to the same dispatcher the
 * Electron main process uses, writing real files in a temp folder.
 */
export async function installBridge(
  page: Page,
  { inject = true, ...context }: Partial<ServiceContext> & { inject?: boolean } = {},
): Promise<Bridge> {
  await stat(join(RENDERER_DIR, 'index.html')).catch(() => {
    throw new Error('out/renderer is missing: run `npm run build` before the e2e tests (npm test does).')
  })
  const root = await mkdtemp(join(tmpdir(), 'factdesk-e2e-'))
  const home = join(root, 'projects')
  const services = createServices({
    edition: 'test',
    version: '0.0.0-e2e',
    resourcesDir: join(REPO, 'resources'),
    configDir: join(root, 'config'),
    env: { FACTDESK_HOME: home },
    ...context,
  })
  const bridge: Bridge = {
    root,
    home,
    services,
    dispose: async () => {
      await services.store.closeAll()
      await services.memory.close()
      await rm(root, { recursive: true, force: true })
    },
  }
  if (!inject) return bridge
  const dispatch = createDispatcher(services.handlers)

  await page.route(`${APP_URL}**`, async (route) => {
    const file = resolveInsideDir(RENDERER_DIR, new URL(route.request().url()).pathname)
    if (!file) return route.fulfill({ status: 404 })
    try {
      const body = await readFile(file)
      return await route.fulfill({
        status: 200,
        body,
        headers: {
          'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
        },
      })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  // Like the IPC wrapper, the bridge answers only the app's own frame.
  await page.exposeBinding('__factdeskInvoke', (source, channel: unknown, input: unknown) =>
    source.frame.url().startsWith(APP_URL)
      ? dispatch(channel, input)
      : { ok: false, error: { code: 'FORBIDDEN', message: 'not the app frame' } },
  )
  await page.addInitScript({
    content: `window.factdesk = (${buildFactdeskApi.toString()})(${JSON.stringify(CHANNELS)}, (channel, input) => window.__factdeskInvoke(channel, input));`,
  })
  // As the desktop preload does, a shell the test can send menu commands through (see emitShellCommand).
  await page.addInitScript(() => {
    const listeners = new Set<(message: unknown) => void>()
    Object.assign(window, {
      factdeskShell: {
        onCommand: (listener: (message: unknown) => void) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      },
      __emitShellCommand: (message: unknown) => listeners.forEach((listener) => listener(message)),
    })
  })
  return bridge
}

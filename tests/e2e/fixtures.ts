import { test as base, expect } from '@playwright/test'
import { createDispatcher } from '@engine/dispatcher'
import { startServer } from '../../src/cli/serve/server'
import { APP_URL, installBridge, RENDERER_DIR, type Bridge } from './bridge'

export type Transport = 'ipc-bridge' | 'http'

/**
 * `bridge`: the real services in a temp folder. With transport 'ipc-bridge' the renderer reaches
 * them through an injected `window.factdesk` (as the preload provides it in Electron); with 'http'
 * through the browser edition's real server. `openApp()` loads the renderer either way.
 */
export const test = base.extend<{ transport: Transport; bridge: Bridge; openApp: () => Promise<void> }>({
  transport: ['ipc-bridge', { option: true }],
  bridge: async ({ page, transport }, use) => {
    const bridge = await installBridge(page, { inject: transport === 'ipc-bridge' })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await use(bridge)
    await bridge.dispose()
    expect(errors, 'uncaught errors in the page').toEqual([])
  },
  openApp: async ({ page, bridge, transport }, use) => {
    if (transport === 'ipc-bridge') {
      await use(async () => {
        await page.goto(APP_URL)
      })
      return
    }
    const server = await startServer({ rendererDir: RENDERER_DIR, dispatch: createDispatcher(bridge.services.handlers) })
    await use(async () => {
      await page.goto(server.url)
    })
    await server.close()
  },
})

export { expect }

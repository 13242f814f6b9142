import { test as base, expect } from '@playwright/test'
import { APP_URL, installBridge, type Bridge } from './bridge'

/** `bridge`: real services in a temp folder behind `window.factdesk`; `openApp()` loads the renderer. */
export const test = base.extend<{ bridge: Bridge; openApp: () => Promise<void> }>({
  bridge: async ({ page }, use) => {
    const bridge = await installBridge(page)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await use(bridge)
    await bridge.dispose()
    expect(errors, 'uncaught errors in the page').toEqual([])
  },
  // Depends on `bridge` so window.factdesk is installed before the page loads.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  openApp: async ({ page, bridge }, use) => {
    await use(async () => {
      await page.goto(APP_URL)
    })
  },
})

export { expect }

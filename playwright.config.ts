import { defineConfig } from '@playwright/test'
import type { Transport } from './tests/e2e/fixtures'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/chromium'

export default defineConfig<{ transport: Transport }>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  // Generous: CI shares two cores between Chromium, the services and a second worker.
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list'], ['./tests/e2e/skip-reasons-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  outputDir: 'test-results',
  projects: [
    // Everything once, with the renderer reaching the services as it does in Electron.
    { name: 'ipc-bridge', use: { transport: 'ipc-bridge' } },
    // The app's flows again over the browser edition's HTTP server.
    { name: 'http', testMatch: 'app/**/*.spec.ts', use: { transport: 'http' } },
  ],
})

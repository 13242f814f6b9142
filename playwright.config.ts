import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  fullyParallel: false,
  workers: 2,
  reporter: [['list'], ['./tests/e2e/skip-reasons-reporter.ts']],
  use: { trace: 'off', screenshot: 'only-on-failure' },
  outputDir: 'test-results',
})

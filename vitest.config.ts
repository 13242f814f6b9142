import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // The CLI tests run the real `factdesk` command, which runs the bundle: build it fresh first.
    globalSetup: ['tests/helpers/build-cli.ts'],
  },
})

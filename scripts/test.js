#!/usr/bin/env node
// `npm test`: every tier in order, stopping at the first failure. The browser edition's tests and
// the e2e tier run against the built renderer, so the app is built before the tests.
import { spawnSync } from 'node:child_process'

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  ['build the command line', 'node', ['scripts/build-cli.js']],
  ['unit tests (vitest)', 'npx', ['vitest', 'run']],
  ['e2e tests (playwright, Chromium)', 'npx', ['playwright', 'test']],
]

for (const [name, command, args] of steps) {
  process.stdout.write(`\n▶ ${name}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${name} failed\n`)
    process.exit(result.status ?? 1)
  }
}
process.stdout.write('\n✔ all tests passed\n')

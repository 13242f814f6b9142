// vitest globalSetup: the CLI tests run bin/factdesk.js, which runs out/cli; build it from the current sources.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/build-cli.js')], { stdio: 'inherit' })
}

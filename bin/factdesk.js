#!/usr/bin/env node
// `factdesk`: runs the bundled command line in out/cli (built by `npm install` and `npm run build`).
// Inside a checkout whose bundle is missing or older than the sources, it runs the TypeScript
// through tsx instead, and says so on stderr, so a contributor never runs stale code unknowingly.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = join(root, 'out', 'cli', 'index.js')
const LAYERS = ['cli', 'engine', 'domain', 'contract']

/** The newest modification time among the sources the bundle is built from (0 outside a checkout). */
function newestSource() {
  let newest = 0
  // A plain walk: readdirSync's own `recursive` option costs several milliseconds more on Node 20.
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const layer of LAYERS) if (existsSync(join(root, 'src', layer))) walk(join(root, 'src', layer))
  return newest
}

const built = existsSync(bundle) ? statSync(bundle).mtimeMs : -1
if (built >= newestSource()) {
  await import(pathToFileURL(bundle).href)
} else {
  process.stderr.write(
    `factdesk: the built command line (out/cli) is ${built < 0 ? 'missing' : 'older than src/'}; running the sources through tsx, which starts slower. \`npm run build\` builds it.\n`,
  )
  const { register } = await import('tsx/esm/api')
  register({ tsconfig: join(root, 'tsconfig.json') })
  await import(pathToFileURL(join(root, 'src', 'cli', 'index.ts')).href)
}

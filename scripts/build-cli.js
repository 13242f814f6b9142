#!/usr/bin/env node
// Bundles the `factdesk` command line into out/cli (run by `npm install`'s prepare step, by
// `npm run build` and before the unit tests), so the command starts from built JavaScript instead
// of compiling TypeScript on every run. Every subcommand is its own chunk, loaded only when it runs.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
export const CLI_OUT = join(root, 'out', 'cli')

/**
 * eld's language database is a 950 kB object literal; V8 compiles that far slower than it parses
 * the same data as JSON (~40 ms of a two-sentence run), so the bundle carries it as JSON.parse('…').
 */
const ngramsAsJson = {
  name: 'eld-ngrams-as-json',
  setup(bundler) {
    bundler.onLoad({ filter: /eld[\\/]src[\\/]ngrams[\\/]extrasmall\.js$/ }, async (args) => {
      const { ngramsData } = await import(pathToFileURL(args.path).href)
      return { contents: `export const ngramsData = JSON.parse(${JSON.stringify(JSON.stringify(ngramsData))})`, loader: 'js' }
    })
  },
}

export async function buildCli() {
  await rm(CLI_OUT, { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    // Each worker is its own entry (src/engine/workers.ts starts them from out/cli/<name>.js).
    entryPoints: {
      index: 'src/cli/index.ts',
      'import-worker': 'src/engine/import/worker-entry.ts',
      'memory-worker': 'src/engine/memory/worker-entry.ts',
    },
    outdir: CLI_OUT,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Chunks stay beside index.js: the CLI finds package.json and resources/ two folders up from any of its modules.
    chunkNames: '[name]-[hash]',
    // Left to node_modules: loaded only by PDF export and PDF import, and pdf.js and Playwright ship files they read at run time.
    external: ['playwright-core', '@sparticuz/chromium', 'pdfjs-dist', 'electron'],
    // Bundled CommonJS packages call require(); ES modules have none of their own.
    banner: { js: "import { createRequire as __factdeskRequire } from 'node:module'; const require = __factdeskRequire(import.meta.url);" },
    plugins: [ngramsAsJson],
    logLevel: 'warning',
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli()

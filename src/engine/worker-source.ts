// Only when running from the TypeScript sources (vitest, the e2e tier, the CLI through tsx): the
// workers bundled on the fly, since a worker thread cannot load TypeScript. The builds carry their
// own bundles of them (electron.vite.config.ts, scripts/build-cli.js), and never this module.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { WORKER_ENTRIES, type WorkerName } from './workers'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Inside node_modules, so the bundle's package imports resolve as the sources' do. */
const CACHE = join(ROOT, 'node_modules', '.cache', 'factdesk')
/** Bundles of older sources are removed after a day. */
const STALE_MS = 24 * 60 * 60 * 1000

let bundled: Promise<string> | undefined

/**
 * A worker bundled from the current sources with esbuild (about 0.3 s, once a process, every
 * worker at once), split like the CLI's bundle so each import format's reader loads only when a
 * file of that format comes, its packages left to node_modules. The folder is named by the content,
 * so processes running the same sources share it and none overwrites what another is loading.
 */
export async function sourceWorkerUrl(worker: WorkerName): Promise<URL> {
  bundled ??= (async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: WORKER_ENTRIES,
      outdir: CACHE,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    })
    const hash = createHash('sha256')
    for (const output of result.outputFiles) hash.update(output.path).update(output.contents)
    const name = `workers-${hash.digest('hex').slice(0, 16)}`
    const dir = join(CACHE, name)
    if (!existsSync(dir)) {
      await mkdir(CACHE, { recursive: true })
      const temporary = await mkdtemp(join(CACHE, 'tmp-'))
      for (const output of result.outputFiles) await writeFile(join(temporary, basename(output.path)), output.contents)
      await rename(temporary, dir).catch(async () => rm(temporary, { recursive: true, force: true }))
      for (const old of await readdir(CACHE)) {
        const path = join(CACHE, old)
        const modified =
          old !== name && (old.startsWith('workers-') || old.startsWith('import-worker-'))
            ? (await stat(path).catch(() => null))?.mtimeMs
            : undefined
        if (modified !== undefined && Date.now() - modified > STALE_MS) await rm(path, { recursive: true, force: true })
      }
    }
    return dir
  })()
  return pathToFileURL(join(await bundled, `${worker}.mjs`))
}

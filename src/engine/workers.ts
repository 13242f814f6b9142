import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { AppError } from '@domain/errors'

/**
 * Factdesk's worker threads, by the name of their script in every build: imports (one worker per
 * import, under limits) and the claim memory's library index (one long-lived worker). Each is its
 * own entry in electron.vite.config.ts and scripts/build-cli.js, and bundled on the fly from the
 * sources (worker-source.ts) when Factdesk runs from TypeScript.
 */
export const WORKER_ENTRIES = {
  'import-worker': 'src/engine/import/worker-entry.ts',
  'memory-worker': 'src/engine/memory/worker-entry.ts',
} as const
export type WorkerName = keyof typeof WORKER_ENTRIES

/**
 * A worker's script. The builds put it beside their entry (out/main/<name>.js, out/cli/<name>.js),
 * where this module may sit in the entry or in a chunk folder under it; from the TypeScript sources
 * it is bundled on the fly by a module the builds leave out (its specifier is computed, so no
 * bundler follows it).
 */
export async function workerUrl(name: WorkerName): Promise<URL> {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const source = (await import(/* @vite-ignore */ new URL('./worker-source.ts', here).href)) as typeof import('./worker-source')
    return source.sourceWorkerUrl(name)
  }
  const candidates = [new URL(`./${name}.js`, here), new URL(`../${name}.js`, here)]
  const found = candidates.find((candidate) => existsSync(fileURLToPath(candidate)))
  if (!found) {
    const file = fileURLToPath(candidates[0] ?? here)
    throw new AppError('INTERNAL', `This Factdesk build has no ${name} (looked for ${file}). Reinstall Factdesk.`, {
      key: 'install.missing',
      params: { file },
    })
  }
  return found
}

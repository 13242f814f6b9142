import { basename } from 'node:path'
import type { ImportedArticle, ImportProgress } from '@contract/import'
import { AppError } from '@domain/errors'
import { runImport, type ImportJob } from './worker-runner'

interface Running {
  controller: AbortController
  started: number
  progress: Omit<ImportProgress, 'elapsedMs'>
}

function nameOf(job: ImportJob): string {
  return job.kind === 'file' ? basename(job.path) : job.kind === 'bytes' ? job.fileName : 'the pasted text'
}

/**
 * The imports under way, by the id the renderer gave each, so it can ask how far one has got and
 * cancel it (the API is request and response: the renderer polls while its import call waits).
 */
export class ImportJobs {
  private readonly running = new Map<string, Running>()

  async run(id: string | undefined, job: ImportJob): Promise<ImportedArticle> {
    if (id === undefined) return runImport(job)
    if (this.running.has(id)) throw new AppError('INVALID_INPUT', `An import with the id "${id}" is already running.`)
    const name = nameOf(job)
    const entry: Running = {
      controller: new AbortController(),
      started: performance.now(),
      progress: { name, stage: 'starting', pages: null },
    }
    this.running.set(id, entry)
    try {
      return await runImport(job, {
        signal: entry.controller.signal,
        onProgress: ({ stage, pages }) => {
          entry.progress = { name, stage, pages }
        },
      })
    } finally {
      this.running.delete(id)
    }
  }

  /** How far the import has got, the time counted up to now; null when none runs under `id`. */
  progress(id: string): ImportProgress | null {
    const entry = this.running.get(id)
    return entry ? { ...entry.progress, elapsedMs: Math.round(performance.now() - entry.started) } : null
  }

  /** Ends the import's worker; false when none runs under `id`. */
  cancel(id: string): boolean {
    const entry = this.running.get(id)
    entry?.controller.abort()
    return entry !== undefined
  }
}

import { Worker } from 'node:worker_threads'
import type { ImportedArticle, ImportProgress } from '@contract/import'
import { AppError, appErrorOf } from '@domain/errors'
import { IMPORT_LIMITS, megabytes, tooMuch, type ImportLimits } from './limits'
import type { ImportJob, WorkerInput, WorkerMessage } from './worker-protocol'
import { workerUrl } from '../workers'

export type { ImportJob } from './worker-protocol'

export interface RunImportOptions {
  onProgress?: (progress: Omit<ImportProgress, 'name'>) => void
  /** Aborting it ends the worker; the import then fails with CANCELLED. */
  signal?: AbortSignal
  limits?: ImportLimits
}

/** How often the process's memory is looked at while an import runs. */
const MEMORY_CHECK_MS = 200
const MB = 1024 * 1024

const running = new Set<Worker>()

/** Import workers alive right now: every one ends with its import, whatever the outcome. */
export function liveImportWorkers(): number {
  return running.size
}

/** How the checker knows the thing being imported, in messages. */
function nameOf(job: ImportJob): string {
  return job.kind === 'file' ? job.path : job.kind === 'bytes' ? job.fileName : 'the pasted text'
}

/** A worker that failed by itself: out of heap is a file too large to read, anything else a bug. */
function workerFailure(name: string, error: Error & { code?: string }, limits: ImportLimits): AppError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return tooMuch(name, `reading it needed more than the ${megabytes(limits.heapMb * MB)} of memory an import may use`, 'memory', {
      limit: megabytes(limits.heapMb * MB),
    })
  }
  return new AppError('INTERNAL', `Factdesk's import stopped unexpectedly while reading "${name}": ${error.message}`, {
    cause: error,
    key: 'import.crashed',
    params: { file: name, reason: error.message },
  })
}

/**
 * Runs one import in a worker thread, off the thread that answers the app, held to `limits`: the
 * worker's heap (resourceLimits), the process's memory outside it, and the time. Whatever happens —
 * the article, a refusal, a limit, a cancel — the worker is ended before the promise settles, so a
 * decompression bomb costs only its own thread.
 */
export async function runImport(
  job: ImportJob,
  { onProgress, signal, limits = IMPORT_LIMITS }: RunImportOptions = {},
): Promise<ImportedArticle> {
  const name = nameOf(job)
  const cancelled = (): AppError =>
    new AppError('CANCELLED', `The import of "${name}" was cancelled; nothing was created.`, {
      key: 'import.cancelled',
      params: { file: name },
    })
  if (signal?.aborted) throw cancelled()
  const url = await workerUrl('import-worker')
  const started = performance.now()
  const input: WorkerInput = { job, limits }
  const worker = new Worker(url, {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    // The app's own flags (an inspector port, a loader) are not the worker's business.
    execArgv: [],
  })
  running.add(worker)
  const baseline = process.memoryUsage.rss()

  return new Promise<ImportedArticle>((resolve, reject) => {
    let outcome: { article: ImportedArticle } | { error: AppError } | null = null
    const finish = (result: { article: ImportedArticle } | { error: AppError }): void => {
      if (outcome) return
      outcome = result
      clearTimeout(deadline)
      clearInterval(memory)
      signal?.removeEventListener('abort', abort)
      void worker.terminate()
    }
    const abort = (): void => finish({ error: cancelled() })
    signal?.addEventListener('abort', abort)
    const deadline = setTimeout(
      () =>
        finish({
          error: tooMuch(name, `reading it took longer than the ${limits.timeMs / 1000} seconds an import may take`, 'time', {
            seconds: limits.timeMs / 1000,
          }),
        }),
      limits.timeMs,
    )
    // Unpacked data lives outside the heap that resourceLimits caps, so the process's size is watched too.
    const memory = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.extraResidentMb * MB) {
        finish({
          error: tooMuch(
            name,
            `reading it needed more than the ${megabytes(limits.extraResidentMb * MB)} of memory an import may use`,
            'memory',
            {
              limit: megabytes(limits.extraResidentMb * MB),
            },
          ),
        })
      }
    }, MEMORY_CHECK_MS)

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.({ ...message.progress, elapsedMs: Math.round(performance.now() - started) })
      else if (message.type === 'done') finish({ article: message.article })
      else finish({ error: appErrorOf(message.error) })
    })
    worker.on('error', (error: Error & { code?: string }) => finish({ error: workerFailure(name, error, limits) }))
    worker.on('exit', () => {
      running.delete(worker)
      const result = outcome ?? {
        error: new AppError('INTERNAL', `Factdesk's import of "${name}" stopped without an answer. Try again.`, {
          key: 'import.noAnswer',
          params: { file: name },
        }),
      }
      finish(result)
      if ('article' in result) resolve(result.article)
      else reject(result.error)
    })
  })
}

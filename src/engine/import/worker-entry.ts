// The import worker: runs one import (worker-runner.ts starts it) and posts the result back. It is
// its own entry in every build (out/main/import-worker.js, out/cli/import-worker.js).
import { parentPort, workerData } from 'node:worker_threads'
import { AppError, errorInfoOf } from '@domain/errors'
import { importBytes, importFile, importPastedText, type ImportOptions } from './index'
import type { WorkerInput, WorkerMessage } from './worker-protocol'

const { job, limits } = workerData as WorkerInput
const post = (message: WorkerMessage): void => parentPort?.postMessage(message)
const options: ImportOptions = { limits, onProgress: (progress) => post({ type: 'progress', progress }) }

try {
  const article =
    job.kind === 'file'
      ? await importFile(job.path, options)
      : job.kind === 'bytes'
        ? await importBytes(job.bytes, job.fileName, options)
        : importPastedText(job.text, job.title)
  post({ type: 'done', article })
} catch (error) {
  post({
    type: 'failed',
    error:
      error instanceof AppError
        ? errorInfoOf(error)
        : { code: 'INTERNAL', message: `The import hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}` },
  })
}

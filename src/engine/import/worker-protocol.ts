import type { ErrorInfo } from '@domain/errors'
import type { ImportedArticle } from '@contract/import'
import type { ProgressUpdate } from './index'
import type { ImportLimits } from './limits'

/** One import, as the worker is given it: a file to read, a file's bytes, or pasted text. */
export type ImportJob =
  { kind: 'file'; path: string } | { kind: 'bytes'; bytes: Uint8Array; fileName: string } | { kind: 'text'; text: string; title: string }

/** The worker's `workerData`. */
export interface WorkerInput {
  job: ImportJob
  limits: ImportLimits
}

/** What the worker posts back: progress as it goes, then the article or the reason it failed. */
export type WorkerMessage =
  { type: 'progress'; progress: ProgressUpdate } | { type: 'done'; article: ImportedArticle } | { type: 'failed'; error: ErrorInfo }

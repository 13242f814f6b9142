import { watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError, appErrorOf } from '@domain/errors'
import type { MatchQuery } from '@domain/memory/matcher'
import { projectRecords, type MemoryRecord } from '@domain/memory/records'
import type { Project } from '@domain/project/schema'
import { workerUrl } from '../workers'
import type { IndexProgress, SearchFilters, SeenBefore } from './library-index'
import type { MemoryMessage, MemoryRequest } from './protocol'
import { ARCHIVES_DIR } from './archive-files'

/**
 * The memory worker's heap is bounded, well above what it holds (~90 MB for 10,000 projects):
 * V8 grows a bounded heap by smaller steps (a growing factor of ~1.6 instead of up to 4), so a
 * build's garbage is collected sooner. Unbounded, a 10,000-project build peaked ~100 MB higher
 * for the same index. Past the bound the worker stops and says so, and starts again with the
 * next request.
 */
const WORKER_HEAP_MB = 1024

/** Changes on disk come in bursts (a git pull rewrites many files): each file is looked at once the burst settles. */
const WATCH_SETTLE_MS = 150

/**
 * The engine's side of the claim memory: starts the memory worker (workers.ts), opens the projects
 * folder's library index in it, feeds it every save and every change the folder's watcher sees, and
 * forwards searches and matches. The worker holds a reference to the process only while a request
 * is waiting, so the CLI and tests end when their work is done.
 */
export class MemoryService {
  private worker: Worker | null = null
  /**
   * The worker being started and the folder being opened in it, shared by every caller meanwhile:
   * requests that came together once started a worker each, and those sent to a worker never
   * opened failed ("asked before a projects folder was opened").
   */
  private starting: Promise<Worker> | null = null
  private opening: { dir: string; done: Promise<void> } | null = null
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  private nextId = 1
  private watchers: FSWatcher[] = []
  private readonly settling = new Map<string, NodeJS.Timeout>()
  private lastProgress: IndexProgress = { state: 'idle', done: 0, total: 0, documents: 0 }

  constructor(
    private readonly projectsDir: () => Promise<string>,
    /** The worker's heap bound in MB (tests give a small one to see the index run out). */
    private readonly heapMb = WORKER_HEAP_MB,
  ) {}

  get progress(): IndexProgress {
    return this.lastProgress
  }

  private start(): Promise<Worker> {
    this.starting ??= this.spawn()
    return this.starting
  }

  private async spawn(): Promise<Worker> {
    const worker = new Worker(await workerUrl('memory-worker'), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: this.heapMb } })
    worker.unref()
    worker.on('message', (message: MemoryMessage) => {
      if (message.type === 'progress') {
        this.lastProgress = message.progress
        return
      }
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      if (!this.pending.size) worker.unref()
      if (message.type === 'answer') waiting.resolve(message.value)
      else waiting.reject(appErrorOf(message.error))
    })
    const fail = (error: Error): void => {
      const stopped =
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError(
              'TOO_LARGE',
              `The library index needs more than the ${this.heapMb} MB of memory it may use, so search and "Seen before" are paused. They start again with the next search; if this comes back, move some projects into another folder.`,
              { key: 'libraryIndex.outOfMemory', params: { limit: this.heapMb } },
            )
          : new AppError('INTERNAL', `The library index stopped (${error.message}). It starts again with the next search.`, {
              key: 'libraryIndex.stopped',
              params: { reason: error.message },
            })
      for (const waiting of this.pending.values()) waiting.reject(stopped)
      this.pending.clear()
      this.worker = null
      this.starting = null
      this.opening = null
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(new Error(`its worker ended (code ${code})`))
    })
    this.worker = worker
    return worker
  }

  private async send<T>(request: MemoryRequest): Promise<T> {
    const worker = await this.start()
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.ref()
      worker.postMessage({ id, request })
    })
  }

  /** Opens (or re-opens, when the checker chose another folder) the projects folder's index and watches the folder. */
  async open(): Promise<string> {
    const dir = await this.projectsDir()
    if (this.opening?.dir !== dir) {
      const done = (async () => {
        this.watch(dir)
        this.lastProgress = await this.send<IndexProgress>({ op: 'open', projectsDir: dir })
      })()
      const opening = { dir, done }
      this.opening = opening
      done.catch(() => {
        if (this.opening === opening) this.opening = null
      })
    }
    await this.opening.done
    return dir
  }

  private watch(dir: string): void {
    for (const watcher of this.watchers) watcher.close()
    this.watchers = []
    for (const [folder, prefix] of [
      [dir, ''],
      [join(dir, ARCHIVES_DIR), `${ARCHIVES_DIR}/`],
    ] as const) {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name && !name.startsWith('.') && name.endsWith('.json')) this.settle(`${prefix}${name}`)
        })
        watcher.on('error', () => watcher.close())
        this.watchers.push(watcher)
      } catch {
        // A folder that does not exist yet (no archive imported) has nothing to watch; saves still update the index.
      }
    }
  }

  private settle(file: string): void {
    clearTimeout(this.settling.get(file))
    this.settling.set(
      file,
      setTimeout(() => {
        this.settling.delete(file)
        void this.send({ op: 'refresh', file }).catch(() => undefined)
      }, WATCH_SETTLE_MS).unref(),
    )
  }

  /** A path's name in the index, or null for a file outside the projects folder (not indexed). */
  fileOf(path: string, dir: string): string | null {
    const rel = relative(dir, path)
    if (!rel || rel.startsWith('..') || rel.includes(sep) || rel.includes('/')) return null
    return rel
  }

  async search(
    query: string,
    filters: SearchFilters,
    limit: number,
  ): Promise<{ dir: string; hits: { record: MemoryRecord; score: number }[]; total: number }> {
    const dir = await this.open()
    return {
      dir,
      ...(await this.send<{ hits: { record: MemoryRecord; score: number }[]; total: number }>({ op: 'find', query, filters, limit })),
    }
  }

  async seenBefore(query: MatchQuery, path: string | null, limit: number): Promise<{ dir: string; matches: SeenBefore[] }> {
    const dir = await this.open()
    const excludeFile = path ? this.fileOf(path, dir) : null
    return { dir, matches: await this.send<SeenBefore[]>({ op: 'seenBefore', query, excludeFile, limit }) }
  }

  async checkedBefore(path: string): Promise<{ dir: string; marks: Record<string, SeenBefore> }> {
    const dir = await this.open()
    const file = this.fileOf(path, dir)
    if (file) await this.send({ op: 'refresh', file })
    return { dir, marks: file ? await this.send<Record<string, SeenBefore>>({ op: 'checkedBefore', file }) : {} }
  }

  async record(key: string): Promise<{ dir: string; record: MemoryRecord | null }> {
    const dir = await this.open()
    return { dir, record: await this.send<MemoryRecord | null>({ op: 'get', key }) }
  }

  /** A file changed (created, imported, removed): looked at again now rather than when the watcher says so. */
  async refresh(path: string): Promise<void> {
    const dir = await this.open()
    const file = relative(dir, path).split(sep).join('/')
    if (!file.startsWith('..')) await this.send({ op: 'refresh', file })
  }

  /** The project store saved a project: its records go to the index without the file being read back. */
  projectSaved(path: string, project: Project): void {
    if (!this.worker || !this.opening) return
    const file = this.fileOf(path, this.opening.dir)
    if (!file) return
    void stat(path)
      .then((stats) =>
        this.send({ op: 'put', file, records: projectRecords(file, project), stats: { mtimeMs: stats.mtimeMs, size: stats.size } }),
      )
      .catch(() => undefined)
  }

  async flush(): Promise<void> {
    if (this.worker) await this.send({ op: 'flush' })
  }

  async close(): Promise<void> {
    for (const watcher of this.watchers) watcher.close()
    for (const timer of this.settling.values()) clearTimeout(timer)
    const worker = await this.starting?.catch(() => null)
    if (!worker) return
    await this.flush().catch(() => undefined)
    this.worker = null
    this.starting = null
    this.opening = null
    await worker.terminate()
  }
}

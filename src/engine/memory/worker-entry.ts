// The memory worker: holds the library index (library-index.ts) of one projects folder, so
// building it and matching claims never hold up the thread that answers the app. memory-service.ts
// starts it; it is its own entry in every build (out/main/memory-worker.js, out/cli/memory-worker.js).
import { parentPort } from 'node:worker_threads'
import { AppError, errorInfoOf } from '@domain/errors'
import { LibraryIndex } from './library-index'
import type { MemoryMessage, MemoryRequest } from './protocol'

let index: LibraryIndex | null = null
let building: Promise<unknown> = Promise.resolve()
const post = (message: MemoryMessage): void => parentPort?.postMessage(message)

function opened(): LibraryIndex {
  if (!index) throw new AppError('INTERNAL', 'The library index was asked before a projects folder was opened.')
  return index
}

async function answer(request: MemoryRequest): Promise<unknown> {
  switch (request.op) {
    case 'open': {
      if (index?.projectsDir === request.projectsDir) return index.progress
      await index?.close()
      const next = new LibraryIndex(request.projectsDir)
      index = next
      building = next.build((progress) => post({ type: 'progress', progress }))
      return next.progress
    }
    case 'refresh':
      await building
      return opened().refreshFile(request.file)
    case 'put':
      await building
      opened().putProjectRecords(request.file, request.records, request.stats)
      return true
    case 'find':
      await building
      return opened().find(request.query, request.filters, request.limit)
    case 'seenBefore':
      await building
      return opened().seenBefore(request.query, {
        ...(request.excludeFile ? { excludeFile: request.excludeFile } : {}),
        limit: request.limit,
      })
    case 'checkedBefore':
      await building
      return opened().checkedBefore(request.file)
    case 'get':
      await building
      return opened().get(request.key) ?? null
    case 'flush':
      await building
      await index?.close()
      return true
  }
}

// Requests are answered one at a time, in order: a save's update lands before the search after it.
let queue: Promise<void> = Promise.resolve()
parentPort?.on('message', ({ id, request }: { id: number; request: MemoryRequest }) => {
  queue = queue.then(async () => {
    try {
      post({ type: 'answer', id, value: await answer(request) })
    } catch (error) {
      post({
        type: 'failed',
        id,
        error:
          error instanceof AppError
            ? errorInfoOf(error)
            : {
                code: 'INTERNAL',
                message: `The library index hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}`,
              },
      })
    }
  })
})

import type { MatchQuery } from '@domain/memory/matcher'
import type { MemoryRecord } from '@domain/memory/records'
import type { ErrorInfo } from '@domain/errors'
import type { IndexProgress, SearchFilters } from './library-index'

/** What the engine asks the memory worker; each request gets one answer with its id. */
export type MemoryRequest =
  | { op: 'open'; projectsDir: string }
  | { op: 'refresh'; file: string }
  | { op: 'put'; file: string; records: MemoryRecord[]; stats: { mtimeMs: number; size: number } }
  | { op: 'find'; query: string; filters: SearchFilters; limit: number }
  | { op: 'seenBefore'; query: MatchQuery; excludeFile: string | null; limit: number }
  | { op: 'checkedBefore'; file: string }
  | { op: 'get'; key: string }
  | { op: 'flush' }

export type MemoryMessage =
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'answer'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: ErrorInfo }

import { join } from 'node:path'
import type { MemoryItem, SeenBeforeItem } from '@contract/memory'
import type { MemoryRecord } from '@domain/memory/records'
import type { SeenBefore } from './library-index'

/** A record as the API shows it: with the absolute path to open. */
export function itemOf(dir: string, record: MemoryRecord): MemoryItem {
  const { sourceIds: _sourceIds, ...rest } = record
  return { ...rest, path: join(dir, ...record.file.split('/')) }
}

export function seenItemOf(dir: string, seen: SeenBefore): SeenBeforeItem {
  return { ...itemOf(dir, seen.record), score: seen.score, confidence: seen.confidence, numbers: seen.numbers, names: seen.names }
}

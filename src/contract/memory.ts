import { z } from 'zod'
import { base64Limit, MAX_ARCHIVE_BYTES } from './uploads'
import { CSV_FIELDS, type CsvField } from '@domain/memory/archive'
import { MEMORY_KINDS, type MemoryKind, type MemoryRecord } from '@domain/memory/records'
import { LooseDateSchema } from '@domain/project/schema'

/** The claim memory's part of the API: library search, "seen before", archives (api.ts lists the channels). */

/**
 * One claim, source, article or archived fact-check as search and "seen before" show it: the
 * index's record (its `key` names the item for `claim:reuseCheck`) with the absolute path to open
 * (the project file's, or the archive's), without the cited sources' ids.
 */
export type MemoryItem = Omit<MemoryRecord, 'sourceIds'> & { path: string }

export interface IndexStatus {
  state: 'idle' | 'building' | 'ready'
  done: number
  total: number
  documents: number
}

export interface MemorySearchResult {
  items: (MemoryItem & { score: number })[]
  total: number
  index: IndexStatus
}

export interface SeenBeforeItem extends MemoryItem {
  score: number
  /** How much of each claim the other covers, 0–1. */
  confidence: number
  /** Figures and names both claims share, as the checker is shown why it matched. */
  numbers: string[]
  names: string[]
}

export interface ArchiveSummary {
  file: string
  name: string
  source: string
  importedAt: string
  reviews: number
}

export interface CsvColumns {
  columns: string[]
  sample: Record<string, string>[]
  guess: Partial<Record<CsvField, string>>
}

const short = (max: number) => z.string().trim().max(max)
export const SearchFiltersSchema = z.strictObject({
  kinds: z
    .array(z.enum(MEMORY_KINDS as [MemoryKind, ...MemoryKind[]]))
    .max(4)
    .optional(),
  verdict: short(200).optional(),
  status: short(40).optional(),
  language: short(10).optional(),
  checker: short(200).optional(),
  outlet: short(500).optional(),
  from: LooseDateSchema.optional(),
  to: LooseDateSchema.optional(),
})

export const MemorySearchInput = z.strictObject({
  query: z.string().max(1000),
  filters: SearchFiltersSchema.default({}),
  limit: z.number().int().min(1).max(500).default(50),
})

export const CsvMappingSchema = z.strictObject({
  ...(Object.fromEntries(CSV_FIELDS.map((f) => [f, z.string().max(300).optional()])) as Record<
    Exclude<CsvField, 'claim'>,
    z.ZodOptional<z.ZodString>
  >),
  claim: z.string().min(1, 'must name the column that holds the claims').max(300),
})

/** An archive file as the API names it: `archives/<name>.factdesk-archive.json`. */
export const ArchiveFileName = z.string().regex(/^archives\/[^/\\]+\.factdesk-archive\.json$/, 'must be an archive of the projects folder')

/** A file to import as an archive, read by the UI: 200 MB at most. */
export const ArchiveUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  dataBase64: z.base64().max(base64Limit(MAX_ARCHIVE_BYTES), 'the file is over the 200 MB archive limit'),
})

export const ReuseFrom = z.strictObject({ key: z.string().min(1).max(2000) })

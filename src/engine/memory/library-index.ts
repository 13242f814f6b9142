import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { ARCHIVE_SUFFIX } from '@domain/memory/archive'
import { nameKeys, numberTerms, queryWords, terms } from '@domain/memory/analyze'
import { MemoryIndex, type Match, type MatchQuery } from '@domain/memory/matcher'
import { isCheck, matchDocOf, projectRecords, archiveRecords, type MemoryKind, type MemoryRecord } from '@domain/memory/records'
import { isProjectFileName } from '../library'
import { readProjectFile } from '../project-store'
import { readArchiveFile, ARCHIVES_DIR } from './archive-files'
import { ALL_BUCKETS, bucketOf, readCache, writeBuckets, type CachedFile } from './shards'

// Library search: MiniSearch 7.2 (MIT). On 230,000 generated documents it built and answered where
// FlexSearch 0.8 and Orama 3.1 did not finish the same run in 400 s (docs/claim-memory.md), though
// still far from the bench's targets at that size. It ranks by BM25 with field boosts (what
// "closest first" needs; FlexSearch scores by word position only), takes nested AND/OR queries (a
// word OR its transliterated name, AND the next word), searches prefixes as the checker types, and
// adds and discards one project's documents cheaply on a save. Terms come from analyze.ts (stems,
// folding, numbers, name keys), so MiniSearch only splits on spaces.

export interface SearchFilters {
  kinds?: MemoryKind[]
  verdict?: string
  status?: string
  language?: string
  checker?: string
  outlet?: string
  /** ISO dates, inclusive; compared with the record's date. */
  from?: string
  to?: string
}

export interface IndexProgress {
  state: 'idle' | 'building' | 'ready'
  done: number
  total: number
  documents: number
}

export interface SeenBefore {
  record: MemoryRecord
  score: number
  /** How much of each claim the other covers, 0–1: what "checked before" marks rest on. */
  confidence: number
  numbers: string[]
  names: string[]
}

const SEARCH_FIELDS = ['text', 'title', 'rationale', 'names', 'people'] as const
const BOOST = { text: 1, title: 0.7, rationale: 0.4, names: 0.8, people: 0.5 }
/** A proposal is marked "checked before" when an earlier check covers this much of it and it of that. */
export const CHECKED_BEFORE_CONFIDENCE = 0.55
/** Below this a "seen before" candidate shares too little to show. */
const SHOWN_CONFIDENCE = 0.2
const FLUSH_MS = 1000

const joined = (list: string[]): string => list.join(' ')

function analysedField(record: MemoryRecord, field: string): string {
  const language = record.language === 'und' ? undefined : record.language
  switch (field) {
    case 'text':
      return joined([...terms(record.text, language), ...numberTerms(record.text)])
    case 'title':
      return joined(terms(record.title, language))
    case 'rationale':
      return joined([...terms(record.rationale, language), ...numberTerms(record.rationale)])
    case 'names':
      return joined(nameKeys(`${record.text} ${record.title} ${record.claimant}`, language))
    case 'people':
      return joined(terms(`${record.claimant} ${record.outlet} ${record.checker}`, language))
    case 'id':
      return record.key
    default:
      return ''
  }
}

function newSearch(): MiniSearch<MemoryRecord> {
  const split = (text: string): string[] => (text ? text.split(' ') : [])
  return new MiniSearch<MemoryRecord>({
    idField: 'key',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    extractField: (record, field) => (field === 'key' ? record.key : analysedField(record, field)),
    tokenize: split,
    processTerm: (term) => term || null,
    searchOptions: { tokenize: split, processTerm: (term) => term || null },
  })
}

function inRange(date: string, from?: string, to?: string): boolean {
  if (!from && !to) return true
  if (!date) return false
  return (!from || date >= from) && (!to || date.slice(0, to.length) <= to)
}

export function passes(record: MemoryRecord, f: SearchFilters): boolean {
  const same = (a: string, b: string | undefined): boolean => !b || a.toLowerCase() === b.toLowerCase()
  return (
    (!f.kinds?.length || f.kinds.includes(record.kind)) &&
    same(record.verdict, f.verdict) &&
    same(record.status, f.status) &&
    same(record.language, f.language) &&
    (!f.checker || record.checker.toLowerCase().includes(f.checker.toLowerCase())) &&
    (!f.outlet || record.outlet.toLowerCase().includes(f.outlet.toLowerCase())) &&
    inRange(record.date, f.from, f.to)
  )
}

/**
 * Every project's claims, sources and article, and every imported archive's fact-checks, in one
 * index over a projects folder: full-text search with filters, and "seen before" through the claim
 * matcher. Kept up to date file by file (a save, a change on disk), cached in `.factdesk/index/`.
 * It runs in the memory worker (memory-service.ts) in the apps, in-process in the CLI.
 */
export class LibraryIndex {
  private readonly records = new Map<string, MemoryRecord>()
  private readonly files = new Map<string, CachedFile>()
  private readonly matcher = new MemoryIndex()
  private search = newSearch()
  private readonly dirty = new Set<number>()
  private flushTimer: NodeJS.Timeout | null = null
  private flushing: Promise<void> = Promise.resolve()
  progress: IndexProgress = { state: 'idle', done: 0, total: 0, documents: 0 }

  constructor(readonly projectsDir: string) {}

  get size(): number {
    return this.records.size
  }

  /** Project and archive files in the folder, relative to it. */
  private async listFiles(): Promise<string[]> {
    const projects = (await readdir(this.projectsDir).catch(() => [] as string[])).filter(isProjectFileName)
    const archives = (await readdir(join(this.projectsDir, ARCHIVES_DIR)).catch(() => [] as string[]))
      .filter((n) => n.endsWith(ARCHIVE_SUFFIX) && !n.startsWith('.'))
      .map((n) => `${ARCHIVES_DIR}/${n}`)
    return [...projects, ...archives]
  }

  /** The records of one file as it is on disk now; null when it is gone or unreadable (left out, like the library list does). */
  private async readRecords(file: string): Promise<CachedFile | null> {
    const path = join(this.projectsDir, file)
    try {
      const stats = await stat(path)
      const records = file.startsWith(`${ARCHIVES_DIR}/`)
        ? archiveRecords(file, await readArchiveFile(path))
        : projectRecords(file, (await readProjectFile(path)).project)
      return { mtimeMs: stats.mtimeMs, size: stats.size, records }
    } catch {
      return null
    }
  }

  /** Builds the index: cached entries whose file is unchanged, the rest read again. */
  async build(onProgress?: (progress: IndexProgress) => void): Promise<IndexProgress> {
    const files = await this.listFiles()
    const cache = await readCache(this.projectsDir)
    this.progress = { state: 'building', done: 0, total: files.length, documents: 0 }
    onProgress?.(this.progress)
    const present = new Set(files)
    for (const file of [...this.files.keys()]) if (!present.has(file)) this.removeFile(file)
    let next = 0
    const step = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++] as string
        const stats = await stat(join(this.projectsDir, file)).catch(() => null)
        const cached = cache.get(file)
        const entry =
          stats && cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size ? cached : await this.readRecords(file)
        if (entry) {
          this.putFile(file, entry, entry !== cached)
        }
        this.progress = { ...this.progress, done: this.progress.done + 1, documents: this.records.size }
        if (this.progress.done % 200 === 0) onProgress?.(this.progress)
      }
    }
    await Promise.all(Array.from({ length: 8 }, step))
    // Entries of files no longer there leave the cache too.
    for (const file of cache.keys()) if (!present.has(file)) this.dirty.add(bucketOf(file))
    this.progress = { state: 'ready', done: files.length, total: files.length, documents: this.records.size }
    onProgress?.(this.progress)
    this.scheduleFlush()
    return this.progress
  }

  /** Puts one file's records in place of what the index had from it. */
  putFile(file: string, entry: CachedFile, changed = true): void {
    this.removeFile(file, false)
    this.files.set(file, entry)
    for (const record of entry.records) {
      this.records.set(record.key, record)
      this.search.add(record)
      if (isCheck(record)) this.matcher.add(matchDocOf(record))
    }
    if (changed) {
      this.dirty.add(bucketOf(file))
      this.scheduleFlush()
    }
  }

  removeFile(file: string, persist = true): void {
    const entry = this.files.get(file)
    if (!entry) return
    for (const record of entry.records) {
      this.records.delete(record.key)
      this.search.discard(record.key)
      this.matcher.remove(record.key)
    }
    this.files.delete(file)
    if (persist) {
      this.dirty.add(bucketOf(file))
      this.scheduleFlush()
    }
  }

  /** Re-reads one file if it changed on disk (a save, a git pull, a sync client), or drops it when gone. */
  async refreshFile(file: string): Promise<boolean> {
    const stats = await stat(join(this.projectsDir, file)).catch(() => null)
    if (!stats) {
      const had = this.files.has(file)
      this.removeFile(file)
      return had
    }
    const known = this.files.get(file)
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return false
    const entry = await this.readRecords(file)
    if (entry) this.putFile(file, entry)
    else this.removeFile(file)
    return true
  }

  /** A project as just saved: its records replace the old ones without reading the file back. */
  putProjectRecords(file: string, records: MemoryRecord[], stats: { mtimeMs: number; size: number }): void {
    this.putFile(file, { ...stats, records })
  }

  get(key: string): MemoryRecord | undefined {
    return this.records.get(key)
  }

  /** Full-text search with filters: every word (in any of its forms, or as a name in any script) must match. */
  find(query: string, filters: SearchFilters = {}, limit = 50): { hits: { record: MemoryRecord; score: number }[]; total: number } {
    const words = queryWords(query)
    const numbers = numberTerms(query)
    const accept = (r: SearchResult): boolean => {
      const record = this.records.get(r.id as string)
      return record !== undefined && passes(record, filters)
    }
    if (!words.length && !numbers.length) {
      // No words: the filters alone list the most recent items.
      const hits = [...this.records.values()].filter((r) => passes(r, filters)).sort((a, b) => b.date.localeCompare(a.date))
      return { hits: hits.slice(0, limit).map((record) => ({ record, score: 0 })), total: hits.length }
    }
    const clauses: Query[] = words.map((w, i) => ({
      combineWith: 'OR',
      queries: [
        { queries: [w.term], fields: ['text', 'title', 'rationale', 'people'], prefix: i === words.length - 1 && w.term.length >= 3 },
        ...(w.name ? [{ queries: [w.name], fields: ['names'] }] : []),
      ],
    }))
    for (const n of numbers) clauses.push({ queries: [n], fields: ['text', 'rationale'] })
    const results = this.search.search({ combineWith: 'AND', queries: clauses }, { boost: BOOST, filter: accept })
    return {
      hits: results.slice(0, limit).map((r) => ({ record: this.records.get(r.id as string) as MemoryRecord, score: r.score })),
      total: results.length,
    }
  }

  /** The closest earlier checks to a claim, from other projects and the archives. */
  seenBefore(query: MatchQuery, { excludeFile, limit = 8 }: { excludeFile?: string; limit?: number } = {}): SeenBefore[] {
    const matches = this.matcher.match(query, {
      limit: limit * 3,
      ...(excludeFile ? { filter: (key: string) => this.records.get(key)?.file !== excludeFile } : {}),
    })
    return matches
      .map((m) => this.toSeen(m))
      .filter((s): s is SeenBefore => s !== null && s.confidence >= SHOWN_CONFIDENCE)
      .slice(0, limit)
  }

  private toSeen(m: Match): SeenBefore | null {
    const record = this.records.get(m.id)
    if (!record) return null
    return { record, score: m.score, confidence: m.confidence, numbers: m.reasons.numbers, names: m.reasons.names }
  }

  /** Every claim of a project that an earlier check covers closely, with that check. */
  checkedBefore(file: string): Record<string, SeenBefore> {
    const marks: Record<string, SeenBefore> = {}
    for (const record of this.files.get(file)?.records ?? []) {
      if (record.kind !== 'claim') continue
      const [best] = this.seenBefore(
        {
          text: record.text,
          date: record.date || null,
          speaker: record.claimant || null,
          language: record.language === 'und' ? null : record.language,
        },
        { excludeFile: file, limit: 1 },
      )
      if (best && best.confidence >= CHECKED_BEFORE_CONFIDENCE) marks[record.itemId] = best
    }
    return marks
  }

  /** A file's records as the index has them. */
  recordsOf(file: string): MemoryRecord[] {
    return this.files.get(file)?.records ?? []
  }

  private scheduleFlush(): void {
    if (this.flushTimer || !this.dirty.size) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      void this.flush()
    }, FLUSH_MS)
    this.flushTimer.unref()
  }

  /** Writes the cache's changed buckets now. */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const buckets = [...this.dirty]
    this.dirty.clear()
    this.flushing = this.flushing
      .then(() => (buckets.length ? writeBuckets(this.projectsDir, buckets, this.files) : undefined))
      .catch(() => {
        // The cache is only a cache: a folder that cannot be written means a rebuild next time.
      })
    await this.flushing
  }

  /** Makes the whole cache again: every bucket. */
  async rewriteCache(): Promise<void> {
    for (const b of ALL_BUCKETS) this.dirty.add(b)
    await this.flush()
  }
}

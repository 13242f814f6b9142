import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_SUFFIX } from '@domain/memory/archive'
import { nameKeys, numberTerms, queryWords, terms } from '@domain/memory/analyze'
import { MemoryIndex, type Match, type MatchQuery } from '@domain/memory/matcher'
import { isCheck, matchDocOf, projectRecords, archiveRecords, type MemoryKind, type MemoryRecord } from '@domain/memory/records'
import { Interner, SearchIndex, topK, type Field, type QueryTerm } from './search-index'
import { isProjectFileName } from '../library'
import { readProjectFile } from '../project-store'
import { readArchiveFile, ARCHIVES_DIR } from './archive-files'
import { ALL_BUCKETS, bucketOf, readCache, writeBuckets, type CachedFile } from './shards'

// Library search: an inverted index over typed arrays (search-index.ts; why not MiniSearch is said
// there), fed with terms from analyze.ts (stems, folding, numbers, name keys), each record analysed
// once. "Seen before" is the claim matcher (matcher.ts) over the checks alone.

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

/** A proposal is marked "checked before" when an earlier check covers this much of it and it of that. */
export const CHECKED_BEFORE_CONFIDENCE = 0.55
/** Below this a "seen before" candidate shares too little to show. */
const SHOWN_CONFIDENCE = 0.2
const FLUSH_MS = 1000
const SEARCHED_IN: readonly Field[] = ['text', 'title', 'rationale', 'people']
const KIND_CODES: Record<MemoryKind, number> = { claim: 0, source: 1, article: 2, review: 3 }

/**
 * A record's terms in each search field (search-index.ts FIELDS), analysed once. The title and the
 * people of a project's claims are the same for all of them, so `seen` keeps what a file's records
 * share from being analysed twenty times.
 */
export function analyseRecord(record: MemoryRecord, seen = new Map<string, string[]>()): string[][] {
  const language = record.language === 'und' ? undefined : record.language
  const once = (key: string, make: () => string[]): string[] => {
    let value = seen.get(key)
    if (!value) seen.set(key, (value = make()))
    return value
  }
  return [
    [...terms(record.text, language), ...numberTerms(record.text)],
    once(`t\u0000${language}\u0000${record.title}`, () => terms(record.title, language)),
    record.rationale ? [...terms(record.rationale, language), ...numberTerms(record.rationale)] : [],
    nameKeys(`${record.text} ${record.title} ${record.claimant}`, language),
    once(`p\u0000${language}\u0000${record.claimant}\u0000${record.outlet}\u0000${record.checker}`, () =>
      terms(`${record.claimant} ${record.outlet} ${record.checker}`, language),
    ),
  ]
}
/** Per-document data the filters ask about, as numbers: what stays in memory for every record. */
class Facets {
  kind = new Uint8Array(0)
  /** Whether the matcher holds it (a claim someone checked, an archived fact-check). */
  check = new Uint8Array(0)
  readonly strings = {
    verdict: new Interner(),
    status: new Interner(),
    language: new Interner(),
    checker: new Interner(),
    outlet: new Interner(),
    date: new Interner(),
  }
  readonly codes = {
    verdict: new Uint32Array(0),
    status: new Uint32Array(0),
    language: new Uint32Array(0),
    checker: new Uint32Array(0),
    outlet: new Uint32Array(0),
    date: new Uint32Array(0),
  }

  set(slot: number, record: MemoryRecord): void {
    this.kind = growTo(this.kind, slot + 1)
    this.check = growTo(this.check, slot + 1)
    this.kind[slot] = KIND_CODES[record.kind]
    this.check[slot] = isCheck(record) ? 1 : 0
    for (const name of FACET_NAMES) {
      this.codes[name] = growTo(this.codes[name], slot + 1)
      this.codes[name][slot] = this.strings[name].id(record[name])
    }
  }

  /** Moves every slot's data to its new slot after a compaction. */
  renumber(renumber: Int32Array, size: number): void {
    const move = <T extends Uint8Array | Uint32Array>(from: T): T => {
      const to = new (from.constructor as new (n: number) => T)(size)
      renumber.forEach((slot, old) => {
        if (slot >= 0) to[slot] = from[old] as number
      })
      return to
    }
    this.kind = move(this.kind)
    this.check = move(this.check)
    for (const name of FACET_NAMES) this.codes[name] = move(this.codes[name])
  }

  /** The filters as one test per slot: each distinct verdict, outlet, date… is judged once, not per record. */
  accept(f: SearchFilters): (slot: number) => boolean {
    const lower = (v: string | undefined): string | undefined => v?.toLowerCase()
    const tests: [keyof Facets['codes'], (value: string) => boolean][] = []
    const verdict = lower(f.verdict)
    const status = lower(f.status)
    const language = lower(f.language)
    const checker = lower(f.checker)
    const outlet = lower(f.outlet)
    if (verdict) tests.push(['verdict', (v) => v.toLowerCase() === verdict])
    if (status) tests.push(['status', (v) => v.toLowerCase() === status])
    if (language) tests.push(['language', (v) => v.toLowerCase() === language])
    if (checker) tests.push(['checker', (v) => v.toLowerCase().includes(checker)])
    if (outlet) tests.push(['outlet', (v) => v.toLowerCase().includes(outlet)])
    if (f.from || f.to) tests.push(['date', (v) => inRange(v, f.from, f.to)])
    const tables = tests.map(([name, test]) => ({
      codes: this.codes[name],
      ok: Uint8Array.from(this.strings[name].values, (v) => (test(v) ? 1 : 0)),
    }))
    const kinds = f.kinds?.length ? new Set(f.kinds.map((k) => KIND_CODES[k])) : null
    return (slot) => (!kinds || kinds.has(this.kind[slot] as number)) && tables.every((t) => t.ok[t.codes[slot] as number] === 1)
  }
}

const FACET_NAMES = ['verdict', 'status', 'language', 'checker', 'outlet', 'date'] as const

function growTo<T extends Uint8Array | Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array
  const next = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2, 1024))
  next.set(array)
  return next
}

function inRange(date: string, from?: string, to?: string): boolean {
  if (!from && !to) return true
  if (!date) return false
  return (!from || date >= from) && (!to || date.slice(0, to.length) <= to)
}

interface FileEntry {
  mtimeMs: number
  size: number
  /** Its records' slots in the search index: a file's records are added together, so they are a run. */
  first: number
  count: number
}

/** A compaction renumbers every slot; it waits until this many removed documents have piled up (and a quarter of the index). */
const COMPACT_AFTER = 5000

/**
 * Every project's claims, sources and article, and every imported archive's fact-checks, in one
 * index over a projects folder: full-text search with filters, and "seen before" through the claim
 * matcher. Kept up to date file by file (a save, a change on disk), cached in `.factdesk/index/`.
 * It runs in the memory worker (memory-service.ts) in the apps, in-process in the CLI.
 */
export class LibraryIndex {
  private readonly files = new Map<string, FileEntry>()
  private readonly search = new SearchIndex()
  private readonly facets = new Facets()
  private records: (MemoryRecord | null)[] = []
  private readonly matcher = new MemoryIndex()
  private readonly dirty = new Set<number>()
  private flushTimer: NodeJS.Timeout | null = null
  private flushing: Promise<void> = Promise.resolve()
  progress: IndexProgress = { state: 'idle', done: 0, total: 0, documents: 0 }

  constructor(readonly projectsDir: string) {}

  get size(): number {
    return this.search.size
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
        this.progress = { ...this.progress, done: this.progress.done + 1, documents: this.size }
        if (this.progress.done % 200 === 0) onProgress?.(this.progress)
      }
    }
    await Promise.all(Array.from({ length: 8 }, step))
    this.search.trim()
    // Entries of files no longer there leave the cache too.
    for (const file of cache.keys()) if (!present.has(file)) this.dirty.add(bucketOf(file))
    this.progress = { state: 'ready', done: files.length, total: files.length, documents: this.size }
    onProgress?.(this.progress)
    this.scheduleFlush()
    return this.progress
  }

  /** Puts one file's records in place of what the index had from it. */
  putFile(file: string, entry: CachedFile, changed = true): void {
    this.removeFile(file, false)
    const seen = new Map<string, string[]>()
    let first = -1
    for (const record of entry.records) {
      const slot = this.search.add(analyseRecord(record, seen))
      if (first < 0) first = slot
      this.facets.set(slot, record)
      this.records[slot] = record
      if (isCheck(record)) this.matcher.add(matchDocOf(record))
    }
    this.files.set(file, { mtimeMs: entry.mtimeMs, size: entry.size, first: first < 0 ? 0 : first, count: entry.records.length })
    if (changed) {
      this.dirty.add(bucketOf(file))
      this.scheduleFlush()
    }
  }

  removeFile(file: string, persist = true): void {
    const entry = this.files.get(file)
    if (!entry) return
    for (const slot of this.slotsOf(entry)) {
      const record = this.records[slot]
      if (record && this.facets.check[slot]) this.matcher.remove(record.key)
      this.search.remove(slot)
      this.records[slot] = null
    }
    this.files.delete(file)
    if (this.search.dead > COMPACT_AFTER && this.search.dead > this.search.capacity / 4) this.compact()
    if (persist) {
      this.dirty.add(bucketOf(file))
      this.scheduleFlush()
    }
  }

  private slotsOf(entry: FileEntry): number[] {
    return Array.from({ length: entry.count }, (_, i) => entry.first + i)
  }

  private compact(): void {
    const renumber = this.search.compact()
    this.facets.renumber(renumber, this.search.capacity)
    const records: (MemoryRecord | null)[] = []
    renumber.forEach((slot, old) => {
      if (slot >= 0) records[slot] = this.records[old] ?? null
    })
    this.records = records
    for (const entry of this.files.values()) if (entry.count) entry.first = renumber[entry.first] as number
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

  private recordAt(slot: number): MemoryRecord {
    return this.records[slot] as MemoryRecord
  }

  get(key: string): MemoryRecord | undefined {
    const entry = this.files.get(key.slice(0, key.lastIndexOf('#')))
    if (!entry) return undefined
    for (const slot of this.slotsOf(entry)) {
      const record = this.recordAt(slot)
      if (record.key === key) return record
    }
    return undefined
  }

  /** Full-text search with filters: every word (in any of its forms, or as a name in any script) must match. */
  find(query: string, filters: SearchFilters = {}, limit = 50): { hits: { record: MemoryRecord; score: number }[]; total: number } {
    const words = queryWords(query)
    const numbers = numberTerms(query)
    const accept = this.facets.accept(filters)
    if (!words.length && !numbers.length) return this.latest(accept, limit)
    const clauses: QueryTerm[][] = words.map((w, i) => [
      { term: w.term, fields: SEARCHED_IN, prefix: i === words.length - 1 && w.term.length >= 3 },
      ...(w.name ? [{ term: w.name, fields: ['names'] as const }] : []),
    ])
    for (const n of numbers) clauses.push([{ term: n, fields: ['text', 'rationale'] }])
    const { hits, total } = this.search.search(clauses, accept, limit)
    return { hits: hits.map((h) => ({ record: this.recordAt(h.slot), score: h.score })), total }
  }

  /** No words: the filters alone list the most recent items. */
  private latest(accept: (slot: number) => boolean, limit: number): { hits: { record: MemoryRecord; score: number }[]; total: number } {
    const dates = this.facets.strings.date.values
    // Dates are ranked once (a few thousand distinct ones), so the documents compare by number.
    const rank = new Float64Array(dates.length)
    ;[...dates.keys()].sort((a, b) => ((dates[a] as string) < (dates[b] as string) ? -1 : 1)).forEach((code, i) => (rank[code] = i))
    const hits: { slot: number; score: number }[] = []
    for (let slot = 0; slot < this.search.capacity; slot++) {
      if (this.search.isAlive(slot) && accept(slot)) hits.push({ slot, score: rank[this.facets.codes.date[slot] as number] as number })
    }
    return { hits: topK(hits, limit).map((h) => ({ record: this.recordAt(h.slot), score: 0 })), total: hits.length }
  }

  /** The closest earlier checks to a claim, from other projects and the archives. */
  seenBefore(query: MatchQuery, { excludeFile, limit = 8 }: { excludeFile?: string; limit?: number } = {}): SeenBefore[] {
    const prefix = excludeFile ? `${excludeFile}#` : null
    const matches = this.matcher.match(query, {
      limit: limit * 3,
      ...(prefix ? { filter: (key: string) => !key.startsWith(prefix) } : {}),
    })
    return matches
      .map((m) => this.toSeen(m))
      .filter((s): s is SeenBefore => s !== null && s.confidence >= SHOWN_CONFIDENCE)
      .slice(0, limit)
  }

  private toSeen(m: Match): SeenBefore | null {
    const record = this.get(m.id)
    if (!record) return null
    return { record, score: m.score, confidence: m.confidence, numbers: m.reasons.numbers, names: m.reasons.names }
  }

  /** Every claim of a project that an earlier check covers closely, with that check. */
  checkedBefore(file: string): Record<string, SeenBefore> {
    const marks: Record<string, SeenBefore> = {}
    for (const record of this.recordsOf(file)) {
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
    const entry = this.files.get(file)
    return entry ? this.slotsOf(entry).map((slot) => this.recordAt(slot)) : []
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
    const files = new Map<string, CachedFile>()
    for (const [file, entry] of this.files) files.set(file, { mtimeMs: entry.mtimeMs, size: entry.size, records: this.recordsOf(file) })
    this.flushing = this.flushing
      .then(() => (buckets.length ? writeBuckets(this.projectsDir, buckets, files) : undefined))
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

import { mkdirSync, mkdtempSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ARCHIVE_SUFFIX } from '@domain/memory/archive'
import { grown } from '@domain/typed-arrays'
import { clearAnalysisCaches, nameKeys, numberTerms, queryWords, terms } from '@domain/memory/analyze'
import { MemoryIndex, type Match, type MatchQuery } from '@domain/memory/matcher'
import {
  archiveRecords,
  IndexedProjectSchema,
  isCheck,
  matchDocOf,
  projectRecords,
  type MemoryKind,
  type MemoryRecord,
} from '@domain/memory/records'
import { Interner, SearchIndex, TopK, type Field, type QueryTerm, type SearchIndexState } from './search-index'
import { isProjectFileName } from '../library'
import { readProjectPart } from '../project-store'
import { readArchiveFile, ARCHIVES_DIR } from './archive-files'
import { indexDir, readCache, removeOldRecordFiles, uniqueName, writeCache, type CachedArray } from './index-cache'
import { RecordStore } from './record-store'

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
/** A build's cache is written this soon after it ends. */
const FLUSH_MS = 1000
const SEARCHED_IN: readonly Field[] = ['text', 'title', 'rationale', 'people']
const KIND_CODES: Record<MemoryKind, number> = { claim: 0, source: 1, article: 2, review: 3 }
/** A key's kind by the letter after its '#' (records.ts: `#a`, `#c:`, `#s:`, `#r:`). */
const KEY_KINDS: Record<string, number> = { a: 2, c: 0, s: 1, r: 3 }

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
    // The names of text, title and claimant: taken apart, so a project's one title is read once, not per claim.
    [
      ...new Set([
        ...nameKeys(record.text, language),
        ...once(`n\u0000${language}\u0000${record.title}`, () => nameKeys(record.title, language)),
        ...(record.claimant ? nameKeys(record.claimant, language) : []),
      ]),
    ],
    once(`p\u0000${language}\u0000${record.claimant}\u0000${record.outlet}\u0000${record.checker}`, () =>
      terms(`${record.claimant} ${record.outlet} ${record.checker}`, language),
    ),
  ]
}
/** Per-document data the filters ask about, as numbers: what stays in memory for every record. */
class Facets {
  kind: Uint8Array<ArrayBuffer> = new Uint8Array(0)
  /** Whether the matcher holds it (a claim someone checked, an archived fact-check). */
  check: Uint8Array<ArrayBuffer> = new Uint8Array(0)
  readonly interned = {
    verdict: new Interner(),
    status: new Interner(),
    language: new Interner(),
    checker: new Interner(),
    outlet: new Interner(),
    date: new Interner(),
  }
  readonly codes: Record<FacetName, Uint32Array<ArrayBuffer>> = {
    verdict: new Uint32Array(0),
    status: new Uint32Array(0),
    language: new Uint32Array(0),
    checker: new Uint32Array(0),
    outlet: new Uint32Array(0),
    date: new Uint32Array(0),
  }

  static restore(strings: Record<FacetName, string[]>, arrays: Record<string, CachedArray>): Facets {
    const facets = new Facets()
    facets.kind = arrays.kind as Uint8Array<ArrayBuffer>
    facets.check = arrays.check as Uint8Array<ArrayBuffer>
    for (const name of FACET_NAMES) {
      for (const value of strings[name]) facets.interned[name].id(value)
      facets.codes[name] = arrays[`facet-${name}`] as Uint32Array<ArrayBuffer>
    }
    return facets
  }

  strings(): Record<FacetName, string[]> {
    return Object.fromEntries(FACET_NAMES.map((name) => [name, [...this.interned[name].values]])) as Record<FacetName, string[]>
  }

  arrays(slots: number): Record<string, CachedArray> {
    return {
      kind: this.kind.slice(0, slots),
      check: this.check.slice(0, slots),
      ...Object.fromEntries(FACET_NAMES.map((name) => [`facet-${name}`, this.codes[name].slice(0, slots)])),
    }
  }

  set(slot: number, record: MemoryRecord): void {
    this.kind = grown(this.kind, slot + 1, PER_SLOT)
    this.check = grown(this.check, slot + 1, PER_SLOT)
    this.kind[slot] = KIND_CODES[record.kind]
    this.check[slot] = isCheck(record) ? 1 : 0
    for (const name of FACET_NAMES) {
      this.codes[name] = grown(this.codes[name], slot + 1, PER_SLOT)
      this.codes[name][slot] = this.interned[name].id(record[name])
    }
  }

  /** Moves every slot's data to its new slot after a compaction. */
  renumber(renumber: Int32Array, size: number): void {
    this.kind = moved(this.kind, renumber, size)
    this.check = moved(this.check, renumber, size)
    for (const name of FACET_NAMES) this.codes[name] = moved(this.codes[name], renumber, size)
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
      ok: Uint8Array.from(this.interned[name].values, (v) => (test(v) ? 1 : 0)),
    }))
    const kinds = f.kinds?.length ? new Set(f.kinds.map((k) => KIND_CODES[k])) : null
    return (slot) => (!kinds || kinds.has(this.kind[slot] as number)) && tables.every((t) => t.ok[t.codes[slot] as number] === 1)
  }
}

/** Per-record arrays start with room for a thousand records (a library has at least a few hundred). */
const PER_SLOT = { minimum: 1024 }

const FACET_NAMES = ['verdict', 'status', 'language', 'checker', 'outlet', 'date'] as const
type FacetName = (typeof FACET_NAMES)[number]

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

/** What a file's records were before the index took them in: what `putFile` is given. */
export interface FileRecords {
  mtimeMs: number
  size: number
  records: MemoryRecord[]
}

/** What index.json holds besides the arrays (index-cache.ts). */
interface CachedIndex {
  terms: string[]
  /** The search index's postings segments among the arrays. */
  segments: number
  slots: number
  live: number
  fieldTotals: number[]
  stores: string[]
  strings: Record<(typeof FACET_NAMES)[number], string[]>
  files: [file: string, mtimeMs: number, size: number, first: number, count: number][]
}

/** A compaction renumbers every slot; it waits until this many removed documents have piled up (and a quarter of the index). */
const COMPACT_AFTER = 5000
/** The whole index is written to the cache this long after the last change (and when the index is flushed or closed). */
const SNAPSHOT_MS = 30_000
/** Record files are rewritten into one when there are more than this many, or they hold twice what is live. */
const MAX_STORES = 4

/**
 * Every project's claims, sources and article, and every imported archive's fact-checks, in one
 * index over a projects folder: full-text search with filters, and "seen before" through the claim
 * matcher. Kept up to date file by file (a save, a change on disk), cached in `.factdesk/index/`.
 * It runs in the memory worker (memory-service.ts) in the apps, in-process in the CLI.
 *
 * In memory per record: its postings, its filter values as numbers (Facets) and where its display
 * fields are on disk (RecordStore); the matcher holds the checks' own terms.
 */
export class LibraryIndex {
  private readonly files = new Map<string, FileEntry>()
  private search = new SearchIndex()
  private facets = new Facets()
  private readonly matcher = new MemoryIndex()
  private stores: RecordStore[] = []
  private storeNames: string[] = []
  private writer: RecordStore | null = null
  private storeOf = new Uint8Array(0)
  private offsets = new Float64Array(0)
  private lengths = new Uint32Array(0)
  private changed = false
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
  private async readRecords(file: string, known?: { mtimeMs: number; size: number }): Promise<FileRecords | null> {
    const path = join(this.projectsDir, file)
    try {
      const stats = known ?? (await stat(path))
      const records = file.startsWith(`${ARCHIVES_DIR}/`)
        ? archiveRecords(file, await readArchiveFile(path))
        : projectRecords(file, await readProjectPart(path, IndexedProjectSchema))
      return { mtimeMs: stats.mtimeMs, size: stats.size, records }
    } catch {
      return null
    }
  }

  /**
   * Builds the index: from the cache where it has the file at its present size and time (the
   * matcher's checks read back from the record files), the rest read again.
   */
  async build(onProgress?: (progress: IndexProgress) => void): Promise<IndexProgress> {
    const files = await this.listFiles()
    this.progress = { state: 'building', done: 0, total: files.length, documents: 0 }
    onProgress?.(this.progress)
    const cached = this.files.size ? new Set<string>() : await this.restore()
    const present = new Set(files)
    for (const file of [...this.files.keys()]) {
      if (present.has(file)) continue
      if (cached.has(file)) this.forget(file)
      else this.removeFile(file)
    }
    // Cached files first, in the order their records were written, so the record files are read front to back.
    const order = files
      .map((file) => ({ file, first: cached.has(file) ? (this.files.get(file)?.first ?? 0) : Infinity }))
      .sort((x, y) => x.first - y.first)
      .map((x) => x.file)
    let next = 0
    const step = async (): Promise<void> => {
      while (next < order.length) {
        const file = order[next++] as string
        const stats = await stat(join(this.projectsDir, file)).catch(() => null)
        const known = this.files.get(file)
        if (stats && known && cached.has(file) && known.mtimeMs === stats.mtimeMs && known.size === stats.size) {
          this.adopt(known)
        } else {
          if (cached.has(file)) this.forget(file)
          const entry = stats ? await this.readRecords(file, stats) : null
          if (entry) this.putFile(file, entry)
          else this.removeFile(file)
        }
        this.progress = { ...this.progress, done: this.progress.done + 1, documents: this.size }
        if (this.progress.done % 200 === 0) onProgress?.(this.progress)
      }
    }
    await Promise.all(Array.from({ length: 8 }, step))
    this.search.tidy()
    clearAnalysisCaches()
    this.progress = { state: 'ready', done: files.length, total: files.length, documents: this.size }
    onProgress?.(this.progress)
    if (this.changed) this.scheduleFlush(FLUSH_MS)
    return this.progress
  }

  /** The index as the cache has it, without the matcher's checks (added file by file by `adopt`); the files it has. */
  private async restore(): Promise<Set<string>> {
    const cache = await readCache(this.projectsDir)
    if (!cache) return new Set()
    // Whatever index.json holds is checked against the arrays below; a mismatch means a rebuild.
    const value = cache.value as CachedIndex
    const { arrays } = cache
    const opened: RecordStore[] = []
    try {
      for (const name of value.stores) opened.push(new RecordStore(join(indexDir(this.projectsDir), name), false))
      const search = SearchIndex.restore({
        terms: value.terms,
        segments: value.segments,
        slots: value.slots,
        live: value.live,
        fieldTotals: value.fieldTotals,
        arrays: arrays as unknown as SearchIndexState['arrays'],
      })
      const facets = Facets.restore(value.strings, arrays)
      const storeOf = arrays.storeOf as Uint8Array<ArrayBuffer>
      const offsets = arrays.offsets as Float64Array<ArrayBuffer>
      const lengths = arrays.recordLengths as Uint32Array<ArrayBuffer>
      if (storeOf.length !== value.slots || offsets.length !== value.slots || lengths.length !== value.slots)
        throw new Error('inconsistent')
      this.search = search
      this.facets = facets
      this.storeOf = storeOf
      this.offsets = offsets
      this.lengths = lengths
      this.stores = opened
      this.storeNames = [...value.stores]
      for (const [file, mtimeMs, size, first, count] of value.files) this.files.set(file, { mtimeMs, size, first, count })
      return new Set(this.files.keys())
    } catch {
      for (const store of opened) store.close()
      return new Set()
    }
  }

  /** A cached file's checks join the matcher (its records are already in the search index). */
  private adopt(entry: FileEntry): void {
    for (const slot of this.slotsOf(entry)) {
      if (this.facets.check[slot] && this.search.isAlive(slot)) {
        const store = this.stores[this.storeOf[slot] as number] as RecordStore
        this.matcher.add(matchDocOf(store.readAhead(this.offsets[slot] as number, this.lengths[slot] as number)))
      }
    }
  }

  /** Takes a cached file's records out of the search index before its new ones go in (the matcher never had them). */
  private forget(file: string): void {
    const entry = this.files.get(file)
    if (!entry) return
    for (const slot of this.slotsOf(entry)) this.search.remove(slot)
    this.files.delete(file)
    this.changed = true
  }

  private writable(): RecordStore {
    if (this.writer) return this.writer
    const name = uniqueName('records', '.jsonl')
    let store: RecordStore
    try {
      mkdirSync(indexDir(this.projectsDir), { recursive: true })
      store = new RecordStore(join(indexDir(this.projectsDir), name), true)
      this.storeNames.push(name)
    } catch {
      // A folder that cannot be written still gets an index, with its records in a temporary file that is never cached.
      store = new RecordStore(join(mkdtempSync(join(tmpdir(), 'factdesk-index-')), name), true)
      this.storeNames.push('')
    }
    this.stores.push(store)
    this.writer = store
    return store
  }

  /** Puts one file's records in place of what the index had from it. */
  putFile(file: string, entry: FileRecords): void {
    this.removeFile(file, false)
    const seen = new Map<string, string[]>()
    const writer = this.writable()
    const storeId = this.stores.indexOf(writer)
    const places = writer.append(entry.records)
    let first = -1
    entry.records.forEach((record, i) => {
      const slot = this.search.add(analyseRecord(record, seen))
      if (first < 0) first = slot
      this.facets.set(slot, record)
      this.storeOf = grown(this.storeOf, slot + 1, PER_SLOT)
      this.offsets = grown(this.offsets, slot + 1, PER_SLOT)
      this.lengths = grown(this.lengths, slot + 1, PER_SLOT)
      this.storeOf[slot] = storeId
      this.offsets[slot] = places[i]?.offset ?? 0
      this.lengths[slot] = places[i]?.length ?? 0
      if (isCheck(record)) this.matcher.add(matchDocOf(record))
    })
    this.files.set(file, { mtimeMs: entry.mtimeMs, size: entry.size, first: first < 0 ? 0 : first, count: entry.records.length })
    this.touch()
  }

  removeFile(file: string, persist = true): void {
    const entry = this.files.get(file)
    if (!entry) return
    for (const slot of this.slotsOf(entry)) {
      if (this.facets.check[slot] && this.search.isAlive(slot)) this.matcher.remove(this.recordAt(slot).key)
      this.search.remove(slot)
    }
    this.files.delete(file)
    if (this.search.dead > COMPACT_AFTER && this.search.dead > this.search.capacity / 4) this.compact()
    if (persist) this.touch()
  }

  private touch(): void {
    this.changed = true
    if (this.progress.state === 'ready') this.scheduleFlush(SNAPSHOT_MS)
  }

  private slotsOf(entry: FileEntry): number[] {
    return Array.from({ length: entry.count }, (_, i) => entry.first + i)
  }

  private compact(): void {
    const renumber = this.search.compact()
    const size = this.search.capacity
    this.facets.renumber(renumber, size)
    this.storeOf = moved(this.storeOf, renumber, size)
    this.offsets = moved(this.offsets, renumber, size)
    this.lengths = moved(this.lengths, renumber, size)
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
    const entry = await this.readRecords(file, stats)
    if (entry) this.putFile(file, entry)
    else this.removeFile(file)
    return true
  }

  /** A project as just saved: its records replace the old ones without reading the file back. */
  putProjectRecords(file: string, records: MemoryRecord[], stats: { mtimeMs: number; size: number }): void {
    this.putFile(file, { ...stats, records })
  }

  private recordAt(slot: number): MemoryRecord {
    const store = this.stores[this.storeOf[slot] as number] as RecordStore
    return store.read(this.offsets[slot] as number, this.lengths[slot] as number)
  }

  get(key: string): MemoryRecord | undefined {
    const at = key.lastIndexOf('#')
    const entry = this.files.get(key.slice(0, at))
    if (!entry) return undefined
    const kind = KEY_KINDS[key.charAt(at + 1)]
    // The file's records of that kind are few; each is looked at as text before one is parsed.
    const needle = `"key":${JSON.stringify(key)}`
    for (const slot of this.slotsOf(entry)) {
      if (!this.search.isAlive(slot) || this.facets.kind[slot] !== kind) continue
      const store = this.stores[this.storeOf[slot] as number] as RecordStore
      const text = store.readText(this.offsets[slot] as number, this.lengths[slot] as number)
      if (text.includes(needle)) return JSON.parse(text) as MemoryRecord
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
    const dates = this.facets.interned.date.values
    // Dates are ranked once (a few thousand distinct ones), so the documents compare by number.
    const rank = new Float64Array(dates.length)
    ;[...dates.keys()].sort((a, b) => ((dates[a] as string) < (dates[b] as string) ? -1 : 1)).forEach((code, i) => (rank[code] = i))
    const best = new TopK(limit)
    let total = 0
    for (let slot = 0; slot < this.search.capacity; slot++) {
      if (!this.search.isAlive(slot) || !accept(slot)) continue
      total++
      best.offer(slot, rank[this.facets.codes.date[slot] as number] as number)
    }
    return { hits: best.sorted().map((h) => ({ record: this.recordAt(h.slot), score: 0 })), total }
  }

  /** The closest earlier checks to a claim, from other projects and the archives. */
  seenBefore(query: MatchQuery, { excludeFile, limit = 8 }: { excludeFile?: string; limit?: number } = {}): SeenBefore[] {
    const prefix = excludeFile ? `${excludeFile}#` : null
    const matches = this.matcher.match(query, {
      limit: limit * 3,
      ...(prefix ? { filter: (key: string) => !key.startsWith(prefix) } : {}),
    })
    // Records are read from disk only for the matches shown.
    const shown: SeenBefore[] = []
    for (const m of matches) {
      if (shown.length >= limit) break
      if (m.confidence < SHOWN_CONFIDENCE) continue
      const seen = this.toSeen(m)
      if (seen) shown.push(seen)
    }
    return shown
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

  private scheduleFlush(ms: number): void {
    if (this.flushTimer) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      void this.flush()
    }, ms)
    this.flushTimer.unref()
  }

  /** Writes the whole index to the cache now, when it changed since it was last written. */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    if (this.changed && this.progress.state === 'ready' && !this.storeNames.includes('')) {
      this.changed = false
      this.packStores()
      const { terms, segments, slots, live, fieldTotals, arrays } = this.search.state()
      const value: CachedIndex = {
        terms,
        segments,
        slots,
        live,
        fieldTotals,
        stores: this.storeNames,
        strings: this.facets.strings(),
        files: [...this.files].map(([file, e]) => [file, e.mtimeMs, e.size, e.first, e.count]),
      }
      const all = {
        ...arrays,
        ...this.facets.arrays(slots),
        storeOf: this.storeOf.slice(0, slots),
        offsets: this.offsets.slice(0, slots),
        recordLengths: this.lengths.slice(0, slots),
      }
      const keep = new Set(this.storeNames)
      const generation = this.search.generation
      this.flushing = this.flushing
        .then(() => writeCache(this.projectsDir, value, all, () => this.search.generation === generation))
        .then(() => removeOldRecordFiles(this.projectsDir, keep))
        .catch(() => {
          // The cache is only a cache: a folder that cannot be written means a rebuild next time.
          this.changed = true
        })
    }
    await this.flushing
  }

  /** Rewrites the live records into one file when old versions of them have piled up across record files. */
  private packStores(): void {
    let live = 0
    for (let slot = 0; slot < this.search.capacity; slot++) if (this.search.isAlive(slot)) live += this.lengths[slot] as number
    const held = this.stores.reduce((total, store) => total + store.size, 0)
    if (this.stores.length <= MAX_STORES && held <= 2 * live + (1 << 20)) return
    const name = uniqueName('records', '.jsonl')
    const packed = new RecordStore(join(indexDir(this.projectsDir), name), true)
    for (let slot = 0; slot < this.search.capacity; slot++) {
      if (!this.search.isAlive(slot)) continue
      const from = this.stores[this.storeOf[slot] as number] as RecordStore
      const [place] = packed.append([from.readAhead(this.offsets[slot] as number, this.lengths[slot] as number)])
      this.storeOf[slot] = 0
      this.offsets[slot] = place?.offset ?? 0
      this.lengths[slot] = place?.length ?? 0
    }
    for (const store of this.stores) store.close()
    this.stores = [packed]
    this.storeNames = [name]
    this.writer = packed
  }

  /** Writes the cache and lets go of the record files. */
  async close(): Promise<void> {
    await this.flush()
    for (const store of this.stores) store.close()
    this.stores = []
    this.writer = null
  }
}

function moved<T extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(
  from: T,
  renumber: Int32Array,
  size: number,
): T {
  const to = new (from.constructor as new (n: number) => T)(size)
  renumber.forEach((slot, old) => {
    if (slot >= 0) to[slot] = from[old] as number
  })
  return to
}

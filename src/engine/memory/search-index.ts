import { grown } from '@domain/typed-arrays'

/**
 * The library search's inverted index, written here over typed arrays in place of MiniSearch 7.2.
 * Measured on the bench's 230,000 documents (docs/claim-memory.md): MiniSearch held ~2.5 GB in its
 * per-term, per-field maps, took 2 s (p95) to answer 1–3 common words because it builds a result
 * object for every matching document and every prefix expansion, and most of the build was its
 * radix-tree `add`; here the same queries take ~10 ms. A term's postings are a block in two shared
 * typed pools (document slot; the term's count in each of the five fields packed into 15 bits), a
 * query scores into one Float32Array, and the word being typed expands to a bounded number of
 * terms. Ranking is MiniSearch's BM25+ with the same field boosts; its extra factor for how many
 * query terms a document matched is left out, since every result here matches every clause.
 */

export const FIELDS = ['text', 'title', 'rationale', 'names', 'people'] as const
export type Field = (typeof FIELDS)[number]
const FIELD_COUNT = FIELDS.length
const BOOSTS = new Float64Array([1, 0.7, 0.4, 0.8, 0.5])
/** MiniSearch's defaults, kept so the ranking does not move: BM25+ with k 1.2, b 0.7, d 0.5. */
const K1 = 1.2
const B = 0.7
const D = 0.5
const TF_BITS = 3
const TF_MAX = (1 << TF_BITS) - 1
/** The word being typed stands for at most this many longer terms (the closest first): a two-letter start would otherwise visit most of the index. */
const MAX_PREFIX_TERMS = 40
/** MiniSearch's weight for a prefix match, lowered further the more letters the term adds. */
const PREFIX_WEIGHT = 0.375

/** A record's terms in each field, in order, repeats kept (they count). */
export type FieldTerms = readonly (readonly string[])[]

/** One alternative of a query clause: a term, or a prefix, looked for in some fields. */
export interface QueryTerm {
  term: string
  fields: readonly Field[]
  prefix?: boolean
}

/** Strings that repeat across documents (verdicts, languages, outlets, dates) held once, by number. */
export class Interner {
  private readonly ids = new Map<string, number>()
  readonly values: string[] = []

  id(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
    }
    return id
  }
}

const fieldMask = (fields: readonly Field[]): number => fields.reduce((mask, f) => mask | (1 << FIELDS.indexOf(f)), 0)

export class SearchIndex {
  private readonly termIds = new Map<string, number>()
  private readonly terms: string[] = []
  /** Terms in order, for prefixes; terms added since it was sorted wait in `unsorted`. */
  private sorted: string[] = []
  private unsorted: string[] = []
  /**
   * Every term's postings are a block (slot; packed counts) in one of a few shared segments, and
   * a block that fills moves to the newest segment's end. One typed array per term cost ~190 bytes
   * of headers each, more than the postings of the long tail of rare terms; one pool grown by
   * copying left a discarded copy of the whole pool (tens of MB) per growth until the next GC,
   * most of a build's peak. Segments are never grown: a new one is opened, and one left mostly
   * empty by moves is emptied (its blocks moved on) and used again.
   */
  private segments: Segment[] = []
  private current = -1
  /** Segments emptied and waiting to be used again. */
  private spare: number[] = []
  private blockSegment = new Uint32Array(0)
  private blockStart = new Uint32Array(0)
  private blockSize = new Uint32Array(0)
  private postingCount = new Uint32Array(0)
  private evacuating = false
  /** Documents per term and field, counting removed ones until compaction (as MiniSearch's `discard` does). */
  private df = new Int32Array(0)
  private compactions = 0

  private slots = 0
  private live = 0
  private alive = new Uint8Array(0)
  private lengths = new Uint16Array(0)
  private readonly fieldTotals = new Float64Array(FIELD_COUNT)

  // Scratch space of one query, kept between queries.
  private scores = new Float32Array(0)
  private matched = new Uint8Array(0)
  private touched = new Uint32Array(0)

  get size(): number {
    return this.live
  }

  /** Slots handed out so far, live or not: the length every per-slot array needs. */
  get capacity(): number {
    return this.slots
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1
  }

  private termId(term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.termIds.set(term, id)
      this.terms.push(term)
      this.unsorted.push(term)
      this.postingCount = grown(this.postingCount, id + 1)
      this.blockSegment = grown(this.blockSegment, id + 1)
      this.blockStart = grown(this.blockStart, id + 1)
      this.blockSize = grown(this.blockSize, id + 1)
      this.df = grown(this.df, (id + 1) * FIELD_COUNT)
    }
    return id
  }

  /** Adds a document; returns its slot, which the caller keeps its own per-document data under. */
  add(fields: FieldTerms): number {
    const slot = this.slots++
    this.live++
    this.alive = grown(this.alive, slot + 1)
    this.alive[slot] = 1
    this.lengths = grown(this.lengths, (slot + 1) * FIELD_COUNT)
    const counts = new Map<number, number>()
    for (let f = 0; f < FIELD_COUNT; f++) {
      const list = fields[f] ?? []
      this.lengths[slot * FIELD_COUNT + f] = Math.min(list.length, 0xffff)
      this.fieldTotals[f] = (this.fieldTotals[f] ?? 0) + list.length
      const shift = f * TF_BITS
      for (const term of list) {
        const id = this.termId(term)
        const packed = counts.get(id) ?? 0
        if (((packed >> shift) & TF_MAX) < TF_MAX) counts.set(id, packed + (1 << shift))
      }
    }
    for (const [id, packed] of counts) {
      const n = this.postingCount[id] as number
      if (n === this.blockSize[id]) this.moveBlock(id, Math.max(4, n + (n >> 1)))
      const segment = this.segments[this.blockSegment[id] as number] as Segment
      const at = (this.blockStart[id] as number) + n
      segment.docs[at] = slot
      segment.tfs[at] = packed
      this.postingCount[id] = n + 1
      for (let f = 0; f < FIELD_COUNT; f++)
        if ((packed >> (f * TF_BITS)) & TF_MAX) this.df[id * FIELD_COUNT + f] = (this.df[id * FIELD_COUNT + f] as number) + 1
    }
    return slot
  }

  /** A segment with room for `size` more postings at its end: the current one, a spare one, or a new one. */
  private room(size: number): number {
    const current = this.segments[this.current]
    if (current && current.used + size <= current.docs.length) return this.current
    const reuse = this.spare.findIndex((i) => (this.segments[i] as Segment).docs.length >= size)
    if (reuse >= 0) {
      this.current = this.spare.splice(reuse, 1)[0] as number
      // A cache being written may still be reading the postings this segment held.
      this.compactions++
    } else {
      const capacity = this.segments.reduce((total, segment) => total + segment.docs.length, 0)
      const length = Math.max(size, Math.min(SEGMENT_MAX, Math.max(SEGMENT_MIN, capacity >> 1)))
      const free = this.segments.indexOf(EMPTY_SEGMENT)
      this.current = free >= 0 ? free : this.segments.length
      this.segments[this.current] = { docs: new Uint32Array(length), tfs: new Uint16Array(length), used: 0, held: 0 }
    }
    if (this.evacuating || !this.evacuateSparse()) return this.current
    // The blocks moved out of sparse segments may have taken the room just found.
    return this.room(size)
  }

  /**
   * Empties every segment (but the current one) that moves have left less than half used: its
   * blocks move on, and it waits in `spare` to be used again.
   */
  private evacuateSparse(): boolean {
    const sparse = this.segments.flatMap((segment, i) =>
      i !== this.current && segment.used > 0 && segment.held < segment.docs.length * SPARSE ? [i] : [],
    )
    if (!sparse.length) return false
    this.evacuating = true
    const leaving = new Set(sparse)
    for (let t = 0; t < this.terms.length; t++)
      if ((this.blockSize[t] as number) > 0 && leaving.has(this.blockSegment[t] as number)) this.moveBlock(t, this.blockSize[t] as number)
    this.evacuating = false
    for (const i of sparse) {
      const segment = this.segments[i] as Segment
      segment.used = 0
      segment.held = 0
      this.spare.push(i)
    }
    // Two spare segments are plenty; the rest are let go (their places in the list are used again).
    while (this.spare.length > 2) this.segments[this.spare.shift() as number] = EMPTY_SEGMENT
    return true
  }

  /** Gives a term a block of `size`, its postings copied over: grown in place when it is the newest block, else moved. */
  private moveBlock(id: number, size: number): void {
    const n = this.postingCount[id] as number
    const here = this.segments[this.blockSegment[id] as number]
    const old = this.blockSize[id] as number
    const end = (this.blockStart[id] as number) + old
    if (here && old > 0 && this.blockSegment[id] === this.current && end === here.used && end - old + size <= here.docs.length) {
      here.used = end - old + size
      here.held += size - old
      this.blockSize[id] = size
      return
    }
    const to = this.room(size)
    // Read only now: opening a segment may have emptied a sparse one, this term's block with it.
    const source = this.segments[this.blockSegment[id] as number]
    const start = this.blockStart[id] as number
    const held = this.blockSize[id] as number
    const segment = this.segments[to] as Segment
    if (source && held > 0) {
      segment.docs.set(source.docs.subarray(start, start + n), segment.used)
      segment.tfs.set(source.tfs.subarray(start, start + n), segment.used)
      source.held -= held
    }
    this.blockSegment[id] = to
    this.blockStart[id] = segment.used
    this.blockSize[id] = size
    segment.used += size
    segment.held += size
  }

  /** Lays every term's postings out again in new segments, each with room for `room(count)`. */
  private repack(room: (count: number) => number): void {
    const old = this.segments
    this.segments = []
    this.spare = []
    this.current = -1
    this.evacuating = true
    for (let t = 0; t < this.terms.length; t++) {
      const n = this.postingCount[t] as number
      const source = old[this.blockSegment[t] as number]
      const start = this.blockStart[t] as number
      this.blockSize[t] = 0
      if (!n || !source) continue
      const to = this.room(room(n))
      const segment = this.segments[to] as Segment
      segment.docs.set(source.docs.subarray(start, start + n), segment.used)
      segment.tfs.set(source.tfs.subarray(start, start + n), segment.used)
      this.blockSegment[t] = to
      this.blockStart[t] = segment.used
      this.blockSize[t] = room(n)
      segment.used += room(n)
      segment.held += room(n)
    }
    this.evacuating = false
    this.compactions++
  }

  /** Takes a document out of every answer; its postings go at the next compaction. */
  remove(slot: number): void {
    if (this.alive[slot] !== 1) return
    this.alive[slot] = 0
    this.live--
    for (let f = 0; f < FIELD_COUNT; f++) this.fieldTotals[f] = (this.fieldTotals[f] ?? 0) - (this.lengths[slot * FIELD_COUNT + f] ?? 0)
  }

  /** Removed slots waiting for a compaction. */
  get dead(): number {
    return this.slots - this.live
  }

  /**
   * Renumbers the live documents densely and drops removed ones' postings. Returns the old slot →
   * new slot map (-1 for removed) so the caller can move its per-document data along.
   */
  compact(): Int32Array {
    const renumber = new Int32Array(this.slots).fill(-1)
    let next = 0
    for (let slot = 0; slot < this.slots; slot++) if (this.alive[slot] === 1) renumber[slot] = next++
    const lengths = new Uint16Array(next * FIELD_COUNT)
    for (let slot = 0; slot < this.slots; slot++) {
      const to = renumber[slot] as number
      if (to >= 0) lengths.set(this.lengths.subarray(slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT), to * FIELD_COUNT)
    }
    this.df.fill(0)
    for (let id = 0; id < this.terms.length; id++) {
      const segment = this.segments[this.blockSegment[id] as number]
      const start = this.blockStart[id] as number
      const n = this.postingCount[id] as number
      if (!segment || !n) continue
      let kept = 0
      for (let i = start; i < start + n; i++) {
        const to = renumber[segment.docs[i] as number] as number
        if (to < 0) continue
        const packed = segment.tfs[i] as number
        segment.docs[start + kept] = to
        segment.tfs[start + kept] = packed
        kept++
        for (let f = 0; f < FIELD_COUNT; f++)
          if ((packed >> (f * TF_BITS)) & TF_MAX) this.df[id * FIELD_COUNT + f] = (this.df[id * FIELD_COUNT + f] as number) + 1
      }
      this.postingCount[id] = kept
    }
    this.repack((count) => count + (count >> 3) + 1)
    this.lengths = lengths
    this.alive = new Uint8Array(next).fill(1)
    this.slots = next
    this.live = next
    return renumber
  }

  /** Empties the segments a build's moves left sparse, so a finished build holds little more than its postings. */
  tidy(): void {
    if (!this.evacuating) this.evacuateSparse()
  }

  /** Compactions (and reuses of an emptied segment) so far: a state taken before one no longer describes the segments. */
  get generation(): number {
    return this.compactions
  }

  /**
   * The index as the cache keeps it. The segments are given as they are, not copied (they are
   * most of the index, and a copy was the peak of a build): appends only write past a term's count
   * and moves only copy blocks, so the counts and starts taken here stay true until a compaction
   * or an emptied segment is used again (`generation`). The small arrays are copies. Segment k's
   * postings are `docs<k>` and `tfs<k>`.
   */
  state(): SearchIndexState {
    const n = this.terms.length
    const kept = this.segments.flatMap((segment, i) => (segment.used > 0 ? [i] : []))
    const renumbered = new Uint32Array(this.segments.length)
    kept.forEach((i, k) => (renumbered[i] = k))
    const segmentOf = new Uint32Array(n)
    for (let t = 0; t < n; t++) segmentOf[t] = renumbered[this.blockSegment[t] as number] as number
    const arrays: SearchIndexState['arrays'] = {
      counts: this.postingCount.slice(0, n),
      segmentOf,
      starts: this.blockStart.slice(0, n),
      sizes: this.blockSize.slice(0, n),
      df: this.df.slice(0, n * FIELD_COUNT),
      alive: this.alive.slice(0, this.slots),
      lengths: this.lengths.slice(0, this.slots * FIELD_COUNT),
    }
    kept.forEach((i, k) => {
      const segment = this.segments[i] as Segment
      arrays[`docs${k}`] = segment.docs.subarray(0, segment.used)
      arrays[`tfs${k}`] = segment.tfs.subarray(0, segment.used)
    })
    return { terms: [...this.terms], slots: this.slots, live: this.live, fieldTotals: [...this.fieldTotals], segments: kept.length, arrays }
  }

  static restore(state: SearchIndexState): SearchIndex {
    const index = new SearchIndex()
    const { counts, segmentOf, starts, sizes, df, alive, lengths } = state.arrays
    const n = state.terms.length
    const inconsistent = (): never => {
      throw new Error('the cached index is inconsistent')
    }
    if (
      !(counts instanceof Uint32Array) ||
      !(segmentOf instanceof Uint32Array) ||
      !(starts instanceof Uint32Array) ||
      !(sizes instanceof Uint32Array) ||
      !(df instanceof Int32Array) ||
      !(alive instanceof Uint8Array) ||
      !(lengths instanceof Uint16Array) ||
      counts.length !== n ||
      segmentOf.length !== n ||
      starts.length !== n ||
      sizes.length !== n ||
      df.length !== n * FIELD_COUNT ||
      alive.length !== state.slots ||
      lengths.length !== state.slots * FIELD_COUNT
    )
      return inconsistent()
    for (let k = 0; k < state.segments; k++) {
      const docs = state.arrays[`docs${k}`]
      const tfs = state.arrays[`tfs${k}`]
      if (!(docs instanceof Uint32Array) || !(tfs instanceof Uint16Array) || docs.length !== tfs.length) return inconsistent()
      index.segments.push({ docs, tfs, used: docs.length, held: 0 })
    }
    for (let t = 0; t < n; t++) {
      const segment = index.segments[segmentOf[t] as number]
      const size = sizes[t] as number
      if (!size) continue
      if (!segment || (counts[t] as number) > size || (starts[t] as number) + size > segment.docs.length) return inconsistent()
      segment.held += size
    }
    state.terms.forEach((term, id) => index.termIds.set(term, id))
    index.terms.push(...state.terms)
    index.unsorted = [...state.terms]
    index.postingCount = counts
    index.blockSegment = segmentOf
    index.blockStart = starts
    index.blockSize = sizes
    index.df = df
    index.alive = alive
    index.lengths = lengths
    index.slots = state.slots
    index.live = state.live
    index.fieldTotals.set(state.fieldTotals)
    return index
  }

  /** The terms that start with `prefix` (itself excluded), the closest in length first, at most `limit`. */
  private expand(prefix: string, limit: number): string[] {
    if (this.unsorted.length) {
      this.sorted = this.unsorted.length > 64 ? [...this.terms].sort() : this.insertSorted(this.unsorted)
      this.unsorted = []
    }
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1
      else hi = mid
    }
    const found: string[] = []
    for (let i = lo; i < this.sorted.length && (this.sorted[i] as string).startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) found.push(this.sorted[i] as string)
    }
    if (found.length <= limit) return found
    return found.sort((a, b) => a.length - b.length || this.totalDf(b) - this.totalDf(a)).slice(0, limit)
  }

  private insertSorted(terms: string[]): string[] {
    for (const term of terms) {
      let lo = 0
      let hi = this.sorted.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if ((this.sorted[mid] as string) < term) lo = mid + 1
        else hi = mid
      }
      this.sorted.splice(lo, 0, term)
    }
    return this.sorted
  }

  private totalDf(term: string): number {
    const id = this.termIds.get(term)
    return id === undefined ? 0 : (this.postingCount[id] as number)
  }

  /**
   * Documents that match every clause (a clause matches when any of its alternatives does), with
   * their scores: the sum over clauses and alternatives of the field-boosted BM25+ of the fields
   * looked in. `accept` sees each matching slot once. Returns the best `limit` and how many matched.
   */
  search(
    clauses: readonly (readonly QueryTerm[])[],
    accept: (slot: number) => boolean,
    limit: number,
  ): { hits: { slot: number; score: number }[]; total: number } {
    const plans = clauses
      .map((alternatives) => this.plan(alternatives))
      .sort((a, b) => a.cost - b.cost)
      .slice(0, 255)
    if (!plans.length || plans[0]?.cost === 0) return { hits: [], total: 0 }
    this.scores = grown(this.scores, this.slots)
    this.matched = grown(this.matched, this.slots)
    const scores = this.scores
    const matched = this.matched
    this.touched = grown(this.touched, this.slots)
    const touched = this.touched
    let touchedCount = 0
    const n = Math.max(this.live, 1)
    const averages = Array.from(this.fieldTotals, (total) => total / n || 1)
    plans.forEach((plan, c) => {
      for (const { id, mask, weight } of plan.terms) {
        const start = this.blockStart[id] as number
        const end = start + (this.postingCount[id] as number)
        const { docs, tfs } = this.segments[this.blockSegment[id] as number] ?? EMPTY_SEGMENT
        const idf = new Float64Array(FIELD_COUNT)
        for (let f = 0; f < FIELD_COUNT; f++) {
          const df = this.df[id * FIELD_COUNT + f] as number
          idf[f] = (mask >> f) & 1 && df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (BOOSTS[f] as number) * weight : 0
        }
        for (let i = start; i < end; i++) {
          const slot = docs[i] as number
          const m = matched[slot] as number
          if (m !== c && m !== c + 1) continue
          const packed = tfs[i] as number
          let score = 0
          for (let f = 0; f < FIELD_COUNT; f++) {
            const tf = (packed >> (f * TF_BITS)) & TF_MAX
            const w = idf[f] as number
            if (!tf || !w) continue
            const length = this.lengths[slot * FIELD_COUNT + f] as number
            score += w * (D + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / (averages[f] as number))))
          }
          if (score === 0) continue
          if (m === c) {
            matched[slot] = c + 1
            if (c === 0) touched[touchedCount++] = slot
          }
          scores[slot] = (scores[slot] as number) + score
        }
      }
    })
    const want = plans.length
    const best = new TopK(limit)
    let total = 0
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i] as number
      if (matched[slot] === want && this.alive[slot] === 1 && accept(slot)) {
        total++
        best.offer(slot, scores[slot] as number)
      }
      scores[slot] = 0
      matched[slot] = 0
    }
    return { hits: best.sorted(), total }
  }

  /** A clause's terms with their field masks and weights, and how many postings it visits. */
  private plan(alternatives: readonly QueryTerm[]): { terms: { id: number; mask: number; weight: number }[]; cost: number } {
    const terms: { id: number; mask: number; weight: number }[] = []
    let cost = 0
    const push = (term: string, mask: number, weight: number): void => {
      const id = this.termIds.get(term)
      if (id === undefined || !this.postingCount[id]) return
      terms.push({ id, mask, weight })
      cost += this.postingCount[id]
    }
    for (const alt of alternatives) {
      const mask = fieldMask(alt.fields)
      push(alt.term, mask, 1)
      if (!alt.prefix) continue
      for (const longer of this.expand(alt.term, MAX_PREFIX_TERMS)) {
        const distance = longer.length - alt.term.length
        push(longer, mask, (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance))
      }
    }
    return { terms, cost }
  }
}

/** An index as the cache keeps it (index-cache.ts): its terms, and its arrays (SearchIndex.state says which). */
export interface SearchIndexState {
  terms: string[]
  slots: number
  live: number
  fieldTotals: number[]
  /** How many postings segments the arrays hold (`docs0`, `tfs0`, …). */
  segments: number
  arrays: Record<string, Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer>>
}

/** A run of postings several terms' blocks share (SearchIndex.segments). */
interface Segment {
  docs: Uint32Array<ArrayBuffer>
  tfs: Uint16Array<ArrayBuffer>
  /** Where the next block goes. */
  used: number
  /** The room of the blocks that live here: the rest up to `used` was left by moves. */
  held: number
}

const EMPTY_SEGMENT: Segment = { docs: new Uint32Array(0), tfs: new Uint16Array(0), used: 0, held: 0 }
/** A new segment is half of all there are, within these (in postings: 384 KB to 6 MB). */
const SEGMENT_MIN = 1 << 16
const SEGMENT_MAX = 1 << 20
/** A segment holding less than this share of live blocks is emptied when a new one opens. */
const SPARSE = 0.5

/**
 * The best `limit` by score (ties by slot, the order they were added), kept in a min-heap as
 * documents are offered: a common word matches most of the library, and sorting it all to show 50
 * cost more than finding the matches.
 */
export class TopK {
  private readonly slots: Uint32Array
  private readonly scores: Float64Array
  private size = 0

  constructor(private readonly limit: number) {
    this.slots = new Uint32Array(Math.max(limit, 1))
    this.scores = new Float64Array(Math.max(limit, 1))
  }

  /** Whether (a, b) ranks a below b: the heap keeps the lowest-ranked on top. */
  private below(a: number, b: number): boolean {
    const sa = this.scores[a] as number
    const sb = this.scores[b] as number
    return sa < sb || (sa === sb && (this.slots[a] as number) > (this.slots[b] as number))
  }

  offer(slot: number, score: number): void {
    if (this.limit <= 0) return
    if (this.size < this.limit) {
      this.slots[this.size] = slot
      this.scores[this.size] = score
      this.up(this.size++)
      return
    }
    const lowest = this.scores[0] as number
    if (score < lowest || (score === lowest && slot > (this.slots[0] as number))) return
    this.slots[0] = slot
    this.scores[0] = score
    this.down(0)
  }

  private swap(i: number, j: number): void {
    const slot = this.slots[i] as number
    const score = this.scores[i] as number
    this.slots[i] = this.slots[j] as number
    this.scores[i] = this.scores[j] as number
    this.slots[j] = slot
    this.scores[j] = score
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.below(i, parent)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let least = i
      if (left < this.size && this.below(left, least)) least = left
      if (right < this.size && this.below(right, least)) least = right
      if (least === i) return
      this.swap(i, least)
      i = least
    }
  }

  sorted(): { slot: number; score: number }[] {
    const out = Array.from({ length: this.size }, (_, i) => ({ slot: this.slots[i] as number, score: this.scores[i] as number }))
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot)
  }
}

import { grown } from '../typed-arrays'

/**
 * BM25 over two fields (the claim and its fact-check's title), for the matcher's candidates.
 * Written here rather than taken from MiniSearch, which the library search first used: a matcher's query
 * is a whole claim (20–40 terms), and MiniSearch builds a result object for every posting it
 * visits — 25 ms a query over 10,000 fact-checks, far past the 50 ms budget at 200,000 claims —
 * where adding into one Float64Array over compact postings takes about a millisecond.
 */

export interface Bm25Params {
  k1: number
  b: number
}

const TF_BITS = 4
const TF_MAX = (1 << TF_BITS) - 1
/** A term's count in the title is kept above this in `add`'s one map of counts. */
const TITLE_UNIT = 1 << 16

/**
 * One field's postings, each `slot << 4 | tf` (tf capped at 15), every term's in a block of one
 * shared pool (moved to the pool's end when it fills): an array per term held 8 bytes a posting
 * plus its header, most of the matcher's memory on a library of 66,000 checks.
 */
class Field {
  private start = new Uint32Array(0)
  private room = new Uint32Array(0)
  private count = new Uint32Array(0)
  private pool = new Uint32Array(1024)
  private used = 0
  lengths = new Uint16Array(0)
  total = 0

  push(term: number, slot: number, tf: number): void {
    if (term >= this.count.length) {
      this.start = grown(this.start, term + 1)
      this.room = grown(this.room, term + 1)
      this.count = grown(this.count, term + 1)
    }
    const n = this.count[term] as number
    if (n === this.room[term]) this.move(term, Math.max(2, n + (n >> 1)))
    this.pool[(this.start[term] as number) + n] = (slot << TF_BITS) | Math.min(tf, TF_MAX)
    this.count[term] = n + 1
  }

  private move(term: number, size: number): void {
    if (this.used + size > this.pool.length) {
      let held = 0
      for (const n of this.count) held += n
      if (held < this.used * 0.6) this.repack(size)
      if (this.used + size > this.pool.length) {
        // A quarter more, not double (as `grown` would): this pool is most of the matcher's typed memory.
        const pool = new Uint32Array(Math.ceil((this.used + size) * 1.25))
        pool.set(this.pool.subarray(0, this.used))
        this.pool = pool
      }
    }
    const from = this.start[term] as number
    this.pool.copyWithin(this.used, from, from + (this.count[term] as number))
    this.start[term] = this.used
    this.room[term] = size
    this.used += size
  }

  /** Lays the blocks out again, one after another, with a little room each. */
  private repack(extra = 0): void {
    let total = extra
    for (const n of this.count) total += n + (n >> 2) + 1
    const pool = new Uint32Array(Math.max(total, 64))
    let at = 0
    this.count.forEach((n, term) => {
      const from = this.start[term] as number
      pool.set(this.pool.subarray(from, from + n), at)
      this.start[term] = at
      this.room[term] = n + (n >> 2) + 1
      at += n + (n >> 2) + 1
    })
    this.pool = pool
    this.used = at
  }

  list(term: number): Uint32Array {
    if (term >= this.count.length) return EMPTY
    const from = this.start[term] as number
    return this.pool.subarray(from, from + (this.count[term] as number))
  }

  setLength(slot: number, length: number): void {
    this.lengths = grown(this.lengths, slot + 1)
    this.lengths[slot] = Math.min(length, 0xffff)
    this.total += length
  }

  /** Renumbers the postings (-1: removed) and the lengths. */
  compact(renumber: Int32Array, size: number): void {
    this.count.forEach((n, term) => {
      const from = this.start[term] as number
      let kept = 0
      for (let i = from; i < from + n; i++) {
        const p = this.pool[i] as number
        const to = renumber[p >>> TF_BITS] ?? -1
        if (to >= 0) this.pool[from + kept++] = (to << TF_BITS) | (p & TF_MAX)
      }
      this.count[term] = kept
    })
    this.repack()
    const lengths = new Uint16Array(Math.max(size, 64))
    renumber.forEach((to, slot) => {
      if (to >= 0) lengths[to] = this.lengths[slot] ?? 0
    })
    this.lengths = lengths
  }
}

const EMPTY = new Uint32Array(0)

/**
 * BM25 over numbered documents and numbered terms. The matcher (matcher.ts) hands out the slots,
 * keeps what they are, and decides when removed ones are compacted away; the term dictionary is
 * shared with it, so a check's terms are held once, as numbers.
 */
export class Bm25Index {
  private readonly fields: [Field, Field] = [new Field(), new Field()]
  private readonly termIds = new Map<string, number>()
  private readonly termList: string[] = []
  /** Live documents per term, over both fields: postings of removed documents stay until compaction. */
  private df = new Int32Array(0)
  private alive = new Uint8Array(0)
  private live = 0
  private scores = new Float64Array(0)

  constructor(
    private readonly boosts: [number, number] = [1, 0.6],
    private readonly params: Bm25Params = { k1: 1.2, b: 0.75 },
  ) {}

  get size(): number {
    return this.live
  }

  /** The term's number, given it a new one when it has none. */
  termId(term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.termList.length
      this.termIds.set(term, id)
      this.termList.push(term)
      if (id >= this.df.length) {
        const df = new Int32Array(Math.max(64, this.df.length * 2))
        df.set(this.df)
        this.df = df
      }
    }
    return id
  }

  /** The term's number, or -1 when no document ever had it. */
  lookup(term: string): number {
    return this.termIds.get(term) ?? -1
  }

  term(id: number): string {
    return this.termList[id] ?? ''
  }

  /** Live documents with the term (by number; 0 for -1 and other unknown numbers). */
  frequency(id: number): number {
    return id >= 0 ? (this.df[id] ?? 0) : 0
  }

  /** Indexes a document under a slot no live document holds. */
  add(slot: number, text: readonly number[], title: readonly number[]): void {
    if (slot >= this.alive.length) {
      const alive = new Uint8Array(Math.max(64, slot + 1, this.alive.length * 2))
      alive.set(this.alive)
      this.alive = alive
    }
    this.alive[slot] = 1
    this.live++
    // One pass counts both fields (the title's count in the high bits) and the document frequency.
    const counts = new Map<number, number>()
    for (const t of text) counts.set(t, (counts.get(t) ?? 0) + 1)
    for (const t of title) counts.set(t, (counts.get(t) ?? 0) + TITLE_UNIT)
    const [textField, titleField] = this.fields
    for (const [id, packed] of counts) {
      const inText = packed % TITLE_UNIT
      const inTitle = Math.floor(packed / TITLE_UNIT)
      if (inText) textField.push(id, slot, inText)
      if (inTitle) titleField.push(id, slot, inTitle)
      this.df[id] = (this.df[id] as number) + 1
    }
    textField.setLength(slot, text.length)
    titleField.setLength(slot, title.length)
  }

  /** Takes a document out of every answer; `terms` are its distinct terms, whose counts drop. */
  remove(slot: number, terms: Iterable<number>): void {
    if (this.alive[slot] !== 1) return
    this.alive[slot] = 0
    this.live--
    for (const field of this.fields) field.total -= field.lengths[slot] ?? 0
    for (const id of terms) if ((this.df[id] as number) > 0) this.df[id] = (this.df[id] as number) - 1
  }

  /** Renumbers the documents (-1: removed), dropping the postings of removed ones. */
  compact(renumber: Int32Array, size: number): void {
    for (const field of this.fields) field.compact(renumber, size)
    this.alive = new Uint8Array(Math.max(64, size))
    renumber.forEach((to) => {
      if (to >= 0) this.alive[to] = 1
    })
  }

  /**
   * The documents with a score for the terms (numbers; unknown ones are -1), unsorted: with
   * `accept` every accepted one, else those that can be in the best `limit`.
   */
  search(terms: readonly number[], limit: number, accept?: (slot: number) => boolean): { slot: number; score: number }[] {
    const n = this.live
    if (!n || !terms.length) return []
    if (this.scores.length < this.alive.length) this.scores = new Float64Array(this.alive.length * 2)
    const scores = this.scores
    const touched: number[] = []
    const { k1, b } = this.params
    for (const id of new Set(terms)) {
      const df = this.frequency(id)
      if (!df) continue
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      this.fields.forEach((field, f) => {
        const list = field.list(id)
        if (!list.length) return
        const boost = this.boosts[f] ?? 1
        const average = field.total / n || 1
        for (const p of list) {
          const slot = p >> TF_BITS
          if (this.alive[slot] !== 1) continue
          const tf = p & TF_MAX
          const norm = tf + k1 * (1 - b + (b * (field.lengths[slot] ?? 0)) / average)
          if (scores[slot] === 0) touched.push(slot)
          scores[slot] = (scores[slot] ?? 0) + (boost * idf * tf * (k1 + 1)) / norm
        }
      })
    }
    // Only the best few are kept: a threshold from the scores alone, then the documents above it.
    const values = new Float64Array(touched.length)
    touched.forEach((slot, i) => (values[i] = scores[slot] ?? 0))
    values.sort()
    const threshold = accept || touched.length <= limit ? -Infinity : (values[touched.length - limit] ?? -Infinity)
    const hits: { slot: number; score: number }[] = []
    for (const slot of touched) {
      const score = scores[slot] ?? 0
      scores[slot] = 0
      if (score >= threshold && (!accept || accept(slot))) hits.push({ slot, score })
    }
    return hits
  }
}

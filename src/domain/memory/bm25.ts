/**
 * BM25 over two fields (the claim and its fact-check's title), for the matcher's candidates.
 * Written here rather than taken from MiniSearch, which the library search uses: a matcher's query
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

class Field {
  /** term → postings, each `slot << 4 | tf` (tf capped at 15) in one small-integer array. */
  readonly postings = new Map<string, number[]>()
  lengths: number[] = []
  total = 0

  push(term: string, slot: number, count: number): void {
    let list = this.postings.get(term)
    if (!list) this.postings.set(term, (list = []))
    list.push((slot << TF_BITS) | Math.min(count, TF_MAX))
  }

  setLength(slot: number, length: number): void {
    this.lengths[slot] = length
    this.total += length
  }
}

export class Bm25Index {
  private readonly fields: [Field, Field] = [new Field(), new Field()]
  private ids: (string | null)[] = []
  private readonly slots = new Map<string, number>()
  /** Live documents per term, over both fields: postings of removed documents stay until compaction. */
  private readonly df = new Map<string, number>()
  private dead = 0
  private scores = new Float64Array(0)

  constructor(
    private readonly boosts: [number, number] = [1, 0.6],
    private readonly params: Bm25Params = { k1: 1.2, b: 0.75 },
  ) {}

  get size(): number {
    return this.slots.size
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0
  }

  add(id: string, text: string[], title: string[]): void {
    this.remove(id)
    const slot = this.ids.length
    this.ids.push(id)
    this.slots.set(id, slot)
    // One pass counts both fields (the title's count in the high bits) and the document frequency.
    const counts = new Map<string, number>()
    for (const t of text) counts.set(t, (counts.get(t) ?? 0) + 1)
    for (const t of title) counts.set(t, (counts.get(t) ?? 0) + TITLE_UNIT)
    const [textField, titleField] = this.fields
    for (const [t, packed] of counts) {
      const inText = packed % TITLE_UNIT
      const inTitle = Math.floor(packed / TITLE_UNIT)
      if (inText) textField.push(t, slot, inText)
      if (inTitle) titleField.push(t, slot, inTitle)
      this.df.set(t, (this.df.get(t) ?? 0) + 1)
    }
    textField.setLength(slot, text.length)
    titleField.setLength(slot, title.length)
  }

  remove(id: string, terms?: { text: string[]; title: string[] }): void {
    const slot = this.slots.get(id)
    if (slot === undefined) return
    this.slots.delete(id)
    this.ids[slot] = null
    for (const field of this.fields) {
      field.total -= field.lengths[slot] ?? 0
    }
    if (terms) {
      for (const t of new Set([...terms.text, ...terms.title])) {
        const n = (this.df.get(t) ?? 1) - 1
        if (n > 0) this.df.set(t, n)
        else this.df.delete(t)
      }
    } else {
      for (const [t, n] of this.df) if (this.hasLive(t, slot)) this.df.set(t, n - 1)
    }
    this.dead++
    if (this.dead > 1000 && this.dead > this.ids.length / 4) this.compact()
  }

  private hasLive(term: string, slot: number): boolean {
    return this.fields.some((f) => f.postings.get(term)?.some((p) => p >> TF_BITS === slot) ?? false)
  }

  /** Renumbers the live documents, dropping the postings of removed ones. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1)
    const ids: string[] = []
    this.ids.forEach((id, slot) => {
      if (id === null) return
      renumber[slot] = ids.length
      this.slots.set(id, ids.length)
      ids.push(id)
    })
    for (const field of this.fields) {
      const lengths: number[] = []
      for (const [term, list] of field.postings) {
        const kept: number[] = []
        for (const p of list) {
          const to = renumber[p >> TF_BITS] ?? -1
          if (to >= 0) kept.push((to << TF_BITS) | (p & TF_MAX))
        }
        if (kept.length) field.postings.set(term, kept)
        else field.postings.delete(term)
      }
      field.lengths.forEach((length, slot) => {
        const to = renumber[slot] ?? -1
        if (to >= 0) lengths[to] = length
      })
      field.lengths = lengths
    }
    this.ids = ids
    this.dead = 0
  }

  /** The best `limit` documents for the terms, with their scores, best first. */
  search(terms: string[], limit: number, accept?: (id: string) => boolean): { id: string; score: number }[] {
    const n = this.slots.size
    if (!n || !terms.length) return []
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(this.ids.length * 2)
    const scores = this.scores
    const touched: number[] = []
    const { k1, b } = this.params
    for (const term of new Set(terms)) {
      const df = this.df.get(term) ?? 0
      if (!df) continue
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      this.fields.forEach((field, f) => {
        const list = field.postings.get(term)
        if (!list) return
        const boost = this.boosts[f] ?? 1
        const average = field.total / n || 1
        for (const p of list) {
          const slot = p >> TF_BITS
          if (this.ids[slot] === null) continue
          const tf = p & TF_MAX
          const norm = tf + k1 * (1 - b + (b * (field.lengths[slot] ?? 0)) / average)
          if (scores[slot] === 0) touched.push(slot)
          scores[slot] = (scores[slot] ?? 0) + (boost * idf * tf * (k1 + 1)) / norm
        }
      })
    }
    // Only the best few are sorted: a threshold from the scores alone, then the documents above it.
    const values = new Float64Array(touched.length)
    touched.forEach((slot, i) => (values[i] = scores[slot] ?? 0))
    values.sort()
    const threshold = accept || touched.length <= limit ? -Infinity : (values[touched.length - limit] ?? -Infinity)
    const hits: { id: string; score: number }[] = []
    for (const slot of touched) {
      const id = this.ids[slot] as string
      const score = scores[slot] ?? 0
      scores[slot] = 0
      if (score >= threshold && (!accept || accept(id))) hits.push({ id, score })
    }
    hits.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    return hits.slice(0, limit)
  }
}

import { foldAccents } from './analyze'
import { grown } from '../typed-arrays'

/**
 * Character n-grams (3 to 5 characters, across word boundaries) as a similarity the matcher
 * weighs beside BM25: they see what whole stemmed words miss — "SweeTarts" and "sweet tarts",
 * "COVID-19" and "covid19", a word the stemmer cuts differently, a Ukrainian or Russian ending it
 * does not know, a phrase's word order. Worth +0.018 MAP@5 on the tweets and +0.013 on the
 * debates in 5-fold cross-validation (docs/claim-memory.md).
 *
 * Written here: the npm n-gram packages return strings per gram, which at a library's size is
 * millions of short-lived strings per build; this hashes each gram as it goes, into numbers.
 */

const SHORTEST = 3
const LONGEST = 5
/** Hash buckets for the document frequencies: 4 MB, and two grams that share one rarely meet in a pair. */
const BUCKETS = 1 << 20
const MASK = BUCKETS - 1

/**
 * Grams are read from a text's first 2,000 characters: a claim is a sentence or two, and a whole
 * article pasted as one claim would otherwise be held whole and hashed for every query.
 */
export const GRAM_TEXT_LIMIT = 2000

/** The text as its grams see it: lower case, accents folded, runs of anything but letters and digits one space. */
export function gramText(text: string): string {
  const folded = foldAccents(text.slice(0, GRAM_TEXT_LIMIT).toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return ` ${folded} `
}

let scratch = new Uint32Array(4096)

/** Every gram's hash (FNV-1a over its UTF-16 units) into `scratch`, in text order; the count is returned. */
function hashes(text: string): number {
  const most = text.length * (LONGEST - SHORTEST + 1)
  if (scratch.length < most) scratch = new Uint32Array(most)
  let count = 0
  for (let start = 0; start + SHORTEST <= text.length; start++) {
    let hash = 0x811c9dc5
    const end = Math.min(text.length, start + LONGEST)
    for (let at = start; at < end; at++) {
      hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
      if (at - start + 1 >= SHORTEST) scratch[count++] = (hash >>> 0) & MASK
    }
  }
  return count
}

/**
 * The idf weights of a gram vector are counted afresh once the corpus has changed by this share
 * since they were: a document's norm is remembered until then (a library grows a few checks a day).
 */
const STALE_SHARE = 1 / 16

/**
 * The character grams of every document the matcher holds, by slot: their document frequencies,
 * hashed into fixed buckets, each document's gram text and the norm of its tf-idf vector; and the
 * cosine of a query's with each candidate's. A candidate costs one pass over its grams against
 * the query's, held in a small table that stays in the processor's cache: the 4 MB frequency table
 * is read only for the query's own grams and, now and then, to count a document's norm again.
 */
export class CharGrams {
  private readonly frequency = new Uint32Array(BUCKETS)
  /** One text's count of each gram while its norm is counted; all zero between calls. */
  private readonly tf = new Uint8Array(BUCKETS)
  private distinct = new Uint32Array(4096)
  private texts: (string | null)[] = []
  private norms = new Float32Array(64)
  /** The epoch each norm was counted in; 0 is never. */
  private stamps = new Uint32Array(64)
  private epoch = 1
  /** Documents added and removed since the epoch began, and how many documents it counted with. */
  private changes = 0
  private epochDocuments = 0

  /** Counts a document's grams (each once) for `slot`. */
  add(slot: number, text: string): void {
    const grams = gramText(text)
    this.texts[slot] = grams
    this.norms = grown(this.norms, slot + 1)
    this.stamps = grown(this.stamps, slot + 1)
    this.stamps[slot] = 0
    this.count(grams, 1)
  }

  /** Takes away the document at `slot`. */
  remove(slot: number): void {
    const grams = this.texts[slot]
    if (grams == null) return
    this.count(grams, -1)
    this.texts[slot] = null
  }

  /** Moves the live slots to their new numbers (`renumber[old]`, -1 for gone), as the matcher compacts. */
  compact(renumber: Int32Array, live: number): void {
    const texts: (string | null)[] = new Array<string | null>(live).fill(null)
    const norms = new Float32Array(Math.max(64, live))
    const stamps = new Uint32Array(norms.length)
    renumber.forEach((to, from) => {
      if (to < 0) return
      texts[to] = this.texts[from] ?? null
      norms[to] = this.norms[from] as number
      stamps[to] = this.stamps[from] as number
    })
    this.texts = texts
    this.norms = norms
    this.stamps = stamps
  }

  private count(text: string, by: 1 | -1): void {
    this.changes++
    const n = this.tally(text)
    for (let i = 0; i < n; i++) {
      const gram = this.distinct[i] as number
      this.frequency[gram] = (this.frequency[gram] as number) + by
      this.tf[gram] = 0
    }
  }

  /** Reads a text's grams into `tf` and lists each once in `distinct`; the caller zeroes `tf` after. */
  private tally(text: string): number {
    const n = hashes(text)
    if (this.distinct.length < n) this.distinct = new Uint32Array(n)
    let k = 0
    for (let i = 0; i < n; i++) {
      const gram = scratch[i] as number
      const seen = this.tf[gram] as number
      if (seen === 0) this.distinct[k++] = gram
      if (seen < 255) this.tf[gram] = seen + 1
    }
    return k
  }

  private idf(gram: number, documents: number): number {
    return Math.log(1 + documents / ((this.frequency[gram] as number) + 1))
  }

  /** The length of a document's tf-idf vector, remembered for the epoch. */
  private norm(slot: number, documents: number): number {
    if (this.stamps[slot] === this.epoch) return this.norms[slot] as number
    const k = this.tally(this.texts[slot] as string)
    let sum = 0
    for (let i = 0; i < k; i++) {
      const gram = this.distinct[i] as number
      const tf = this.tf[gram] as number
      this.tf[gram] = 0
      const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * this.idf(gram, documents)
      sum += w * w
    }
    const norm = Math.sqrt(sum)
    this.norms[slot] = norm
    this.stamps[slot] = this.epoch
    return norm
  }

  /**
   * The cosine of the query's grams with each slot's, each weighed by (1 + ln tf) · idf over
   * `documents`.
   */
  similarities(query: string, slots: readonly number[], documents: number): Float64Array {
    if (Math.abs(documents - this.epochDocuments) + this.changes > this.epochDocuments * STALE_SHARE) {
      this.epoch++
      this.epochDocuments = documents
      this.changes = 0
    }
    // The query's grams, in a small open-addressed table, with their weight times their idf: a
    // shared gram's product of weights is then that times the candidate's (1 + ln tf).
    const n = this.tally(gramText(query))
    let size = 64
    while (size < n * 2) size *= 2
    const keys = new Int32Array(size).fill(-1)
    const values = new Float64Array(size)
    const seen = new Uint8Array(size)
    let sum = 0
    for (let i = 0; i < n; i++) {
      const gram = this.distinct[i] as number
      const tf = this.tf[gram] as number
      this.tf[gram] = 0
      const idf = this.idf(gram, documents)
      const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * idf
      sum += w * w
      let at = gram & (size - 1)
      while (keys[at] !== -1) at = (at + 1) & (size - 1)
      keys[at] = gram
      values[at] = w * idf
    }
    const queryNorm = Math.sqrt(sum) || 1
    const out = new Float64Array(slots.length)
    const shared = new Int32Array(size)
    slots.forEach((slot, t) => {
      const m = hashes(this.texts[slot] as string)
      let k = 0
      for (let i = 0; i < m; i++) {
        const gram = scratch[i] as number
        let at = gram & (size - 1)
        for (let key = keys[at] as number; key !== -1; key = keys[at] as number) {
          if (key === gram) {
            if ((seen[at] as number) === 0) shared[k++] = at
            if ((seen[at] as number) < 255) seen[at] = (seen[at] as number) + 1
            break
          }
          at = (at + 1) & (size - 1)
        }
      }
      let dot = 0
      for (let i = 0; i < k; i++) {
        const at = shared[i] as number
        const tf = seen[at] as number
        seen[at] = 0
        dot += (tf === 1 ? 1 : 1 + Math.log(tf)) * (values[at] as number)
      }
      const norm = dot ? this.norm(slot, documents) : 0
      out[t] = norm ? dot / (queryNorm * norm) : 0
    })
    return out
  }
}

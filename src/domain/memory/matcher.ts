import { nameKeys, numberTerms, terms, words } from './analyze'
import { grown } from '../typed-arrays'
import { Bm25Index } from './bm25'
import { CharGrams } from './grams'
import { MATCH_WEIGHTS, SEMANTIC_WEIGHTS, type MatchFeature } from './weights'

/** What the index holds for one claim, fact-check, source or article. */
export interface MemoryDoc {
  id: string
  /** The claim (or the source's excerpt, the article's summary). */
  text: string
  /** The fact-check's title, the source's title, the article's headline. */
  title?: string
  /** ISO date: when the claim was made or checked. */
  date?: string | null
  /** Who made the claim. */
  speaker?: string | null
  language?: string | null
  /** The claim's sentence embedding, unit length, when an encoder is at hand (engine/memory/embeddings.ts). */
  vector?: ArrayLike<number> | null
}

export interface MatchQuery {
  text: string
  date?: string | null
  speaker?: string | null
  language?: string | null
  vector?: ArrayLike<number> | null
}

/** Why a match ranked where it did, as the checker is shown it. */
export interface MatchReasons {
  numbers: string[]
  names: string[]
  sameSpeaker: boolean
}

export interface Match {
  id: string
  score: number
  /** How much of each claim the other covers (0–1), independent of the rest of the corpus's scores. */
  confidence: number
  reasons: MatchReasons
}

/** How many lexical candidates are re-ranked: the right claim is in BM25's top 100 for 97% of training queries. */
const CANDIDATES = 100
const DAY_MS = 86_400_000
/**
 * Claims made within a week of the query's date join the candidates even below BM25's top 100: a
 * debate's claims are checked under the debate's date, and a paraphrase shares few words.
 */
const DATED_CANDIDATES = 20
const DATED_WINDOW = 7
const COMMON_SHARE = 0.1
const MIN_CORPUS = 1000
/** Removed documents are compacted away once there are this many of them (and a quarter of the slots). */
const COMPACT_AFTER = 1000

/** What the matcher compares, as text: made once per document when it is added, and for each query. */
interface Analysis {
  text: string[]
  title: string[]
  numbers: string[]
  /** Name keys, as the `@key` terms they are indexed by. */
  names: string[]
  speaker: string[]
  /** Name keys of the claimant (as `@key`), to find them named in the other claim. */
  speakerNames: string[]
  day: number | null
  /** Years the text names ("in January 2020", "since 1995"): a dated claim without a date field. */
  years: number[]
}

/** The same with every term as its number in the dictionary (bm25.ts), as a document is held and a query compared. */
interface Analysed {
  text: number[]
  title: number[]
  numbers: number[]
  names: number[]
  speaker: number[]
  speakerNames: number[]
  day: number | null
  years: number[]
}

const PARTS = ['text', 'title', 'numbers', 'names', 'speaker', 'speakerNames', 'years'] as const
const NO_DAY = -0x80000000
const YEAR = /\b(?:19|20)\d\d\b/g

function dayOf(date: string | null | undefined): number | null {
  if (!date) return null
  const ms = Date.parse(date.slice(0, 10))
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : null
}

function analyse(doc: MatchQuery & { title?: string | undefined }): Analysis {
  const language = doc.language ?? undefined
  const numbers = numberTerms(doc.title ? `${doc.text} ${doc.title}` : doc.text)
  return {
    text: [...terms(doc.text, language), ...numbers],
    title: doc.title ? terms(doc.title, language) : [],
    numbers,
    names: nameKeys(`${doc.text} ${doc.title ?? ''}`, language).map((n) => `@${n}`),
    speaker: doc.speaker ? words(doc.speaker).filter((w) => w.length > 2) : [],
    speakerNames: doc.speaker ? nameKeys(doc.speaker, language).map((n) => `@${n}`) : [],
    day: dayOf(doc.date),
    years: [...new Set([...`${doc.text} ${doc.title ?? ''}`.matchAll(YEAR)].map((m) => Number(m[0])))],
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** The embedded-post signature social networks append: "— Name (@handle) January 6, 2020". */
const SIGNATURE = /\s[—–-]\s([^—–]*?)\s*\(@\w+\)\s+(\p{L}+)\s+(\d{1,2}),\s+(\d{4})\s*$/u

/**
 * Who posted a pasted post and when, from its signature: the poster is the claimant, and the
 * post's date dates the claim when the checker gave none.
 */
export function postSignatureOf(text: string): { author: string; date: string | null } | null {
  const m = SIGNATURE.exec(text)
  if (!m) return null
  const month = MONTHS.indexOf((m[2] as string).toLowerCase())
  const date = month < 0 ? null : `${m[4]}-${String(month + 1).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`
  return { author: (m[1] as string).replace(/[[\]]/g, '').trim(), date }
}

/**
 * Posts pasted from social media carry more than the claim: links and the embedded-post signature
 * ("— Name (@handle) January 6, 2020") are taken out before matching; handles and hashtags are
 * read as the words they join ("@SenJohnMcCain" → "Sen John Mc Cain", "#WW3" → "WW3"): a handle
 * names who the post is about (+0.016 CV MAP@5 on the tweets against dropping them).
 */
export function claimTextOf(text: string): string {
  return text
    .replace(/\s[—–-]\s[^—–]*\(@\w+\)\s+\p{L}+\s+\d{1,2},\s+\d{4}\s*$/u, ' ')
    .replace(/(?:https?:\/\/|\bwww\.|pic\.twitter\.com\/)\S+/g, ' ')
    .replace(/[@#](\w+)/g, (_, tag: string) => ` ${tag.replace(/([a-z])([A-Z])/g, '$1 $2')} `)
}

/** Both vectors are unit length, so their dot product is the cosine; 0 when either side has none. */
function cosine(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): number {
  if (!a || !b || a.length !== b.length) return 0
  let dot = 0
  for (let i = 0; i < a.length; i++) dot += (a[i] as number) * (b[i] as number)
  return dot
}

/** Adjacent term pairs, each as one number (term numbers are below 2^31; a query's own are negative). */
function bigrams(list: number[]): Set<number> {
  const out = new Set<number>()
  for (let i = 1; i < list.length; i++) out.add((list[i - 1] as number) * 0x100000000 + (list[i] as number))
  return out
}

/**
 * The claim memory's index: full-text search over everything, and the claim matcher — BM25 over
 * claim and title for candidates, re-ranked by what matters for claims (weights.ts): how much of
 * each side the other covers, word pairs, shared numbers and names, claimant and date.
 *
 * A document is held as numbers: its terms by their number in BM25's dictionary, one run of a
 * shared pool per document, its day in a typed array. Held as strings in maps and arrays they
 * took ~1.2 KB a check, most of the library index's memory at 70,000 checks.
 */
export class MemoryIndex {
  private readonly bm25: Bm25Index
  private readonly slots = new Map<string, number>()
  private ids: (string | null)[] = []
  /** Each slot's analysis in `pool` from `starts[slot]`: the seven parts' lengths, then the parts. */
  private pool = new Uint32Array(1024)
  private used = 0
  private starts = new Uint32Array(64)
  private days = new Int32Array(64)
  private readonly vectors = new Map<string, ArrayLike<number>>()
  /** Each slot's claim and title as character grams (grams.ts). */
  private readonly grams = new CharGrams()
  private dead = 0
  /** How many documents have a date: without any, the dated candidates are not looked for. */
  private dated = 0

  constructor(lexical: { titleBoost?: number; k1?: number; b?: number } = {}) {
    this.bm25 = new Bm25Index([1, lexical.titleBoost ?? 0.6], { k1: lexical.k1 ?? 1.2, b: lexical.b ?? 0.75 })
  }

  get size(): number {
    return this.slots.size
  }

  has(id: string): boolean {
    return this.slots.has(id)
  }

  add(doc: MemoryDoc): void {
    if (this.slots.has(doc.id)) this.remove(doc.id)
    const a = analyse(doc)
    const intern = (list: string[]): number[] => list.map((t) => this.bm25.termId(t))
    const held: Analysed = {
      text: intern(a.text),
      title: intern(a.title),
      numbers: intern(a.numbers),
      names: intern(a.names),
      speaker: intern(a.speaker),
      speakerNames: intern(a.speakerNames),
      day: a.day,
      years: a.years,
    }
    const slot = this.ids.length
    this.ids.push(doc.id)
    this.grams.add(slot, doc.title ? `${doc.text} ${doc.title}` : doc.text)
    this.slots.set(doc.id, slot)
    this.store(slot, held)
    if (a.day !== null) this.dated++
    if (doc.vector) this.vectors.set(doc.id, doc.vector)
    this.bm25.add(slot, [...held.text, ...held.names], held.title)
  }

  private store(slot: number, a: Analysed): void {
    // Half as much again, not double: the pool is most of the matcher's memory.
    this.pool = grown(this.pool, this.used + PARTS.length + PARTS.reduce((n, part) => n + a[part].length, 0), { factor: 1.5 })
    this.starts = grown(this.starts, slot + 1)
    this.days = grown(this.days, slot + 1)
    this.starts[slot] = this.used
    this.days[slot] = a.day ?? NO_DAY
    let at = this.used
    for (const part of PARTS) this.pool[at++] = a[part].length
    for (const part of PARTS) for (const value of a[part]) this.pool[at++] = value
    this.used = at
  }

  /** A slot's analysis as it was stored. */
  private analysed(slot: number): Analysed {
    let at = this.starts[slot] as number
    const lengths = PARTS.map((_, i) => this.pool[at + i] as number)
    at += PARTS.length
    const part = (i: number): number[] => {
      const list = Array.from(this.pool.subarray(at, at + (lengths[i] as number)))
      at += lengths[i] as number
      return list
    }
    const text = part(0)
    const title = part(1)
    const numbers = part(2)
    const names = part(3)
    const speaker = part(4)
    const speakerNames = part(5)
    const years = part(6)
    const day = this.days[slot] as number
    return { text, title, numbers, names, speaker, speakerNames, day: day === NO_DAY ? null : day, years }
  }

  /** Gives a document its sentence embedding, or takes it away (null), without indexing it again. */
  setVector(id: string, vector: ArrayLike<number> | null): void {
    if (!this.slots.has(id)) return
    if (vector) this.vectors.set(id, vector)
    else this.vectors.delete(id)
  }

  remove(id: string): void {
    const slot = this.slots.get(id)
    if (slot === undefined) return
    const a = this.analysed(slot)
    this.slots.delete(id)
    this.vectors.delete(id)
    this.ids[slot] = null
    this.grams.remove(slot)
    if (a.day !== null) this.dated--
    this.bm25.remove(slot, new Set([...a.text, ...a.names, ...a.title]))
    this.dead++
    if (this.dead > COMPACT_AFTER && this.dead > this.ids.length / 4) this.compact()
  }

  /** Renumbers the live documents densely and packs their analyses, dropping the removed ones'. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1)
    const ids: string[] = []
    const pool = new Uint32Array(Math.max(1024, this.used))
    const starts = new Uint32Array(Math.max(64, this.slots.size))
    const days = new Int32Array(starts.length)
    let used = 0
    this.ids.forEach((id, slot) => {
      if (id === null) return
      const to = ids.length
      renumber[slot] = to
      this.slots.set(id, to)
      ids.push(id)
      const from = this.starts[slot] as number
      let length = PARTS.length
      for (let i = 0; i < PARTS.length; i++) length += this.pool[from + i] as number
      pool.set(this.pool.subarray(from, from + length), used)
      starts[to] = used
      days[to] = this.days[slot] as number
      used += length
    })
    this.bm25.compact(renumber, ids.length)
    this.grams.compact(renumber, ids.length)
    this.ids = ids
    this.pool = pool
    this.used = used
    this.starts = starts
    this.days = days
    this.dead = 0
  }

  /**
   * A term's weight in the coverage features. The corpus counts as at least 1,000 documents, so a
   * team's first few projects weigh shared and unshared words alike instead of by accident of
   * which project came first.
   */
  private idf(term: number): number {
    const n = this.bm25.frequency(term)
    return Math.log(1 + (this.documents - n + 0.5) / (n + 0.5))
  }

  /** How many documents the idf weights count with: the corpus, but at least MIN_CORPUS. */
  private get documents(): number {
    return Math.max(this.size, MIN_CORPUS)
  }

  /**
   * The query's terms less those in more than a tenth of the documents: they add little to BM25
   * and make it visit most of the corpus.
   */
  private informative(list: number[]): number[] {
    const unique = [...new Set(list)]
    const common = Math.max(50, this.size * COMMON_SHARE)
    const kept = unique.filter((t) => this.bm25.frequency(t) <= common)
    return kept.length ? kept : unique
  }

  /** A query's terms by number without adding to the dictionary: a term no document has gets a number of its own below 0. */
  private queryAnalysed(a: Analysis): Analysed {
    const unknown = new Map<string, number>()
    const number = (t: string): number => {
      const id = this.bm25.lookup(t)
      if (id >= 0) return id
      let own = unknown.get(t)
      if (own === undefined) unknown.set(t, (own = -2 - unknown.size))
      return own
    }
    const numbers = (list: string[]): number[] => list.map(number)
    return {
      text: numbers(a.text),
      title: numbers(a.title),
      numbers: numbers(a.numbers),
      names: numbers(a.names),
      speaker: numbers(a.speaker),
      speakerNames: numbers(a.speakerNames),
      day: a.day,
      years: a.years,
    }
  }

  private features(
    q: Analysed,
    qBigrams: Set<number>,
    d: Analysed,
    relative: number,
    grams: number,
    vectors: [ArrayLike<number> | null | undefined, ArrayLike<number> | null | undefined],
  ): Record<MatchFeature, number> & { reasons: MatchReasons } {
    const qTerms = new Set(q.text)
    const dText = new Set(d.text)
    const dTitle = new Set(d.title)
    let qTotal = 0
    let qShared = 0
    for (const t of qTerms) {
      const w = this.idf(t)
      qTotal += w
      if (dText.has(t) || dTitle.has(t)) qShared += w
    }
    const cover = (set: Set<number>): number => {
      let total = 0
      let shared = 0
      for (const t of set) {
        const w = this.idf(t)
        total += w
        if (qTerms.has(t)) shared += w
      }
      return total ? shared / total : 0
    }
    const dBigrams = bigrams(d.text)
    let sharedPairs = 0
    for (const b of dBigrams) if (qBigrams.has(b)) sharedPairs++
    const qNumbers = new Set(q.numbers)
    const numbers = d.numbers.filter((n) => qNumbers.has(n))
    const qNames = new Set(q.names)
    const names = d.names.filter((n) => qNames.has(n))
    const sameSpeaker = q.speaker.length > 0 && d.speaker.some((w) => q.speaker.includes(w))
    const dNames = new Set(d.names)
    const qYear = q.day === null ? null : new Date(q.day * DAY_MS).getUTCFullYear()
    const days = q.day !== null && d.day !== null ? Math.abs(q.day - d.day) : null
    return {
      lexical: relative,
      queryCovered: qTotal ? qShared / qTotal : 0,
      claimCovered: cover(dText),
      titleCovered: cover(dTitle),
      pairs: dBigrams.size ? sharedPairs / dBigrams.size : 0,
      grams,
      numbers: Math.min(numbers.length, 3) / 3,
      numberMismatch: d.numbers.length > 0 && q.numbers.length > 0 && numbers.length === 0 ? 1 : 0,
      names: d.names.length ? names.length / d.names.length : 0,
      speaker: sameSpeaker ? 1 : 0,
      speakerNamed: q.speakerNames.length ? q.speakerNames.filter((n) => dNames.has(n)).length / q.speakerNames.length : 0,
      date: days === null ? 0 : Math.exp(-days / 365),
      sameWeek: days !== null && days <= 7 ? 1 : 0,
      yearNamed: qYear !== null && d.years.includes(qYear) ? 1 : 0,
      otherYear: qYear !== null && d.years.length > 0 && !d.years.includes(qYear) ? 1 : 0,
      semantic: cosine(vectors[0], vectors[1]),
      reasons: {
        numbers: numbers.map((n) => this.bm25.term(n).slice(1)),
        names: names.map((n) => this.bm25.term(n).slice(1)),
        sameSpeaker,
      },
    }
  }

  /** Candidates with their features, before weighing: the eval tunes the weights on these. */
  candidates(query: MatchQuery, { filter, limit = CANDIDATES }: { filter?: (id: string) => boolean; limit?: number } = {}) {
    const post = postSignatureOf(query.text)
    const speaker = query.speaker ?? post?.author ?? null
    const claim = claimTextOf(query.text)
    const q = this.queryAnalysed(analyse({ ...query, text: claim, date: query.date ?? post?.date ?? null, speaker }))
    // The claimant joins the words BM25 looks for and the character grams: a check of what someone
    // said names them ("Did Pope Francis say…"), and a pasted post's author is most often who it
    // is about (+0.023 CV MAP@5 on the tweets, whose posts carry their author in the signature).
    // The coverage features, and so a match's confidence, stay the claim's own words.
    const claimant = speaker ? this.queryAnalysed(analyse({ text: speaker, language: query.language ?? null })).text : []
    const queryTerms = [...this.informative([...q.text, ...claimant]), ...q.names, ...q.speakerNames]
    const accept = filter ? (slot: number) => filter(this.ids[slot] as string) : undefined
    const lexical = this.best(this.bm25.search(queryTerms, limit, accept), limit)
    const day = q.day
    if (day !== null && this.dated > 0) {
      const seen = new Set(lexical.map((r) => r.slot))
      const near = (slot: number): boolean => {
        const d = this.days[slot] as number
        return d !== NO_DAY && Math.abs(d - day) <= DATED_WINDOW && (!accept || accept(slot))
      }
      for (const r of this.best(this.bm25.search(queryTerms, DATED_CANDIDATES, near), DATED_CANDIDATES))
        if (!seen.has(r.slot)) lexical.push(r)
    }
    const top = lexical[0]?.score ?? 1
    const qBigrams = bigrams(q.text)
    const grams = this.grams.similarities(
      speaker ? `${claim} ${speaker}` : claim,
      lexical.map((r) => r.slot),
      this.documents,
    )
    return lexical.map((r, i) => {
      const id = this.ids[r.slot] as string
      return {
        id,
        ...this.features(q, qBigrams, this.analysed(r.slot), r.score / top, grams[i] as number, [query.vector, this.vectors.get(id)]),
      }
    })
  }

  /**
   * BM25's hits, best first, at most `limit`. Equal scores keep the order the documents were added
   * in, which `match` keeps too: of two fact-checks of the same words, the one imported first
   * comes first, not whichever id sorts first as a string ("1056" before "14").
   */
  private best(hits: { slot: number; score: number }[], limit: number): { slot: number; score: number }[] {
    hits.sort((x, y) => y.score - x.score || x.slot - y.slot)
    return hits.slice(0, limit)
  }

  /** The closest earlier claims and fact-checks, best first. */
  match(
    query: MatchQuery,
    options: { filter?: (id: string) => boolean; limit?: number; weights?: Record<MatchFeature, number> } = {},
  ): Match[] {
    const weights = options.weights ?? (query.vector ? SEMANTIC_WEIGHTS : MATCH_WEIGHTS)
    const scored = this.candidates(query, options.filter ? { filter: options.filter } : {}).map((c) => ({
      id: c.id,
      score: weigh(c, weights),
      confidence: Math.min(1, (c.queryCovered + Math.max(c.claimCovered, c.titleCovered)) / 2),
      reasons: c.reasons,
    }))
    scored.sort((a, b) => b.score - a.score)
    return scored.slice(0, options.limit ?? CANDIDATES)
  }
}

export function weigh(features: Record<MatchFeature, number>, weights: Record<MatchFeature, number>): number {
  let score = 0
  for (const key of Object.keys(weights) as MatchFeature[]) score += weights[key] * features[key]
  return score
}

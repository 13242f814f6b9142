import { nameKeys, numberTerms, terms, words } from './analyze'
import { Bm25Index } from './bm25'
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

interface Analysed {
  text: string[]
  title: string[]
  numbers: string[]
  names: string[]
  speaker: string[]
  /** Name keys of the claimant, to find them named in the other claim. */
  speakerNames: string[]
  day: number | null
  /** Years the text names ("in January 2020", "since 1995"): a dated claim without a date field. */
  years: number[]
}

const YEAR = /\b(?:19|20)\d\d\b/g

function dayOf(date: string | null | undefined): number | null {
  if (!date) return null
  const ms = Date.parse(date.slice(0, 10))
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : null
}

function analyse(doc: MatchQuery & { title?: string | undefined }): Analysed {
  const language = doc.language ?? undefined
  const numbers = numberTerms(doc.title ? `${doc.text} ${doc.title}` : doc.text)
  return {
    text: [...terms(doc.text, language), ...numbers],
    title: doc.title ? terms(doc.title, language) : [],
    numbers,
    names: nameKeys(`${doc.text} ${doc.title ?? ''}`, language),
    speaker: doc.speaker ? words(doc.speaker).filter((w) => w.length > 2) : [],
    speakerNames: doc.speaker ? nameKeys(doc.speaker, language) : [],
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
 * Posts pasted from social media carry more than the claim: links, the embedded-post signature
 * ("— Name (@handle) January 6, 2020"), handles. They are taken out before matching.
 */
export function claimTextOf(text: string): string {
  return text
    .replace(/\s[—–-]\s[^—–]*\(@\w+\)\s+\p{L}+\s+\d{1,2},\s+\d{4}\s*$/u, ' ')
    .replace(/\b(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+/g, ' ')
    .replace(/(^|\s)@\w+/g, ' ')
    .replace(/#(\w+)/g, (_, tag: string) => tag.replace(/([a-z])([A-Z])/g, '$1 $2'))
}

/** Both vectors are unit length, so their dot product is the cosine; 0 when either side has none. */
function cosine(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): number {
  if (!a || !b || a.length !== b.length) return 0
  let dot = 0
  for (let i = 0; i < a.length; i++) dot += (a[i] as number) * (b[i] as number)
  return dot
}

function bigrams(list: string[]): Set<string> {
  const out = new Set<string>()
  for (let i = 1; i < list.length; i++) out.add(`${list[i - 1]} ${list[i]}`)
  return out
}

/**
 * The claim memory's index: full-text search over everything, and the claim matcher — BM25 over
 * claim and title for candidates, re-ranked by what matters for claims (weights.ts): how much of
 * each side the other covers, word pairs, shared numbers and names, claimant and date.
 */
export class MemoryIndex {
  private readonly bm25: Bm25Index

  constructor(lexical: { titleBoost?: number; k1?: number; b?: number } = {}) {
    this.bm25 = new Bm25Index([1, lexical.titleBoost ?? 0.6], { k1: lexical.k1 ?? 1.2, b: lexical.b ?? 0.75 })
  }

  private readonly docs = new Map<string, MemoryDoc>()
  /** Each document's terms, numbers and names, made once when it is added. */
  private readonly analysed = new Map<string, Analysed>()
  /** How many documents have a date: without any, the dated candidates are not looked for. */
  private dated = 0

  get size(): number {
    return this.docs.size
  }

  has(id: string): boolean {
    return this.docs.has(id)
  }

  get(id: string): MemoryDoc | undefined {
    return this.docs.get(id)
  }

  ids(): IterableIterator<string> {
    return this.docs.keys()
  }

  add(doc: MemoryDoc): void {
    if (this.docs.has(doc.id)) this.remove(doc.id)
    const a = analyse(doc)
    this.docs.set(doc.id, doc)
    this.analysed.set(doc.id, a)
    if (a.day !== null) this.dated++
    this.bm25.add(doc.id, [...a.text, ...a.names.map((n) => `@${n}`)], a.title)
  }

  /** Gives a document its sentence embedding, or takes it away (null), without indexing it again. */
  setVector(id: string, vector: ArrayLike<number> | null): void {
    const doc = this.docs.get(id)
    if (doc) this.docs.set(id, { ...doc, vector })
  }

  remove(id: string): void {
    const a = this.analysed.get(id)
    if (!a) return
    this.docs.delete(id)
    this.analysed.delete(id)
    if (a.day !== null) this.dated--
    this.bm25.remove(id, { text: [...a.text, ...a.names.map((n) => `@${n}`)], title: a.title })
  }

  /**
   * A term's weight in the coverage features. The corpus counts as at least 1,000 documents, so a
   * team's first few projects weigh shared and unshared words alike instead of by accident of
   * which project came first.
   */
  private idf(term: string): number {
    const n = this.bm25.documentFrequency(term)
    return Math.log(1 + (Math.max(this.docs.size, MIN_CORPUS) - n + 0.5) / (n + 0.5))
  }

  /**
   * The query's terms less those in more than a tenth of the documents: they add little to BM25
   * and make it visit most of the corpus.
   */
  private informative(list: string[]): string[] {
    const unique = [...new Set(list)]
    const common = Math.max(50, this.docs.size * COMMON_SHARE)
    const kept = unique.filter((t) => this.bm25.documentFrequency(t) <= common)
    return kept.length ? kept : unique
  }

  private features(
    q: Analysed,
    qBigrams: Set<string>,
    d: Analysed,
    relative: number,
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
    const cover = (set: Set<string>): number => {
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
      reasons: { numbers: numbers.map((n) => n.slice(1)), names, sameSpeaker },
    }
  }

  /** Candidates with their features, before weighing: the eval tunes the weights on these. */
  candidates(query: MatchQuery, { filter, limit = CANDIDATES }: { filter?: (id: string) => boolean; limit?: number } = {}) {
    const post = postSignatureOf(query.text)
    const q = analyse({
      ...query,
      text: claimTextOf(query.text),
      date: query.date ?? post?.date ?? null,
      speaker: query.speaker ?? post?.author ?? null,
    })
    const queryTerms = [...this.informative(q.text), ...q.names.map((n) => `@${n}`)]
    const lexical = this.bm25.search(queryTerms, limit, filter)
    const day = q.day
    if (day !== null && this.dated > 0) {
      const seen = new Set(lexical.map((r) => r.id))
      const near = (id: string): boolean => {
        const d = this.analysed.get(id)?.day
        return d !== null && d !== undefined && Math.abs(d - day) <= DATED_WINDOW && (!filter || filter(id))
      }
      for (const r of this.bm25.search(queryTerms, DATED_CANDIDATES, near)) if (!seen.has(r.id)) lexical.push(r)
    }
    const top = lexical[0]?.score ?? 1
    const qBigrams = bigrams(q.text)
    return lexical.map((r) => {
      return {
        id: r.id,
        ...this.features(q, qBigrams, this.analysed.get(r.id) as Analysed, r.score / top, [query.vector, this.docs.get(r.id)?.vector]),
      }
    })
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

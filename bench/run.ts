// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
// one table. Performance targets live here, not in timed tests.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Bench, BenchRow } from './types'

const dir = import.meta.dirname
const only = process.argv.slice(2)
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort()

const rows: (BenchRow & { suite: string })[] = []
for (const file of files) {
  const suite = file.replace(/\.bench\.ts$/, '')
  process.stderr.write(`running ${suite}…\n`)
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench }
  for (const row of await mod.default()) rows.push({ suite, ...row })
}

const format = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2))
const table = [
  ['suite', 'measure', 'value', 'target', 'ok', 'note'],
  ...rows.map((r) => [
    r.suite,
    r.name,
    `${format(r.value)} ${r.unit}`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]),
]
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
for (const [i, row] of table.entries()) {
  process.stdout.write(
    `${row
      .map((cell, j) => cell.padEnd(widths[j]!))
      .join('  ')
      .trimEnd()}\n`,
  )
  if (i === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`)
}
const missed = rows.filter((r) => r.met === false)
if (missed.length) process.stdout.write(`\n${missed.length} target(s) missed.\n`)

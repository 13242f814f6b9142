// The `factdesk` command's start-up: a two-sentence `factdesk sentences` against a bare `node -e 0`,
// run alternately in the same process so a busy machine slows both alike.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Bench, BenchRow } from './types'

const ROOT = join(import.meta.dirname, '..')
const BIN = join(ROOT, 'bin', 'factdesk.js')
const RUNS = 15
const INPUT = 'The council approved 42 new homes on Tuesday. Critics said the plan came too late.'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function timed(args: string[], input?: string): number {
  const start = performance.now()
  execFileSync(process.execPath, args, { input, stdio: ['pipe', 'ignore', 'inherit'] })
  return performance.now() - start
}

const bench: Bench = () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.js')])
  const node: number[] = []
  const fixed: number[] = []
  const detected: number[] = []
  for (let i = 0; i < RUNS; i++) {
    node.push(timed(['-e', '0']))
    fixed.push(timed([BIN, 'sentences', '--lang', 'en'], INPUT))
    detected.push(timed([BIN, 'sentences'], INPUT))
  }
  const base = median(node)
  const rows: BenchRow[] = [
    { name: 'node -e 0 (the floor)', value: base, unit: 'ms' },
    {
      name: 'factdesk sentences --lang en, two sentences',
      value: median(fixed),
      unit: 'ms',
      target: `≤ 1.5× node (${(1.5 * base).toFixed(0)} ms)`,
      met: median(fixed) <= 1.5 * base,
      note: `${(median(fixed) / base).toFixed(2)}× node`,
    },
    {
      name: 'factdesk sentences, language detected',
      value: median(detected),
      unit: 'ms',
      note: `${(median(detected) / base).toFixed(2)}× node; loads the 60-language detector`,
    },
  ]
  return Promise.resolve(rows)
}

export default bench

// Sentence splitting throughput on 100 kB, 1 MB and 10 MB of generated news text, side by side with
// sbd and (at 100 kB only: it copies its whole input into every segment and runs out of memory at
// 1 MB on Node 20) Intl.Segmenter, in one run.
import sbd from 'sbd'
import { splitSentences } from '@domain/text/segment'
import { median, newsText, times, warmUp } from './fixtures/news'
import type { BenchRow } from './types'

/**
 * sbd's median milliseconds per call and how many times slower it is than factdesk: `rounds` rounds,
 * each timing a block of `perBlock` calls of one and then of the other, and the median of the
 * rounds' ratios. Each splitter runs in its own block so that one library's garbage is mostly
 * collected on its own clock; alternating the blocks pairs the two measures in time, so a burst of
 * load from other processes on a shared machine falls on both.
 */
function compare(rounds: number, perBlock: number, ours: () => unknown, theirs: () => unknown): { theirs: number; ratio: number } {
  warmUp(theirs, 300)
  const all: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < rounds; round++) {
    const slow = times(theirs, perBlock)
    ratios.push(median(slow) / median(times(ours, perBlock)))
    all.push(...slow)
  }
  return { theirs: median(all), ratio: median(ratios) }
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000)

export default function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const ours = new Map<number, number>()
  for (const [label, bytes, runs, rounds, perBlock] of [
    ['100 kB', 100_000, 21, 7, 5],
    ['1 MB', 1_000_000, 7, 5, 2],
    ['10 MB', 10_000_000, 5, 3, 1],
  ] as const) {
    const text = newsText(bytes)
    const split = (): unknown => splitSentences(text, 'en')
    // factdesk alone first, so that its times (and their growth with size) carry none of sbd's garbage
    warmUp(split, 300)
    const factdesk = median(times(split, runs))
    const { theirs: sbdTime, ratio: speedup } = compare(rounds, perBlock, split, () => sbd.sentences(text, {}))
    ours.set(bytes, factdesk)
    rows.push({ name: `split ${label}: factdesk`, value: mbPerSecond(bytes, factdesk), unit: 'MB/s', note: `${factdesk.toFixed(1)} ms` })
    rows.push({ name: `split ${label}: sbd`, value: mbPerSecond(bytes, sbdTime), unit: 'MB/s', note: `${sbdTime.toFixed(1)} ms` })
    if (bytes === 100_000) {
      // one run, no warm-up: it takes seconds, and allocates enough to disturb what is measured after it
      const start = performance.now()
      let count = 0
      for (const segment of segmenter.segment(text)) count += segment.segment.length > 0 ? 1 : 0
      const intl = performance.now() - start
      rows.push({
        name: `split ${label}: Intl.Segmenter`,
        value: mbPerSecond(bytes, intl),
        unit: 'MB/s',
        note: `${count} sentences; runs out of memory at 1 MB`,
      })
    }
    rows.push({
      name: `split ${label}: factdesk ÷ sbd`,
      value: speedup,
      unit: '×',
      target: '≥ 3×',
      met: speedup >= 3,
      note: `median of ${rounds} paired rounds`,
    })
  }
  const growth = (ours.get(10_000_000) ?? 0) / (ours.get(1_000_000) ?? 1)
  rows.push({ name: 'split time 10 MB ÷ 1 MB', value: growth, unit: '×', target: '≤ 12× (linear: 10×)', met: growth <= 12 })
  return Promise.resolve(rows)
}

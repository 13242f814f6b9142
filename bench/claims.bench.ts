// Check-worthiness: scoring every sentence of a generated news article, with the English model
// (n-grams and rules) and the rules-only model that every other language uses. This is what a new
// project pays for its proposals, and what `factdesk split` does.
import { join } from 'node:path'
import { loadCheckworthinessModel } from '@engine/claim-model'
import { scoreSentences } from '@domain/claims/propose'
import { splitSentences } from '@domain/text/segment'
import { median, newsText, times, warmUp } from './fixtures/news'
import type { BenchRow } from './types'

export default async function bench(): Promise<BenchRow[]> {
  const model = await loadCheckworthinessModel(join(import.meta.dirname, '../resources'))
  const text = newsText(100_000)
  const sentences = splitSentences(text, 'en').length
  const rows: BenchRow[] = []
  for (const [label, language] of [
    ['English model', 'en'],
    ['rules only (uk)', 'uk'],
  ] as const) {
    const score = (): unknown => scoreSentences(text, language, model)
    warmUp(score, 500)
    const ms = median(times(score, 9))
    rows.push({
      name: `score every sentence, ${label}`,
      value: (ms / sentences) * 1000,
      unit: 'ms per 1,000 sentences',
      note: `${sentences} sentences in 100 kB, splitting included`,
    })
  }
  return rows
}

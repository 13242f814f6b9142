import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

interface Claimant {
  text: string
  start: number
  end: number
}

// Each case starts the real command; on a busy two-core machine that can take several seconds.
describe('factdesk CLI: the claimant of every sentence', { timeout: 60_000 }, () => {
  it('score --batch gives each line its claimant, offsets into the sentence, or null', async () => {
    const stdin = [
      JSON.stringify({ id: 'a', text: 'According to the Ministry of Health, 40 people died.', lang: 'en' }),
      JSON.stringify({ id: 'b', text: 'Unemployment fell to 4.1% in March.', lang: 'en' }),
      JSON.stringify({ id: 'c', text: 'За даними ООН, загинули понад 10 тисяч цивільних.', lang: 'uk' }),
    ].join('\n')
    const result = await runCli(['score', '--batch'], { stdin })
    expect(result.code).toBe(0)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; text: string; claimant: Claimant | null; reasons: unknown[] })
    expect(lines.map((l) => [l.id, l.claimant?.text ?? null])).toEqual([
      ['a', 'the Ministry of Health'],
      ['b', null],
      ['c', 'ООН'],
    ])
    for (const line of lines) {
      expect(line).toHaveProperty('claimant')
      expect(line.reasons.length).toBeGreaterThan(0)
      if (line.claimant) expect(line.text.slice(line.claimant.start, line.claimant.end)).toBe(line.claimant.text)
    }
  })

  it('split --json gives each sentence its claimant, offsets into the article, pronouns resolved', async () => {
    const article =
      'Mayor Elena Marsh said the wall was last inspected in 2019. She said repairs cost £4.2 million.\n\nThe river peaked at 5.8 metres.'
    const result = await runCli(['split', '-', '--json', '--lang', 'en'], { stdin: article })
    expect(result.code).toBe(0)
    const records = JSON.parse(result.stdout) as { text: string; claimant: Claimant | null }[]
    expect(records.map((r) => r.claimant?.text ?? null)).toEqual(['Mayor Elena Marsh', 'Mayor Elena Marsh', null])
    for (const r of records) if (r.claimant) expect(article.slice(r.claimant.start, r.claimant.end)).toBe(r.claimant.text)
  })
})

import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCheckworthinessModel } from '@engine/claim-model'
import { readSample } from '@engine/samples'
import { scoreSentence, type CheckworthinessModel } from '@domain/claims/model'
import { createProposalFinder, scoreSentences } from '@domain/claims/propose'
import { compareByCheckworthiness, displayedScore, formatScore, groupReasons, topScoreTies } from '@domain/claims/ranking'

const RESOURCES = join(import.meta.dirname, '../../resources')

describe('formatScore: enough resolution that proposals rarely tie', () => {
  it('shows a percentage with one decimal, and more near 0 and 100', () => {
    expect(formatScore(0.8738)).toBe('87.4')
    expect(formatScore(0.5)).toBe('50.0')
    expect(formatScore(0.995)).toBe('99.50')
    expect(formatScore(0.99953)).toBe('99.953')
    expect(formatScore(0.9999546)).toBe('99.9955')
    expect(formatScore(0.003)).toBe('0.30')
    expect(formatScore(1)).toBe('100.0')
  })

  it('tells apart scores that whole percentages showed as 100', () => {
    expect(new Set([0.9991, 0.9996, 0.99991].map(formatScore)).size).toBe(3)
    expect(topScoreTies([0.9991, 0.9996, 0.99991])).toBe(1)
    expect(topScoreTies([0.87, 0.87, 0.5])).toBe(2)
    expect(topScoreTies([])).toBe(0)
  })
})

describe('compareByCheckworthiness: score, then evidence kinds, then position', () => {
  const claim = (score: number, start: number, kinds: string[]): { score: number; start: number; reasons: { kind: string }[] } => ({
    score,
    start,
    reasons: kinds.map((kind) => ({ kind })),
  })

  it('orders by displayed score, breaking exact ties by independent evidence and then position', () => {
    const a = claim(0.91, 50, ['figure'])
    const b = claim(0.95, 80, ['figure'])
    const c = claim(0.91, 10, ['figure', 'figure', 'date'])
    const d = claim(0.91, 5, ['figure', 'question'])
    const e = claim(0.91, 20, ['figure'])
    expect([a, b, c, d, e].sort(compareByCheckworthiness)).toEqual([b, c, d, e, a])
  })

  it('puts claims without a score last', () => {
    const scored = claim(0.2, 10, [])
    const unscored = { score: null, start: 0, reasons: [] }
    expect([unscored, scored].sort(compareByCheckworthiness)).toEqual([scored, unscored])
  })
})

describe('groupReasons: each kind once with its spans', () => {
  it('groups spans by kind, positive kinds first', () => {
    const reasons = [
      { kind: 'hedged-prediction', start: 0 },
      { kind: 'figure', start: 30 },
      { kind: 'date', start: 12 },
      { kind: 'figure', start: 5 },
    ]
    expect(groupReasons(reasons).map((g) => [g.kind, g.spans.map((s) => s.start)])).toEqual([
      ['figure', [5, 30]],
      ['date', [12]],
      ['hedged-prediction', [0]],
    ])
  })
})

describe('calibrated scores on news', () => {
  let model: CheckworthinessModel
  beforeAll(async () => {
    model = await loadCheckworthinessModel(RESOURCES)
  })

  it('ranks the sample article with one proposal alone at the top', async () => {
    const sample = await readSample(RESOURCES)
    const proposals = scoreSentences(sample.text, 'en', model).filter((s) => s.checkworthy)
    expect(proposals.length).toBeGreaterThan(5)
    expect(topScoreTies(proposals.map((p) => p.score))).toBe(1)
    // and the scores spread: not all of them show above 99
    expect(proposals.filter((p) => displayedScore(p.score) >= 99).length).toBeLessThan(proposals.length)
  })

  it('proposes event claims and denials in the rules-only languages', () => {
    for (const [sentence, language] of [
      ['Президент підписав закон про мобілізацію.', 'uk'],
      ['Правительство утвердило бюджет на 2026 год.', 'ru'],
      ['El ministro negó las acusaciones.', 'es'],
      ['Le gouvernement a démenti les accusations.', 'fr'],
    ] as const) {
      expect(scoreSentence(sentence, language, model).checkworthy, sentence).toBe(true)
    }
  })

  it('proposes attributed English generalisations, not characterisations and courtesies', () => {
    expect(scoreSentence('Critics point out that most of those jobs will last less than three years.', 'en', model).checkworthy).toBe(true)
    expect(scoreSentence('Reports of torture and deaths in detention are common.', 'en', model).checkworthy).toBe(true)
    expect(scoreSentence('He congratulated both parties on the agreement.', 'en', model).checkworthy).toBe(false)
    expect(scoreSentence('Opponents called the vote rushed.', 'en', model).checkworthy).toBe(false)
  })

  it('gives each proposal its claimant, with offsets into the article', () => {
    const text = 'The finance minister said unemployment fell to 4.1% in March. He said 150,000 jobs were created in 2025.'
    const proposals = createProposalFinder(model)(text, 'en', '2026-11-30T00:00:00.000Z')
    expect(proposals.map((p) => p.claimant?.text ?? null)).toEqual(['The finance minister', 'The finance minister'])
    for (const { claimant } of proposals) if (claimant) expect(text.slice(claimant.start, claimant.end)).toBe(claimant.text)
  })
})

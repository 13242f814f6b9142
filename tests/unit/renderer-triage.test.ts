import { describe, expect, it } from 'vitest'
import type { Claim } from '@domain/project/schema'
import { moveSelection, selectionStart } from '../../src/renderer/src/features/article/keyboard-selection'
import { decidedCount, nextToDecide } from '../../src/renderer/src/features/claims/triage'
import { progressLabel } from '../../src/renderer/src/features/library/progress'
import { translator } from '../helpers/translator'
import { claimIn, makeProject } from '../helpers/projects'

const TEXT = `Unemployment fell to 4.1% in March. Wages rose 3%.

The reform "created 200,000 jobs" since 2024. Exports doubled.`

function project(statuses: Partial<Record<string, Partial<Claim>>>) {
  const quotes = [
    'Unemployment fell to 4.1% in March.',
    'Wages rose 3%.',
    'The reform "created 200,000 jobs" since 2024.',
    'Exports doubled.',
  ]
  return {
    ...makeProject(TEXT),
    claims: quotes.map((quote, i) => claimIn(TEXT, `c${i}`, quote, { status: 'suggested', ...statuses[`c${i}`] })),
  }
}

describe('triage', () => {
  it('counts every claim no longer a proposal as decided', () => {
    expect(decidedCount(project({}))).toEqual({ decided: 0, total: 4 })
    expect(decidedCount(project({ c1: { status: 'dismissed' }, c3: { status: 'to-check' } }))).toEqual({ decided: 2, total: 4 })
  })

  it('goes on to the next proposal after the one decided, wrapping round, then to claims without a verdict', () => {
    const order = ['c0', 'c1', 'c2', 'c3']
    expect(nextToDecide(order, project({ c0: { status: 'to-check' } }), 'c0')).toBe('c1')
    expect(nextToDecide(order, project({ c3: { status: 'dismissed' }, c0: { status: 'to-check' } }), 'c3')).toBe('c1')
    const noneLeft = project({
      c0: { status: 'to-check', verdict: 'true' },
      c1: { status: 'dismissed' },
      c2: { status: 'in-progress' },
      c3: { status: 'to-check', verdict: 'false' },
    })
    expect(nextToDecide(order, noneLeft, 'c3')).toBe('c2')
    expect(
      nextToDecide(order, { ...noneLeft, claims: noneLeft.claims.map((c) => ({ ...c, verdict: c.verdict ?? 'true' })) }, 'c3'),
    ).toBeNull()
    // A claim the filter no longer shows still marks the place: the order read before the decision.
    expect(nextToDecide(['c1', 'c2'], project({ c1: { status: 'dismissed' } }), 'c1')).toBe('c2')
  })
})

describe('keyboard selection in the article', () => {
  it('never shrinks to nothing, and starts from the selected claim or the first sentence', () => {
    const word = { start: TEXT.indexOf('Wages'), end: TEXT.indexOf('Wages') + 'Wages'.length }
    expect(moveSelection(TEXT, 'en', word, 'end-earlier')).toEqual(word)
    expect(moveSelection(TEXT, 'en', word, 'start-later')).toEqual(word)
    expect(selectionStart(TEXT, 'en', null)).toEqual({ start: 0, end: 'Unemployment fell to 4.1% in March.'.length })
    const last = { start: TEXT.indexOf('Exports'), end: TEXT.length }
    expect(moveSelection(TEXT, 'en', last, 'next-sentence')).toEqual(last)
    expect(moveSelection(TEXT, 'en', last, 'previous-sentence')).toEqual({ start: TEXT.indexOf('The reform'), end: TEXT.length })
  })
})

describe('library progress', () => {
  it('names both counts, with the locale’s digit grouping, so neither reads as the whole', () => {
    const summary = (done: number, total: number, suggested: number) => ({
      progress: { done, total },
      byStatus: { suggested, dismissed: 0, 'to-check': 0, 'in-progress': 0, 'needs-review': 0, done },
    })
    const { t } = translator('en')
    expect(progressLabel(summary(0, 1, 8724), t)).toBe('0 of 1 accepted claim done · 8,724 suggestions to review')
    expect(progressLabel(summary(2, 5, 0), t)).toBe('2 of 5 accepted claims done')
    expect(progressLabel(summary(0, 0, 1), t)).toBe('1 suggestion to review')
    expect(progressLabel(summary(0, 0, 0), t)).toBe('No claims yet')
    const uk = translator('uk').t
    expect(progressLabel(summary(2, 5, 8724), uk)).toBe('Готово 2 з 5 прийнятих тверджень · 8\u00a0724 пропозиції на розгляд')
    expect(progressLabel(summary(1, 21, 1), uk)).toBe('Готово 1 з 21 прийнятого твердження · 1 пропозиція на розгляд')
  })
})

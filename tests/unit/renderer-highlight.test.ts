import { describe, expect, it } from 'vitest'
import { layoutArticle, paragraphSpans, type Paragraph } from '../../src/renderer/src/features/article/highlight'
import { claimIn } from '../helpers/projects'

const TEXT = `Unemployment fell to 4.1% in March, the statistics office said.

The minister said the reform "created 200,000 jobs" since 2024. Critics call that a stretch.`

/** Each piece of a paragraph as the article view draws it: its text, and the claim drawn on it. */
function pieces(paragraph: Paragraph | undefined): { text: string; claim: string | null; overlap: boolean }[] {
  return (paragraph?.segments ?? []).map((s) => ({ text: TEXT.slice(s.start, s.end), claim: s.claim?.id ?? null, overlap: s.overlap }))
}

describe('the article view: paragraphs and claim highlights', () => {
  it('splits paragraphs at blank lines, and the pieces put back together are the article', () => {
    expect(paragraphSpans(TEXT).map((p) => TEXT.slice(p.start, p.end))).toEqual([
      'Unemployment fell to 4.1% in March, the statistics office said.',
      'The minister said the reform "created 200,000 jobs" since 2024. Critics call that a stretch.',
    ])
    const claims = [claimIn(TEXT, 'a', 'fell to 4.1% in March'), claimIn(TEXT, 'b', '"created 200,000 jobs" since 2024')]
    const drawn = layoutArticle(TEXT, claims).map((p) => p.segments.map((s) => TEXT.slice(s.start, s.end)).join(''))
    expect(drawn.join('\n\n')).toBe(TEXT)
  })

  it('draws a claim at the very start and one at the very end of the article without empty pieces', () => {
    const first = claimIn(TEXT, 'first', 'Unemployment fell')
    const last = claimIn(TEXT, 'last', 'Critics call that a stretch.')
    const [one, two] = layoutArticle(TEXT, [first, last])
    expect(pieces(one)).toEqual([
      { text: 'Unemployment fell', claim: 'first', overlap: false },
      { text: ' to 4.1% in March, the statistics office said.', claim: null, overlap: false },
    ])
    expect(pieces(two).at(-1)).toEqual({ text: 'Critics call that a stretch.', claim: 'last', overlap: false })
    expect(pieces(two).every((p) => p.text.length > 0)).toBe(true)
  })

  it('draws the shorter claim where one claim sits inside another, and marks the overlap', () => {
    const sentence = claimIn(TEXT, 'sentence', 'Unemployment fell to 4.1% in March, the statistics office said.')
    const figure = claimIn(TEXT, 'figure', '4.1% in March')
    expect(pieces(layoutArticle(TEXT, [sentence, figure])[0])).toEqual([
      { text: 'Unemployment fell to ', claim: 'sentence', overlap: false },
      { text: '4.1% in March', claim: 'figure', overlap: true },
      { text: ', the statistics office said.', claim: 'sentence', overlap: false },
    ])
  })

  it('cuts two claims that overlap part-way into three pieces, the shared part drawn with the shorter one', () => {
    const left = claimIn(TEXT, 'left', 'The minister said the reform')
    const right = claimIn(TEXT, 'right', 'the reform "created 200,000 jobs"')
    expect(pieces(layoutArticle(TEXT, [left, right])[1]).slice(0, 3)).toEqual([
      { text: 'The minister said ', claim: 'left', overlap: false },
      { text: 'the reform', claim: 'left', overlap: true },
      { text: ' "created 200,000 jobs"', claim: 'right', overlap: false },
    ])
  })

  it('leaves dismissed claims undrawn', () => {
    const dismissed = claimIn(TEXT, 'gone', 'Critics call that a stretch.', { status: 'dismissed' })
    expect(
      layoutArticle(TEXT, [dismissed])
        .flatMap((p) => p.segments)
        .every((s) => s.claim === null),
    ).toBe(true)
  })

  it('draws a claim that runs over a paragraph break in both paragraphs, never on the blank line', () => {
    const merged = claimIn(TEXT, 'merged', 'statistics office said.\n\nThe minister said')
    const [one, two] = layoutArticle(TEXT, [merged])
    expect(pieces(one).at(-1)).toEqual({ text: 'statistics office said.', claim: 'merged', overlap: false })
    expect(pieces(two)[0]).toEqual({ text: 'The minister said', claim: 'merged', overlap: false })
  })
})

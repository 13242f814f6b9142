import { describe, expect, it } from 'vitest'
import { reanchorClaims, type AnchorInput } from '@domain/anchoring/reanchor'
import { codePointOffset, positionSelector, quoteSelector } from '@domain/anchoring/selectors'
import { diffSegments, diffTexts } from '@domain/anchoring/text-diff'
import { editPairs } from '../fixtures/reanchor'
import { evaluatePairs, figures } from '../fixtures/reanchor/evaluate'

function claim(text: string, quote: string, id = 'c1'): AnchorInput {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`"${quote}" is not in the text`)
  return { id, start, end: start + quote.length, text: quote }
}

describe('re-anchoring claims in a newer version of the article', () => {
  it('re-anchors at least 95% of the surviving claims of the edit set exactly and attaches none to the wrong text', () => {
    const pairs = editPairs()
    expect(pairs.length).toBeGreaterThanOrEqual(30)
    expect(new Set(pairs.map((p) => p.language))).toEqual(new Set(['en', 'uk', 'ru']))
    const result = figures(evaluatePairs(pairs))
    expect(result.exact / result.surviving).toBeGreaterThanOrEqual(0.95)
    expect(result.wrong).toBe(0)
    expect(result.goneRight).toBe(result.gone)
  })

  it('keeps a claim whose paragraph only shifted as unchanged, with its new offsets', () => {
    const before = 'The mayor spoke.\n\nThe bridge cost €41 million.'
    const after = 'A new first paragraph.\n\nThe mayor spoke.\n\nThe bridge cost €41 million.'
    const [result] = reanchorClaims(before, after, [claim(before, 'The bridge cost €41 million.')])
    expect(result?.state).toBe('unchanged')
    expect(result?.after).toEqual({ start: after.indexOf('The bridge'), end: after.length, text: 'The bridge cost €41 million.' })
  })

  it('shows a corrected figure as changed, with the old and the new text', () => {
    const before = 'Officials spoke on Monday. The bridge cost €41 million, the council said. Work starts in May.'
    const after = 'Officials spoke on Monday. The bridge cost €14 million, the council said. Work starts in May.'
    const [result] = reanchorClaims(before, after, [claim(before, 'The bridge cost €41 million, the council said.')])
    expect(result?.state).toBe('changed')
    expect(result?.before.text).toBe('The bridge cost €41 million, the council said.')
    expect(result?.after?.text).toBe('The bridge cost €14 million, the council said.')
  })

  it('marks a claim moved when its paragraph was moved elsewhere', () => {
    const before = 'First paragraph here.\n\nSecond says unemployment fell to 4%.\n\nThird paragraph here.'
    const after = 'Second says unemployment fell to 4%.\n\nFirst paragraph here.\n\nThird paragraph here.'
    const results = reanchorClaims(before, after, [
      claim(before, 'First paragraph here.', 'a'),
      claim(before, 'Second says unemployment fell to 4%.', 'b'),
    ])
    expect(results.map((r) => r.state).sort()).toEqual(['moved', 'unchanged'])
    expect(results.every((r) => r.after?.text === r.before.text)).toBe(true)
  })

  it('calls a deleted claim gone rather than attaching it to its near-twin that stayed', () => {
    const before =
      'Waits improved. In September, 71% of patients were seen within four hours. In August, 68% of patients were seen within four hours.'
    const after = 'Waits improved. In August, 68% of patients were seen within four hours.'
    const [result] = reanchorClaims(before, after, [claim(before, 'In September, 71% of patients were seen within four hours.')])
    expect(result?.state).toBe('gone')
    expect(result?.after).toBeNull()
  })

  it('calls a claim gone when another sentence on the same subject took its place', () => {
    const before = 'The poll was taken in May. Its margin of error is plus or minus three percentage points. More soon.'
    const after = 'The poll was taken in May. Its margin of error was not published. More soon.'
    const [result] = reanchorClaims(before, after, [claim(before, 'Its margin of error is plus or minus three percentage points.')])
    expect(result?.state).toBe('gone')
  })

  it('picks the copy of a repeated quote whose surroundings match', () => {
    const before = 'Lead. He said: "We will win." Then the crowd cheered. Later. She said: "We will win." Nobody cheered.'
    const after = 'New lead. Later. She said: "We will win." Nobody cheered. Lead. He said: "We will win." Then the crowd cheered.'
    const second = before.lastIndexOf('"We will win."')
    const [result] = reanchorClaims(before, after, [{ id: 'q', start: second, end: second + 14, text: '"We will win."' }])
    expect(result?.after?.start).toBe(after.indexOf('"We will win."'))
  })

  it('finds a claim in Ukrainian after a letter fix and in Russian after a reworded verb', () => {
    const uk = 'Вступ. За рік відновлено 1,8 гігавата потужностeй. Кінець.'
    const [ukResult] = reanchorClaims(
      uk,
      uk.replace('потужностeй', 'потужностей'),
      [claim(uk, 'За рік відновлено 1,8 гігавата потужностeй.')],
      {
        language: 'uk',
      },
    )
    expect(ukResult?.after?.text).toBe('За рік відновлено 1,8 гігавата потужностей.')
    const ru = 'Вступ. Центральный банк сохранил ключевую ставку на уровне 16%. Конец.'
    const [ruResult] = reanchorClaims(
      ru,
      ru.replace('сохранил', 'оставил'),
      [claim(ru, 'Центральный банк сохранил ключевую ставку на уровне 16%.')],
      {
        language: 'ru',
      },
    )
    expect(ruResult?.state).toBe('changed')
    expect(ruResult?.after?.text).toBe('Центральный банк оставил ключевую ставку на уровне 16%.')
  })
})

describe('selectors and the version diff', () => {
  it('describes a claim by its quote with context and by code-point positions', () => {
    const text = 'Emoji 😀 first. The claim is here. After it.'
    const start = text.indexOf('The claim')
    const end = start + 'The claim is here.'.length
    expect(quoteSelector(text, start, end, 8)).toEqual({
      type: 'TextQuoteSelector',
      exact: 'The claim is here.',
      prefix: ' first. ',
      suffix: ' After i',
    })
    // The emoji is two UTF-16 units but one code point, so W3C positions are one lower.
    expect(positionSelector(text, start, end)).toEqual({ type: 'TextPositionSelector', start: start - 1, end: end - 1 })
    expect(codePointOffset('ab', 2)).toBe(2)
  })

  it('gives the diff as segments that rebuild both versions', () => {
    const before = 'The bridge cost €41 million.\n\nIt opened on Monday.'
    const after = 'The bridge cost €44 million.\n\nIt opened on Monday after delays.'
    const segments = diffSegments(diffTexts(before, after))
    expect(
      segments
        .filter((s) => s.op !== 'insert')
        .map((s) => s.text)
        .join(''),
    ).toBe(before)
    expect(
      segments
        .filter((s) => s.op !== 'delete')
        .map((s) => s.text)
        .join(''),
    ).toBe(after)
    expect(segments.filter((s) => s.op === 'delete').map((s) => s.text)).toEqual(['41'])
  })
})

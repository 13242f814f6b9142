import { describe, expect, it } from 'vitest'
import { splitSentences } from '@domain/text/segment'

const PARAGRAPHS = [
  'WASHINGTON (Reuters) - The U.S. Senate voted 52-48 on Tuesday. "It is done," Sen. Jane Roe said at 5 p.m.',
  'Міністерство заявило, що у 2024 р. ціни зросли на 12,5%. «Ми переможемо», — сказав він.',
  'Key figures\n- Exports: $1.2 billion\n- Imports: $900 million',
  'Die Regierung, z. B. das Finanzministerium, widersprach am 3. Mai. (Das Urteil steht aus.)',
]

describe('splitSentences: offsets', () => {
  const text = PARAGRAPHS.join('\n\n')
  const spans = splitSentences(text)

  it('returns ordered, non-overlapping spans inside the text', () => {
    let previousEnd = 0
    for (const { start, end } of spans) {
      expect(start).toBeGreaterThanOrEqual(previousEnd)
      expect(end).toBeGreaterThan(start)
      expect(end).toBeLessThanOrEqual(text.length)
      previousEnd = end
    }
  })

  it('trims white space around every sentence and leaves only white space between them', () => {
    let previousEnd = 0
    for (const { start, end } of spans) {
      const sentence = text.slice(start, end)
      expect(sentence).toBe(sentence.trim())
      expect(text.slice(previousEnd, start).trim()).toBe('')
      previousEnd = end
    }
    expect(text.slice(previousEnd).trim()).toBe('')
  })

  it('keeps offsets into the original text, never altered text', () => {
    const crlf = 'First line.\r\nSecond  line here.\u00a0 Third.'
    expect(splitSentences(crlf, 'en').map((s) => crlf.slice(s.start, s.end))).toEqual(['First line.', 'Second  line here.', 'Third.'])
  })

  it('drops decorative rules and table-of-contents leaders', () => {
    const page = '__________\nContents\nIntroduction........ 3\nMethods .......... 12'
    expect(splitSentences(page, 'en').map((s) => page.slice(s.start, s.end))).toEqual(['Contents', 'Introduction', 'Methods'])
  })

  it('splits a megabyte of text without copying it per sentence', () => {
    const big = `${PARAGRAPHS.join('\n\n')}\n\n`.repeat(Math.ceil(1_000_000 / (text.length + 2)))
    const result = splitSentences(big, 'en')
    expect(result.length).toBeGreaterThan(1000)
    const last = result.at(-1)!
    expect(big.slice(last.start, last.end)).toBe('(Das Urteil steht aus.)')
  })

  it('does not let an unclosed quotation swallow the rest of the text', () => {
    const unclosed = 'He said "we will win. The vote is on Friday. Polls open at 7.'
    expect(splitSentences(unclosed, 'en')).toHaveLength(3)
  })
})

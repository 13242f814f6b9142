import { describe, expect, it } from 'vitest'
import { wordStep } from '../../src/renderer/src/features/claims/word-step'

/** The text between two offsets, to read the steps as a checker sees the claim's edge move. */
const UK = 'Міністр сказав: «Зарплати зросли на 12%», — і пішов.'
const at = (text: string, quote: string): number => text.indexOf(quote)

describe('moving a claim edge one word', () => {
  it('backwards lands on the start of the previous word, punctuation travelling with its word', () => {
    const text = 'Wages rose 3%, the office said.'
    expect(text.slice(wordStep(text, at(text, 'the'), -1))).toBe('3%, the office said.')
    expect(text.slice(wordStep(text, at(text, 'office'), -1))).toBe('the office said.')
  })

  it('forwards lands on the end of the next word, taking its punctuation', () => {
    const text = 'Wages rose 3%, the office said.'
    expect(text.slice(0, wordStep(text, at(text, ' 3%'), 1))).toBe('Wages rose 3%,')
    expect(text.slice(0, wordStep(text, at(text, ' said'), 1))).toBe('Wages rose 3%, the office said.')
  })

  it('steps through Cyrillic words and guillemets as it does through Latin ones', () => {
    const end = at(UK, ' на')
    expect(UK.slice(0, wordStep(UK, end, 1))).toBe('Міністр сказав: «Зарплати зросли на')
    expect(UK.slice(wordStep(UK, at(UK, '«Зарплати'), -1))).toBe('сказав: «Зарплати зросли на 12%», — і пішов.')
    // «Зарплати is one word: the edge never stops between a quotation mark and its word.
    expect(UK.slice(wordStep(UK, at(UK, 'зросли'), -1))).toBe('«Зарплати зросли на 12%», — і пішов.')
  })

  it('from inside a word, goes to that word’s own start or end', () => {
    const inside = at(UK, 'рплати')
    expect(wordStep(UK, inside, -1)).toBe(at(UK, '«Зарплати'))
    expect(UK.slice(0, wordStep(UK, inside, 1))).toBe('Міністр сказав: «Зарплати')
  })

  it('stops at the article’s start and end', () => {
    expect(wordStep(UK, 0, -1)).toBe(0)
    expect(wordStep(UK, at(UK, 'сказав'), -1)).toBe(0)
    expect(wordStep(UK, UK.length, 1)).toBe(UK.length)
    expect(wordStep(UK, at(UK, ' пішов'), 1)).toBe(UK.length)
  })

  it('crosses a paragraph break like any other space', () => {
    const text = 'The office said so.\n\nCritics disagree.'
    expect(text.slice(0, wordStep(text, at(text, '\n\n'), 1))).toBe('The office said so.\n\nCritics')
    expect(text.slice(wordStep(text, at(text, 'Critics'), -1))).toBe('so.\n\nCritics disagree.')
  })
})

import { splitSentences } from '@domain/text/segment'
import { wordStep } from '../claims/word-step'
import type { Span } from './highlight'

export type SelectionMove = 'end-later' | 'end-earlier' | 'start-earlier' | 'start-later' | 'next-sentence' | 'previous-sentence'

/** How far around the selection sentences are looked for: a sentence longer than this is cut there. */
const WINDOW = 4000

/** The sentences of the text near `at`, as offsets into the whole text. */
function sentencesNear(text: string, at: number, language: string): Span[] {
  const from = Math.max(0, at - WINDOW)
  return splitSentences(text.slice(from, Math.min(text.length, at + WINDOW)), language).map((s) => ({
    start: s.start + from,
    end: s.end + from,
  }))
}

/**
 * A keyboard selection in the article, moved by a word or a sentence, as a mouse would drag it:
 * the end later or earlier by a word, the start earlier or later by a word, the end out to the end
 * of the next sentence, or the start back to the start of the previous one. It never shrinks to
 * nothing: a move that would leave no word keeps the selection as it was.
 */
export function moveSelection(text: string, language: string, span: Span, move: SelectionMove): Span {
  let { start, end } = span
  switch (move) {
    case 'end-later':
      end = wordStep(text, end, 1)
      break
    case 'end-earlier':
      end = wordStep(text, end, -1)
      break
    case 'start-earlier':
      start = wordStep(text, start, -1)
      break
    case 'start-later': {
      start = wordStep(text, start, 1)
      while (start < end && /\s/.test(text.charAt(start))) start++
      break
    }
    case 'next-sentence': {
      const next = sentencesNear(text, end, language).find((s) => s.end > end)
      end = next?.end ?? end
      break
    }
    case 'previous-sentence': {
      const previous = sentencesNear(text, start, language)
        .filter((s) => s.start < start)
        .at(-1)
      start = previous?.start ?? start
      break
    }
  }
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  return end > start && text.slice(start, end).trim() ? { start, end } : span
}

/** Where a keyboard selection starts: the selected claim, else the article's first sentence. */
export function selectionStart(text: string, language: string, claim: Span | null): Span | null {
  if (claim) return { start: claim.start, end: claim.end }
  return sentencesNear(text, 0, language)[0] ?? null
}

// Sentence splitting for fact-checking. It is hand-written because no npm library reaches the bar:
// measured on the "Golden Rules" cases, sentence-splitter passes 34 of 51 English rules, sbd 29 and
// Intl.Segmenter 29, and none knows Ukrainian or Russian abbreviations. The rules live in
// scanner.ts (one linear pass) and languages/*.ts (per-language word lists).
import { isNewline, isWhite } from './scanner'
import { rulesFor } from './rules'
import { scanSentences, type SentenceSpan } from './scanner'

export type { SentenceSpan } from './scanner'
export { SEGMENT_LANGUAGES } from './rules'

/** Scripts that mark no sentence ends (Thai, Lao, Khmer): only ICU's dictionary rules can find them. */
const UNPUNCTUATED = new Set(['th', 'lo', 'km'])
/** Intl.Segmenter copies its whole input into every segment (Node 20: 100 kB takes ~130 ms, 1 MB runs out of memory), so it only ever sees short chunks. */
const SEGMENTER_CHUNK = 2000

/**
 * The sentences of `text` as offsets into it, each trimmed of surrounding white space. `language`
 * is an ISO 639-1 code; without one (or for "und") the rules of all supported languages apply.
 */
export function splitSentences(text: string, language?: string): SentenceSpan[] {
  const code = (language ?? 'und').toLowerCase().split(/[-_]/)[0] ?? 'und'
  if (UNPUNCTUATED.has(code)) return segmentInChunks(text, code)
  return scanSentences(text, rulesFor(code))
}

function segmentInChunks(text: string, language: string): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
  const spans: SentenceSpan[] = []
  let lineStart = 0
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isNewline(text.charCodeAt(i))) continue
    let from = lineStart
    while (from < i) {
      let to = Math.min(i, from + SEGMENTER_CHUNK)
      if (to < i) {
        const space = text.lastIndexOf(' ', to)
        if (space > from) to = space
      }
      for (const { segment, index } of segmenter.segment(text.slice(from, to))) {
        let s = from + index
        let e = s + segment.length
        while (s < e && isWhite(text.charCodeAt(s))) s++
        while (e > s && isWhite(text.charCodeAt(e - 1))) e--
        if (s < e) spans.push({ start: s, end: e })
      }
      from = to
    }
    lineStart = i + 1
  }
  return spans
}

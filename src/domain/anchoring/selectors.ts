/**
 * A claim's place in an article described twice over, after the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector): by its words with some text
 * either side (TextQuoteSelector), and by its offsets (TextPositionSelector). The quote finds the
 * claim again after the article is edited; the position tells two equal quotes apart.
 */

/** Characters of context kept either side of the quote: enough to tell repeated phrases apart. */
export const CONTEXT_CHARS = 32

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export function quoteSelector(text: string, start: number, end: number, context = CONTEXT_CHARS): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  }
}

/**
 * The W3C model counts positions in Unicode code points, JavaScript strings in UTF-16 units: an
 * emoji or a rare CJK character before the claim is one position there and two here.
 */
export function codePointOffset(text: string, offset: number): number {
  let count = 0
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i)
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < offset) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    count++
  }
  return count
}

export function positionSelector(text: string, start: number, end: number): TextPositionSelector {
  const from = codePointOffset(text, start)
  return { type: 'TextPositionSelector', start: from, end: from + codePointOffset(text.slice(start, end), end - start) }
}

import type { Claim } from '@domain/project/schema'

export interface Span {
  start: number
  end: number
}

export interface Segment extends Span {
  /** The claim drawn on this piece of text (the shortest one covering it), if any. */
  claim: Claim | null
  /** More than one claim covers this piece. */
  overlap: boolean
}

export interface Paragraph extends Span {
  segments: Segment[]
}

/** Paragraphs are separated by a blank line in a normalised article. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (;;) {
    const gap = text.indexOf('\n\n', start)
    const end = gap === -1 ? text.length : gap
    if (end > start) spans.push({ start, end })
    if (gap === -1) return spans
    start = gap + 2
  }
}

/**
 * Cuts each paragraph at every claim boundary, so each piece of text is drawn once with the claim
 * that covers it. Claims must be sorted by start (the store keeps them so); the work is linear in
 * the text plus the claims, apart from overlaps.
 */
export function layoutArticle(text: string, claims: readonly Claim[]): Paragraph[] {
  const visible = claims.filter((c) => c.status !== 'dismissed')
  let first = 0
  return paragraphSpans(text).map((paragraph) => {
    while (first < visible.length && (visible[first]?.end ?? 0) <= paragraph.start) first++
    const here: Claim[] = []
    for (let i = first; i < visible.length; i++) {
      const claim = visible[i]
      if (!claim || claim.start >= paragraph.end) break
      if (claim.end > paragraph.start) here.push(claim)
    }
    const cuts = new Set([paragraph.start, paragraph.end])
    for (const claim of here) {
      cuts.add(Math.max(claim.start, paragraph.start))
      cuts.add(Math.min(claim.end, paragraph.end))
    }
    const points = [...cuts].sort((a, b) => a - b)
    const segments: Segment[] = []
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i] ?? 0
      const end = points[i + 1] ?? 0
      const covering = here.filter((c) => c.start <= start && c.end >= end)
      const claim = covering.reduce<Claim | null>((best, c) => (best === null || c.end - c.start < best.end - best.start ? c : best), null)
      segments.push({ start, end, claim, overlap: covering.length > 1 })
    }
    return { ...paragraph, segments }
  })
}

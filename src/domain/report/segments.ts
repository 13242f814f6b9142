export interface MarkedRange {
  start: number
  end: number
  /** The claim's number in the report. */
  number: number
}

export interface Segment {
  start: number
  end: number
  /** Numbers of the claims covering this piece, ascending; two or more where claims overlap. */
  claims: number[]
  /** Numbers of the claims that end exactly where this piece ends, for the reference markers. */
  ending: number[]
}

/**
 * Cuts [0, length) at every claim start and end, so overlapping and nested claims become a run of
 * pieces each covered by a fixed set of claims, which HTML and Markdown can mark without nesting.
 */
export function segmentArticle(length: number, ranges: readonly MarkedRange[]): Segment[] {
  const valid = ranges
    .filter((r) => r.start >= 0 && r.end <= length && r.start < r.end)
    .sort((a, b) => a.start - b.start || a.number - b.number)
  const cuts = [...new Set([0, length, ...valid.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b)
  const segments: Segment[] = []
  let active: MarkedRange[] = []
  let next = 0
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0
    const end = cuts[i + 1] ?? length
    active = active.filter((r) => r.end > start)
    for (let range = valid[next]; range && range.start <= start; range = valid[++next]) active.push(range)
    segments.push({
      start,
      end,
      claims: active.map((r) => r.number).sort((a, b) => a - b),
      ending: active
        .filter((r) => r.end === end)
        .map((r) => r.number)
        .sort((a, b) => a - b),
    })
  }
  return segments
}

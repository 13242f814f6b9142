import { describe, expect, it } from 'vitest'
import { leadingMark, PUNCTUATION_RANGES, roleOf } from '@domain/text/segment/scanner'

describe('the splitter’s character tables', () => {
  it('are filled from ranges that hold every character with a role, so none is missed', () => {
    const inRanges = (c: number): boolean => PUNCTUATION_RANGES.some(([from, to]) => c >= from && c < to)
    const missed: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      if (!inRanges(c) && (roleOf(c) !== 0 || leadingMark(c) !== 0)) missed.push(`U+${c.toString(16).toUpperCase()}`)
    }
    expect(missed).toEqual([])
  })
})

import { editDistance } from './text-diff'

/**
 * How alike two passages are, from 0 (nothing in common) to 1 (the same): one minus their
 * Levenshtein distance over the longer one's length. Case and runs of space count as the
 * article shows them, so a typo fix scores just under 1 and a sentence about something else
 * scores low even when it shares the article's words. docs/evidence.md has what was measured.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  return 1 - editDistance(a, b) / longest
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu

/** The passage's words in lower case, as a multiset (word → count). */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>()
  for (const [word] of text.toLowerCase().matchAll(WORD)) bag.set(word, (bag.get(word) ?? 0) + 1)
  return bag
}

/**
 * The share of words two passages have in common (the Dice coefficient of their word multisets): a
 * cheap first look that keeps the exact comparison to the few passages worth it.
 */
export function wordOverlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0
  let total = 0
  for (const count of a.values()) total += count
  for (const [word, count] of b) {
    total += count
    shared += Math.min(count, a.get(word) ?? 0)
  }
  return total === 0 ? 1 : (2 * shared) / total
}

/** The share of words two passages have in common, whatever their order (see wordOverlap). */
export function wordSimilarity(a: string, b: string): number {
  return wordOverlap(wordBag(a), wordBag(b))
}

/**
 * How alike a passage is to what stood in its place: by characters or by words, whichever is
 * higher, so a clause moved within the sentence ("By the end of next year, she said, …") counts
 * as the same sentence reworded, as it does for a reader.
 */
export function inPlaceSimilarity(a: string, b: string): number {
  return Math.max(similarity(a, b), wordSimilarity(a, b))
}

import { describe, expect, it } from 'vitest'
import { SearchIndex, type QueryTerm } from '@engine/memory/search-index'
import { random } from '../helpers/random'

/** A document's words in the text field: a few common words and a long tail, as a library has. */
function documentTerms(next: () => number): string[] {
  return Array.from({ length: 4 + Math.floor(next() * 12) }, () => `w${Math.floor(Math.exp(next() * Math.log(5000)))}`)
}

const clause = (term: string): QueryTerm[] => [{ term, fields: ['text'] }]

/**
 * The postings live in segments that blocks move between as they grow, and sparse segments are
 * emptied and used again: whatever moved, every word must still find exactly the live documents
 * that have it, before and after a compaction and a trip through the cache's state.
 */
describe('search index', () => {
  it('finds exactly the live documents with a word after blocks moved across segments, removals, a compaction and a restore', () => {
    const next = random(11)
    const index = new SearchIndex()
    const docs = new Map<number, Set<string>>()
    const add = (): void => {
      const terms = documentTerms(next)
      docs.set(index.add([terms, [], [], [], []]), new Set(terms))
    }
    for (let i = 0; i < 40_000; i++) add()
    for (const slot of [...docs.keys()]) {
      if (next() < 0.4) {
        index.remove(slot)
        docs.delete(slot)
      }
    }
    for (let i = 0; i < 5_000; i++) add()

    const expectSame = (idx: SearchIndex, expected: Map<number, Set<string>>): void => {
      for (const word of ['w1', 'w2', 'w7', 'w40', 'w333', 'w2500', 'w4999']) {
        const want = [...expected].filter(([, terms]) => terms.has(word)).map(([slot]) => slot)
        const { hits, total } = idx.search([clause(word)], () => true, 100_000)
        expect(total, word).toBe(want.length)
        expect(
          hits.map((h) => h.slot).sort((a, b) => a - b),
          word,
        ).toEqual(want.sort((a, b) => a - b))
      }
    }
    expectSame(index, docs)

    const renumber = index.compact()
    const compacted = new Map([...docs].map(([slot, terms]) => [renumber[slot] as number, terms]))
    expect([...compacted.keys()].every((slot) => slot >= 0)).toBe(true)
    expectSame(index, compacted)

    index.tidy()
    expectSame(index, compacted)
    const restored = SearchIndex.restore(index.state())
    expectSame(restored, compacted)
    // The restored index takes more documents into its own new segments.
    const slot = restored.add([['w1', 'fresh'], [], [], [], []])
    expect(restored.search([clause('fresh')], () => true, 10).hits.map((h) => h.slot)).toEqual([slot])
    expect(restored.search([clause('w1')], () => true, 100_000).total).toBe(
      [...compacted.values()].filter((terms) => terms.has('w1')).length + 1,
    )
  })
})

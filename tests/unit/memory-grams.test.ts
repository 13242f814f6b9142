import { describe, expect, it } from 'vitest'
import { CharGrams, GRAM_TEXT_LIMIT } from '@domain/memory/grams'
import { MemoryIndex } from '@domain/memory/matcher'
import { random } from '../helpers/random'

const WORDS = 'police heroin candy rings wedding vaccine border bridge migrants salary bread prices school hat video photo'.split(' ')

function sentence(next: () => number): string {
  return Array.from({ length: 4 + Math.floor(next() * 8) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')
}

describe('claim memory: character grams', () => {
  it('scores the same words 1, no shared piece 0, and words written together or apart in between', () => {
    const grams = new CharGrams()
    const texts = ['Police found heroin disguised as SweeTarts', 'Wedding rings taken from victims', 'Bread prices rose']
    texts.forEach((text, slot) => grams.add(slot, text))
    const [same, none] = grams.similarities('POLICE found heroin, disguised as SweeTarts!', [0, 1], 3)
    expect(same).toBeCloseTo(1, 6)
    expect(grams.similarities('xyz qqq', [0, 1, 2], 3)).toEqual(new Float64Array([0, 0, 0]))
    const [apart] = grams.similarities('sweet tarts', [0], 3)
    expect(apart).toBeGreaterThan(0.1)
    expect(apart).toBeGreaterThan(none as number)
  })

  it('reads a text as long as an article as its first 2,000 characters, as a claim is held', () => {
    const grams = new CharGrams()
    const next = random(3)
    const article = Array.from({ length: 5000 }, () => sentence(next)).join('. ')
    grams.add(0, article)
    grams.add(1, article.slice(0, GRAM_TEXT_LIMIT))
    const [whole, start] = grams.similarities(article, [0, 1], 2)
    expect(whole).toBeCloseTo(1, 6)
    expect(start).toBeCloseTo(1, 6)
  })

  it('after removals and compaction gives what a fresh count of the live documents gives', () => {
    const next = random(7)
    const texts = Array.from({ length: 300 }, () => sentence(next))
    const grams = new CharGrams()
    texts.forEach((text, slot) => grams.add(slot, text))
    // Norms are remembered from before the removals; enough of them make the next query count again.
    grams.similarities(texts[0] as string, [0, 1, 2, 3], 300)
    const gone = new Set(texts.map((_, slot) => slot).filter((slot) => slot % 3 === 0))
    for (const slot of gone) grams.remove(slot)
    const renumber = new Int32Array(texts.length).fill(-1)
    const live = texts.filter((_, slot) => !gone.has(slot))
    let to = 0
    texts.forEach((_, slot) => {
      if (!gone.has(slot)) renumber[slot] = to++
    })
    grams.compact(renumber, live.length)

    const fresh = new CharGrams()
    live.forEach((text, slot) => fresh.add(slot, text))
    const slots = live.map((_, slot) => slot)
    for (const query of ['police heroin candy', 'wedding rings photo', texts[3] as string]) {
      const after = grams.similarities(query, slots, live.length)
      const expected = fresh.similarities(query, slots, live.length)
      after.forEach((score, i) => expect(score).toBeCloseTo(expected[i] as number, 5))
      expect(Math.max(...after)).toBeGreaterThan(0)
    }
  })
})

describe('claim memory: the matcher weighs character grams', () => {
  it('puts the check written as the query is first when its words are the same as another’s', () => {
    const index = new MemoryIndex()
    // The same terms once stemmed ("running" and "runs" are both "run"), added first: only the grams tell them apart.
    index.add({ id: 'other-form', text: 'The minister is running the ministry', language: 'en' })
    index.add({ id: 'same-form', text: 'The minister runs the ministry', language: 'en' })
    for (let i = 0; i < 40; i++) index.add({ id: `filler-${i}`, text: `The council approved road plan number ${i}`, language: 'en' })
    const [best, second] = index.match({ text: 'minister runs ministry', language: 'en' })
    expect(best?.id).toBe('same-form')
    expect(second?.id).toBe('other-form')
  })
})

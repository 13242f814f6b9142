import { chardet } from 'jschardet'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '@engine/import/decode'
import { detectLegacyEncoding, readingScore, whatwgName } from '@engine/import/legacy-encoding'
import { encodeLegacy } from '../fixtures/import/encode'
import { ENCODING_SAMPLES } from '../fixtures/import/encoding-samples'

interface Case {
  language: string
  encoding: string
  text: string
  bytes: Uint8Array
}

const cases: Case[] = Object.entries(ENCODING_SAMPLES).flatMap(([language, { encodings, texts }]) =>
  encodings.flatMap((encoding) =>
    texts.flatMap((text) => {
      try {
        return [{ language, encoding, text, bytes: encodeLegacy(text, encoding) }]
      } catch {
        return [] // a character this encoding cannot write
      }
    }),
  ),
)

const label = (c: Case): string => `${c.language} ${c.encoding}: ${c.text}`

describe('legacy encoding detection', () => {
  it('reads 146 short texts in 15 languages and 17 encodings correctly, except the known misses', () => {
    const misses = cases.filter((c) => decodeBytes(c.bytes, detectLegacyEncoding(c.bytes).encoding).text !== c.text).map(label)
    expect(cases).toHaveLength(146)
    expect(misses).toEqual([
      'ru x-mac-cyrillic: Цены выросли.',
      'ru x-mac-cyrillic: Съешь же ещё этих мягких французских булок, да выпей чаю.',
      'pl iso-8859-2: Łódź, 3 maja.',
      'he windows-1255: ירושלים, 3 במאי.',
      'he iso-8859-8: ירושלים, 3 במאי.',
    ])
  })

  it('does better than the detector alone, which misreads headlines in capitals and short accented words', () => {
    const aloneMisses = cases.filter((c) => {
      const first = chardet
        .detectAll(c.bytes, { ignoreThreshold: true })
        .map((result) => (result.encoding ? whatwgName(result.encoding) : null))
        .find((name) => name !== null)
      return !first || decodeBytes(c.bytes, first).text !== c.text
    })
    expect(aloneMisses.map(label)).toEqual(
      expect.arrayContaining([
        'uk windows-1251: ЗАЯВА ПРЕСЛУЖБИ',
        'ru koi8-r: ЗАЯВЛЕНИЕ ПРЕСС-СЛУЖБЫ',
        'de windows-1252: Größe',
        'fr windows-1252: Noël à Besançon.',
      ]),
    )
    expect(aloneMisses).toHaveLength(11)
  })

  it('scores a real Cyrillic reading above KOI8 and Mac readings of the same bytes', () => {
    const bytes = encodeLegacy('Уряд оголосив про підвищення пенсій.', 'windows-1251')
    const right = readingScore(new TextDecoder('windows-1251').decode(bytes))
    expect(right).toBeGreaterThan(readingScore(new TextDecoder('koi8-u').decode(bytes)))
    expect(right).toBeGreaterThan(readingScore(new TextDecoder('x-mac-cyrillic').decode(bytes)))
  })

  it('penalises words that mix scripts, as Latin-1 text read as Cyrillic does', () => {
    expect(readingScore('Grцяe')).toBeLessThan(readingScore('Größe'))
  })
})

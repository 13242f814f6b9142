import { describe, expect, it } from 'vitest'
import { detectLanguage } from '@domain/text/language'

const SAMPLES: Record<string, string> = {
  en: 'The ministry said on Tuesday that forty people were killed in the strike on the market.',
  uk: 'Міністерство заявило у вівторок, що внаслідок удару по ринку загинули сорок людей.',
  ru: 'Министерство заявило во вторник, что в результате удара по рынку погибли сорок человек.',
  de: 'Das Ministerium teilte am Dienstag mit, dass bei dem Angriff auf den Markt vierzig Menschen getötet wurden.',
  fr: 'Le ministère a déclaré mardi que quarante personnes avaient été tuées lors de la frappe sur le marché.',
  es: 'El ministerio dijo el martes que cuarenta personas murieron en el ataque contra el mercado.',
  it: 'Il ministero ha detto martedì che quaranta persone sono state uccise nel bombardamento del mercato.',
}

describe('detectLanguage', () => {
  for (const [code, text] of Object.entries(SAMPLES)) {
    it(`recognises ${code}`, () => {
      expect(detectLanguage(text)).toBe(code)
    })
  }

  it('answers "und" when there is too little to tell', () => {
    expect(detectLanguage('')).toBe('und')
    expect(detectLanguage('12 345 678')).toBe('und')
    expect(detectLanguage('OK')).toBe('und')
  })

  it('reads only a bounded sample of a long article', () => {
    const article = `${SAMPLES.uk!} `.repeat(130_000)
    expect(article.length).toBeGreaterThan(10_000_000)
    expect(detectLanguage(article)).toBe('uk')
  })
})

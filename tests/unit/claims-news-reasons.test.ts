import { describe, expect, it } from 'vitest'
import { findReasons } from '@domain/claims/features'

/** The reasons of a sentence as "kind: matched text". */
const reasons = (sentence: string, language: string): string[] =>
  findReasons(sentence, language).map((r) => `${r.kind}: ${sentence.slice(r.start, r.end)}`)
const kinds = (sentence: string, language: string): string[] => findReasons(sentence, language).map((r) => r.kind)

// Written for Factdesk: reasons a checker reads in the claim panel must say what they mean.
describe('findReasons on news: one span for a figure with what it counts', () => {
  const cases: [language: string, sentence: string, span: string][] = [
    ['en', 'The storm caused $4.2 million in damage.', 'money: $4.2 million'],
    ['en', 'The wall breached on 3 November.', 'date: 3 November'],
    ['en', 'Insurers paid out by November 3, 2025.', 'date: November 3, 2025'],
    ['en', 'The river rose by 4.2 million litres.', 'figure: 4.2 million'],
    ['en', 'Police evacuated 2,300 people.', 'figure: 2,300 people'],
    ['uk', 'Евакуювали 10 тисяч осіб.', 'figure: 10 тисяч осіб'],
    ['uk', 'Ціни зросли на 9,2% за рік.', 'percentage: 9,2%'],
    ['uk', 'Атака сталася 3 листопада.', 'date: 3 листопада'],
    ['uk', 'Дані оприлюднили у квітні 2025 року.', 'date: квітні 2025'],
    ['ru', 'На митинг пришли 12 000 человек.', 'figure: 12 000 человек'],
    ['ru', 'Данные опубликованы в мае 2025 года.', 'date: мае 2025'],
    ['de', 'Am 3. November wurden 40 Menschen verletzt.', 'date: 3. November'],
    ['es', 'El ataque ocurrió el 3 de noviembre.', 'date: 3 de noviembre'],
    ['fr', 'Le vote a eu lieu le 3 novembre.', 'date: 3 novembre'],
  ]
  for (const [language, sentence, span] of cases) {
    it(`${language}: ${span}`, () => {
      const found = reasons(sentence, language)
      expect(found).toContain(span)
      // the parts are not reasons of their own as well
      const parts = span.replace(/^[a-z-]+: /, '').split(/\s+/)
      if (parts.length > 1) for (const part of parts) expect(found.filter((r) => r.endsWith(`: ${part}`))).toEqual([])
    })
  }
})

describe('findReasons on news: no reasons that mislead', () => {
  it('reads English "-ed" adjectives and complements as no past event', () => {
    expect(kinds('Opponents called the vote rushed.', 'en')).not.toContain('past-event')
    expect(reasons('Aid reached the affected areas.', 'en')).not.toContain('past-event: affected')
    expect(reasons('The newly restored bridge is busy.', 'en')).not.toContain('past-event: restored')
    expect(reasons('Officials cited unprecedented demand.', 'en')).not.toContain('past-event: unprecedented')
    // a passive past is still an event
    expect(reasons('Power was restored to 12,000 homes.', 'en')).toContain('past-event: restored')
  })

  it('reads "due to be" as a schedule, not a cause', () => {
    expect(kinds('The bridge is due to be finished by 2029.', 'en')).not.toContain('causal')
    expect(kinds('The bridge is due to be finished by 2029.', 'en')).not.toContain('past-event')
    expect(reasons('The bridge closed due to flooding.', 'en')).toContain('causal: due to')
  })

  it('reads a reported record as a comparison, not a hedged prediction', () => {
    const found = reasons('That would be the first tax cut since 2011.', 'en')
    expect(found).not.toContain('hedged-prediction: would')
    expect(found).toContain('comparison: the first')
    expect(reasons('The cut would help families.', 'en')).toContain('hedged-prediction: would')
  })

  it('reads congratulations as a courtesy, not an event', () => {
    const found = kinds('He congratulated both parties on the agreement.', 'en')
    expect(found).toContain('pleasantry')
    expect(found).not.toContain('past-event')
  })

  it('counts English generalisations with quantity words', () => {
    expect(reasons('Reports of torture and deaths in detention are common.', 'en')).toContain('quantity: are common')
    expect(reasons('The majority of detainees had not been charged.', 'en')).toContain('quantity: majority')
    expect(reasons('Few schools check vaccination records.', 'en')).toContain('quantity: Few')
    expect(kinds('It took a few days.', 'en')).not.toContain('quantity')
  })
})

describe('findReasons on news: events and sources', () => {
  it('finds a named office or body doing something in the past in the rules-only languages', () => {
    expect(reasons('Президент підписав закон про мобілізацію.', 'uk')).toContain('event: Президент підписав закон')
    expect(reasons('Правительство утвердило бюджет на 2026 год.', 'ru')).toContain('event: Правительство утвердило бюджет')
    // no object, no event
    expect(kinds('Президент підписав.', 'uk')).not.toContain('event')
    // the body and the verb must belong together
    expect(kinds('Уряд, як і раніше, мовчав про це.', 'uk')).not.toContain('event')
  })

  it('names the source of an attributed statement, a denial included', () => {
    expect(reasons('El ministro negó las acusaciones.', 'es')).toContain('source: El ministro')
    expect(reasons('Critics point out that most of those jobs will last less than three years.', 'en')).toContain('source: Critics')
    expect(reasons('За даними ООН, загинули понад 10 тисяч цивільних.', 'uk')).toContain('source: ООН')
    // the speaker's own words are no source
    expect(kinds('As I said, the plan works.', 'en')).not.toContain('source')
  })
})

import { describe, expect, it } from 'vitest'
import { findReasons, type SentenceReason } from '../../src/shared/claims/features'

/** The reasons of a sentence as "kind: matched text". */
const reasons = (sentence: string, language: string): string[] =>
  findReasons(sentence, language).map((r: SentenceReason) => `${r.kind}: ${sentence.slice(r.start, r.end)}`)

describe('findReasons: evidence and its span', () => {
  it('finds figures, percentages, money and dates without counting them twice', () => {
    const found = reasons('In 2023 the city spent $4.5 million, 12% more than the 300 planned.', 'en')
    expect(found).toEqual(
      expect.arrayContaining(['date: 2023', 'money: $4.5 million', 'percentage: 12%', 'figure: 300', 'comparison: more than']),
    )
    expect(found.filter((r) => r.startsWith('figure'))).toEqual(['figure: 300'])
  })

  it('does not count clock times as figures', () => {
    expect(reasons('The meeting starts at 18:00.', 'en').some((r) => r.startsWith('figure'))).toBe(false)
  })

  it('finds names, attribution, quotations, trends, causes and absolute claims', () => {
    const found = reasons('A NATO spokesman said the strike "killed no civilians" because the town was never shelled.', 'en')
    expect(found).toEqual(
      expect.arrayContaining([
        'named-entity: NATO',
        'attribution: said',
        'quotation: "killed no civilians"',
        'causal: because',
        'absolute-claim: never',
        'past-event: shelled',
      ]),
    )
    expect(reasons('Prices rose sharply after the storm.', 'en')).toContain('trend: rose')
  })

  it('finds what lowers a score: questions, imperatives, opinion, courtesy, predictions', () => {
    expect(reasons('Will taxes go up?', 'en')).toContain('question: ?')
    expect(reasons('Imagine a city without cars.', 'en')).toContain('imperative: Imagine')
    expect(reasons('I think the plan is wrong.', 'en')).toContain('first-person-opinion: I think')
    expect(reasons('Thank you for coming.', 'en')).toContain('pleasantry: Thank you')
    expect(reasons('The deal could collapse.', 'en')).toContain('hedged-prediction: could')
  })

  it('finds the practical details of news that are not claims', () => {
    expect(reasons('Tickets cost £12 at the box office.', 'en')).toEqual(
      expect.arrayContaining(['event-details: Tickets', 'money: £12', 'event-details: box office']),
    )
    expect(reasons('Call +44 20 7946 0958 or write to desk@example.org.', 'en')).toEqual(
      expect.arrayContaining(['contact-details: +44 20 7946 0958', 'contact-details: desk@example.org']),
    )
    expect(reasons('Sign up for our newsletter.', 'en')).toContain('call-to-action: Sign up')
  })

  const LANGUAGES: [string, string, string[]][] = [
    [
      'uk',
      'За даними Держстату, ціни у березні зросли на 5,2% через подорожчання пального.',
      ['attribution: За даними', 'date: березні', 'trend: зросли', 'percentage: 5,2%', 'causal: через'],
    ],
    [
      'uk',
      'Речник заявив, що армія ніколи не обстрілювала місто.',
      ['attribution: заявив', 'absolute-claim: ніколи', 'past-event: обстрілювала'],
    ],
    ['uk', 'Квитки коштують 200 грн, вхід вільний для дітей.', ['event-details: Квитки', 'money: 200 грн', 'event-details: вхід']],
    [
      'ru',
      'По данным Росстата, безработица снизилась до 3,5% в 2023 году.',
      ['attribution: По данным', 'trend: снизилась', 'percentage: 3,5%', 'date: 2023'],
    ],
    ['ru', 'Я думаю, что это отличный день. Спасибо!', ['first-person-opinion: Я думаю', 'pleasantry: Спасибо']],
    [
      'de',
      'Laut Statistikamt stieg die Zahl der Arbeitslosen um 2,1 Prozent.',
      ['attribution: Laut', 'trend: stieg', 'percentage: 2,1 Prozent'],
    ],
    ['de', 'Karten kosten 15 Euro an der Abendkasse.', ['event-details: Karten', 'money: 15 Euro', 'event-details: Abendkasse']],
    [
      'fr',
      "Selon l'Insee, le chômage a baissé de 0,3 point en 2023.",
      ['attribution: Selon', 'trend: a baissé', 'figure: 0,3', 'date: 2023'],
    ],
    ['fr', 'Abonnez-vous à notre lettre !', ['call-to-action: Abonnez-vous']],
    ['es', 'Según el INE, el paro cayó un 2% en mayo.', ['attribution: Según', 'trend: cayó', 'percentage: 2%', 'date: mayo']],
    ['es', '¿Qué significa esto para los contribuyentes?', ['question: ?']],
    [
      'it',
      "Secondo l'Istat, la disoccupazione è calata al 7,8% a marzo.",
      ['attribution: Secondo', 'trend: è calata', 'percentage: 7,8%', 'date: marzo'],
    ],
    ['it', 'Penso che sia una grande giornata. Grazie!', ['first-person-opinion: Penso che', 'pleasantry: Grazie']],
  ]
  for (const [language, sentence, expected] of LANGUAGES) {
    it(`${language}: ${sentence}`, () => {
      expect(reasons(sentence, language)).toEqual(expect.arrayContaining(expected))
    })
  }

  it('gives offsets that point at the matched text', () => {
    const sentence = 'The ministry said exports fell 4% in May.'
    for (const reason of findReasons(sentence, 'en')) {
      expect(reason.start).toBeGreaterThanOrEqual(0)
      expect(reason.end).toBeGreaterThan(reason.start)
      expect(reason.end).toBeLessThanOrEqual(sentence.length)
    }
  })
})

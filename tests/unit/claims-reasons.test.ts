import { describe, expect, it } from 'vitest'
import { findReasons, type SentenceReason } from '@domain/claims/features'

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

  it('finds a dateline, which says where a story comes from and is no claim', () => {
    expect(reasons('КИЇВ, 14 жовтня (Укрінформ) —', 'uk')).toEqual(['dateline: КИЇВ, 14 жовтня (Укрінформ) —'])
    expect(reasons('WASHINGTON, March 3, 2026 (Reuters) -', 'en')).toEqual(['dateline: WASHINGTON, March 3, 2026 (Reuters) -'])
    expect(reasons('MADRID, 12 mar (EFE).-', 'es')).toEqual(['dateline: MADRID, 12 mar (EFE).-'])
    expect(reasons('NATO said 40 drones were shot down.', 'en').some((r) => r.startsWith('dateline'))).toBe(false)
  })

  it('finds attribution in the present tense and with a pronoun', () => {
    expect(reasons('Міністерство фінансів запевняє, що кошти передбачені.', 'uk')).toContain('attribution: запевняє')
    expect(reasons('За його словами, підвищення торкнеться 2 млн працівників.', 'uk')).toContain('attribution: За його словами')
    expect(reasons('По его словам, повышение коснется 2 млн работников.', 'ru')).toContain('attribution: По его словам')
  })

  it('reads thousands grouped by spaces as one figure, with what it counts', () => {
    expect(reasons('Selon la police, 12 000 personnes ont manifesté à Paris.', 'fr')).toContain('figure: 12 000 personnes')
    expect(reasons('Загинули 1 250 осіб.', 'uk')).toContain('figure: 1 250 осіб')
    const found = reasons('In 2019 123 people died.', 'en')
    expect(found).toEqual(expect.arrayContaining(['date: 2019', 'figure: 123 people']))
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

  it('reads "May" as a month only where a date shows it, and finds national phone numbers', () => {
    expect(reasons('Police said the suspect was arrested on May 4 at his home.', 'en')).toContain('date: May 4')
    expect(reasons('May 23, 2025', 'en')).toEqual(['date: May 23, 2025'])
    expect(reasons('Talks resumed in May.', 'en')).toContain('date: May')
    expect(reasons('The minister may resign.', 'en')).toContain('hedged-prediction: may')
    expect(reasons('Call 0800 123 4567 for more information.', 'en')).toEqual(
      expect.arrayContaining(['contact-details: 0800 123 4567', 'call-to-action: for more information']),
    )
    expect(reasons('Телефонуйте 044 123 45 67.', 'uk')).toContain('contact-details: 044 123 45 67')
    // a trunk-0 number needs a phone number's length
    expect(reasons('The match ended 0 12 5.', 'en').some((r) => r.startsWith('contact-details'))).toBe(false)
  })

  // Words of event notices and calls to action that news uses in another sense: a noun ("the
  // president's visit", "la Reserva Federal", "le leggi"), another verb form, or a plain word
  // ("jetzt", "Eintritt in die NATO"). None of these may lower a claim's score.
  const OTHER_SENSES: [string, string][] = [
    ['en', 'During his visit to Kyiv, the president announced $500 million in military aid.'],
    ['en', 'The national register lists 3,200 missing people.'],
    ['en', 'Kherson is held by Ukrainian forces, the governor said.'],
    ['en', 'The Vatican has been proposed as a venue by the Pope.'],
    ['uk', 'Реєстрація партії була скасована Мін’юстом у 2022 році.'],
    ['ru', 'Вход войск в город начался 24 февраля, заявил губернатор.'],
    ['ru', 'Законопроект пройдет второе чтение в среду, заявил спикер.'],
    ['de', 'Die Regierung hat jetzt 5 Milliarden Euro bereitgestellt.'],
    ['de', 'Der Eintritt in die NATO wurde 2023 von 30 Staaten ratifiziert.'],
    ['de', 'Die Karten des Wetterdienstes zeigen, dass es um 1,5 Grad wärmer war.'],
    ['fr', 'Les tarifs douaniers ont augmenté de 25 % en 2019.'],
    ['es', 'La visita del presidente costó 2 millones de euros.'],
    ['es', 'La Reserva Federal subió los tipos al 5,5% en julio.'],
    ['es', 'Las entradas de capital cayeron un 12% en 2023.'],
    ['it', 'Le leggi approvate nel 2023 hanno ridotto le tasse del 3%.'],
    ['it', 'Gli abbonati sono cresciuti del 10% in un anno.'],
  ]
  for (const [language, sentence] of OTHER_SENSES) {
    it(`${language}: no call to action or event details in "${sentence}"`, () => {
      const found = reasons(sentence, language)
      expect(found.filter((r) => r.startsWith('call-to-action') || r.startsWith('event-details'))).toEqual([])
    })
  }

  it('still finds those words where they open a call to action or announce an event', () => {
    expect(reasons('Visit our website for the full programme.', 'en')).toContain('call-to-action: Visit')
    expect(reasons('Admission is free for children.', 'en')).toContain('event-details: Admission')
    expect(reasons('Вхід вільний, початок о 19:00.', 'uk')).toContain('event-details: Вхід')
    expect(reasons('Регистрация участников открыта до пятницы.', 'ru')).toContain('event-details: Регистрация')
    expect(reasons('Концерт пройдет в субботу в 19:00.', 'ru')).toContain('event-details: пройдет')
    expect(reasons('Der Eintritt ist frei.', 'de')).toContain('event-details: Eintritt')
    expect(reasons('Tarif réduit : 8 euros.', 'fr')).toContain('event-details: Tarif')
    expect(reasons('Llama al teléfono de la taquilla.', 'es')).toContain('call-to-action: Llama')
    expect(reasons('¡Visita nuestra web!', 'es')).toContain('call-to-action: Visita')
    expect(reasons('• Visit the exhibition before it closes.', 'en')).toContain('call-to-action: Visit')
    expect(reasons("Leggi l'articolo completo sul nostro sito.", 'it')).toContain('call-to-action: Leggi')
  })

  it('does not take a capitalised English "-ed" word for a past tense', () => {
    const found = reasons('Insured losses in the United States rose after the storm flooded the coast.', 'en')
    expect(found.filter((r) => r.startsWith('past-event'))).toEqual(['past-event: flooded'])
  })

  it('does not take German nouns for past tenses or names', () => {
    const found = reasons('Die Experten der Staaten sagten, die Kosten seien um 5 Prozent gestiegen.', 'de')
    expect(found).toContain('past-event: sagten')
    expect(found.filter((r) => r.startsWith('past-event'))).toEqual(['past-event: sagten'])
    // every noun is capitalised: an opening article and noun, or a number word and currency, are no name
    expect(reasons('Die Regierung hat 5 Milliarden Euro bereitgestellt.', 'de').filter((r) => r.startsWith('named-entity'))).toEqual([])
    expect(reasons('Ein Sprecher sagte, die Deutsche Bahn habe Verluste gemacht.', 'de')).toEqual(
      expect.arrayContaining(['named-entity: Deutsche Bahn']),
    )
    expect(reasons('Bundeskanzler Olaf Scholz sagte das.', 'de')).toContain('named-entity: Olaf Scholz')
    // participles behind a separable prefix, and the perfect of reported speech, are past tenses
    expect(reasons('Die Armee hat die Stadt angegriffen.', 'de')).toContain('past-event: angegriffen')
    expect(reasons('Ein Sprecher sagte, die Armee habe die Stadt nie beschossen.', 'de')).toContain('past-event: habe')
    // a participle without "ge" counts at the end of a perfect clause, not as a present tense
    expect(reasons('Der Präsident hat das Gesetz im April unterzeichnet.', 'de')).toContain('past-event: unterzeichnet')
    expect(reasons('Die Regierung verlangt mehr Geld.', 'de').some((r) => r.startsWith('past-event'))).toBe(false)
  })

  it('names the institutions and officials a claim is about or from, in every language', () => {
    expect(reasons('The ministry said the army had left the town.', 'en')).toEqual(
      expect.arrayContaining(['institution: ministry', 'institution: army']),
    )
    expect(reasons('Уряд виділив 3 млрд гривень.', 'uk')).toContain('institution: Уряд')
    expect(reasons('Правительство выделило 3 млрд рублей.', 'ru')).toContain('institution: Правительство')
    expect(reasons('Laut Polizei demonstrierten 12.000 Menschen.', 'de')).toContain('institution: Polizei')
    expect(reasons('Le gouvernement a annoncé un plan.', 'fr')).toContain('institution: gouvernement')
    expect(reasons('El ministro negó haber recibido dinero.', 'es')).toContain('institution: ministro')
    expect(reasons('Il governo ha stanziato 3 miliardi.', 'it')).toContain('institution: governo')
    // words that only look like one: "рада" is not "радий", "суд" is not "судно"
    expect(reasons('Я радий, що судно прибуло.', 'uk').some((r) => r.startsWith('institution'))).toBe(false)
  })

  it('does not take Ukrainian and Russian nouns for past tenses', () => {
    const uk = reasons('За 10 років ворог втратив 200 танків, заявив речник.', 'uk')
    expect(uk.filter((r) => r.startsWith('past-event'))).toEqual(['past-event: втратив'])
    expect(reasons('Він зрозумів, що прийшов час.', 'uk')).toEqual(expect.arrayContaining(['past-event: зрозумів', 'past-event: прийшов']))
    expect(reasons('Генерал сказал, что канал закрыт.', 'ru').some((r) => r.startsWith('past-event'))).toBe(false)
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

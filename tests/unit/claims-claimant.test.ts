import { describe, expect, it } from 'vitest'
import { claimantsOf, findClaimant, findClaimantInSentence } from '@domain/claims/claimant'

// Written for Factdesk: the forms news uses to say who made a statement, in every language the
// claimant is extracted for. The second element is the claimant as written, or null for the outlet's own statement.
const CASES: Record<string, [sentence: string, claimant: string | null][]> = {
  en: [
    ['Ukrainian President Volodymyr Zelensky said on Monday that 40 drones were shot down.', 'Ukrainian President Volodymyr Zelensky'],
    ['According to the Ministry of Health, 40 people died in the attack.', 'the Ministry of Health'],
    ['Forty people died, according to the UN refugee agency.', 'the UN refugee agency'],
    ['“We will rebuild every school,” said Mayor Vitali Klitschko.', 'Mayor Vitali Klitschko'],
    ['“We will rebuild every school,” the mayor said.', 'the mayor'],
    ['The finance minister told reporters the deficit would shrink.', 'The finance minister'],
    ['John Smith, a spokesman for the ministry, said 12 soldiers were wounded.', 'John Smith'],
    ["The council's finance director, Priya Shah, denied that the budget had been cut.", 'Priya Shah'],
    ["“We are doing everything we can,” said the trust's chief executive, Helen Grant.", 'Helen Grant'],
    ['The company has denied the allegations.', 'The company'],
    ['Russia accused Ukraine of attacking the plant.', 'Russia'],
    ['Insurers estimated that claims would exceed £30 million.', 'Insurers'],
    ['Pensions will rise by 4.1% in April, the Treasury confirmed.', 'the Treasury'],
    ['Critics point out that most of those jobs will last less than three years.', 'Critics'],
    ['The number of reported cases rose by 12%.', null],
    ['An estimated 5,000 people attended.', null],
    ['Reports of torture and deaths in detention are common.', null],
    ['Unemployment fell to 4.1% in March.', null],
  ],
  uk: [
    ['За словами міністра оборони Олексія Резнікова, Україна отримала 200 танків.', 'міністра оборони Олексія Резнікова'],
    ['Про це повідомив речник ОП Сергій Никифоров.', 'речник ОП Сергій Никифоров'],
    ['Президент Володимир Зеленський заявив, що мобілізацію продовжать.', 'Президент Володимир Зеленський'],
    ['«Ми не відступимо», — сказав генерал.', 'генерал'],
    ['Як повідомив Генштаб ЗСУ, за добу відбито 30 атак.', 'Генштаб ЗСУ'],
    ['За даними ООН, загинули понад 10 тисяч цивільних.', 'ООН'],
    ['У Міноборони заявили, що втрати перебільшені.', 'Міноборони'],
    ['Міністр освіти Оксана Лисенко наголосила, що укриття матимуть 80% шкіл.', 'Міністр освіти Оксана Лисенко'],
    ['Адвокат стверджує, що підписи підроблено.', 'Адвокат'],
    ['Президент підписав закон про мобілізацію.', null],
    ['Ціни зросли на 9,2% за рік.', null],
  ],
  ru: [
    ['По данным Росстата, инфляция составила 9,2%.', 'Росстата'],
    ['Как заявил глава МИД Сергей Лавров, переговоры не ведутся.', 'глава МИД Сергей Лавров'],
    ['Министр финансов заявил, что дефицит сократится.', 'Министр финансов'],
    ['Об этом сообщили в пресс-службе губернатора.', 'пресс-службе губернатора'],
    ['Градозащитники утверждают, что снесли 40 зданий.', 'Градозащитники'],
    ['«Мы не отступим», — сказал генерал.', 'генерал'],
    ['По словам спасателей, огонь тушили более 200 человек.', 'спасателей'],
    ['Пожар уничтожил склад площадью 12 000 кв. м.', null],
  ],
  de: [
    ['Laut Polizei wurden fünf Menschen verletzt.', 'Polizei'],
    ['Der Minister sagte, die Lage sei unter Kontrolle.', 'Der Minister'],
    ['Die Lage sei unter Kontrolle, sagte Scholz am Montag.', 'Scholz'],
    ['Die Regierung bestritt die Vorwürfe.', 'Die Regierung'],
    ['Die Preise stiegen um 3 Prozent.', null],
  ],
  fr: [
    ['Selon le ministère de la Santé, 40 personnes sont mortes.', 'le ministère de la Santé'],
    ['Le ministre a déclaré que le budget serait voté.', 'Le ministre'],
    ['« Nous ne céderons pas », a affirmé Emmanuel Macron.', 'Emmanuel Macron'],
    ['Les prix ont augmenté de 3 %.', null],
  ],
  es: [
    ['Según el Ministerio de Sanidad, murieron 40 personas.', 'el Ministerio de Sanidad'],
    ['El ministro negó las acusaciones.', 'El ministro'],
    ['«No cederemos», afirmó Pedro Sánchez.', 'Pedro Sánchez'],
    ['Los precios subieron un 3 %.', null],
  ],
  it: [
    ['Secondo il ministero della Salute, sono morte 40 persone.', 'il ministero della Salute'],
    ['Il ministro ha detto che il bilancio sarà approvato.', 'Il ministro'],
    ['«Non cederemo», ha dichiarato Giorgia Meloni.', 'Giorgia Meloni'],
    ['I prezzi sono aumentati del 3%.', null],
  ],
}

describe('findClaimantInSentence: who a statement is attributed to', () => {
  for (const [language, cases] of Object.entries(CASES)) {
    describe(language, () => {
      for (const [sentence, claimant] of cases) {
        it(`${claimant ?? 'the outlet'} in “${sentence}”`, () => {
          const found = findClaimantInSentence(sentence, language)
          expect(found?.text ?? null).toBe(claimant)
          if (found) expect(sentence.slice(found.start, found.end)).toBe(found.text)
        })
      }
    })
  }

  it('reads a language it has no words for with the words of all of them, where a negation is no verb', () => {
    expect(findClaimantInSentence('Rzecznik powiedział, że armia nie ostrzeliwała miasta.', 'pl')).toBeNull()
    expect(findClaimantInSentence('The ministry said 40 people died.', 'und')?.text).toBe('The ministry')
    expect(findClaimantInSentence('Президент заявил, что переговоры продолжатся.', 'und')?.text).toBe('Президент')
  })
})

describe('findClaimant and claimantsOf: offsets into the article, pronouns resolved', () => {
  const article =
    'The finance minister told parliament that the deficit fell to 3.1% of GDP. He announced a tax cut. ' +
    'The bill now goes to committee. She said it was rushed.'
  const spans = [
    { start: 0, end: 74 },
    { start: 75, end: 98 },
    { start: 99, end: 130 },
    { start: 131, end: 155 },
  ]

  it('gives offsets into the article', () => {
    expect(spans.map((s) => article.slice(s.start, s.end))).toEqual([
      'The finance minister told parliament that the deficit fell to 3.1% of GDP.',
      'He announced a tax cut.',
      'The bill now goes to committee.',
      'She said it was rushed.',
    ])
    const claimant = findClaimant(article, 0, 74, 'en')
    expect(claimant).toEqual({ text: 'The finance minister', start: 0, end: 20 })
    expect(findClaimant(article, 99, 130, 'en')).toBeNull()
  })

  it('replaces "he" with the last named source before it', () => {
    expect(findClaimant(article, 75, 98, 'en')).toEqual({ text: 'The finance minister', start: 0, end: 20 })
    expect(claimantsOf(article, spans, 'en').map((c) => c?.text ?? null)).toEqual([
      'The finance minister',
      'The finance minister',
      null,
      'The finance minister',
    ])
  })

  it('keeps the pronoun when no named source comes before it', () => {
    const text = 'She said the figures were wrong.'
    expect(findClaimant(text, 0, text.length, 'en')).toEqual({ text: 'She', start: 0, end: 3 })
  })

  it('resolves a Ukrainian pronoun to the person named before', () => {
    const text = 'Адвокат Олег Савчук заявив, що клієнт невинний. Він стверджує, що підписи підроблено.'
    const second = text.indexOf('Він')
    expect(findClaimant(text, second, text.length, 'uk')?.text).toBe('Адвокат Олег Савчук')
  })
})

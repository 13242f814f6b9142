import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCheckworthinessModel } from '@engine/claim-model'
import { isPositive } from '@domain/claims/features'
import { scoreSentence, type CheckworthinessModel } from '@domain/claims/model'
import { createClaimProposer, scoreSentences } from '@domain/claims/propose'
import { newProject } from '@domain/project/create'
import { ProjectSchema } from '@domain/project/schema'
import { detectLanguage } from '@domain/text/language'

const RESOURCES = join(import.meta.dirname, '../../resources')

// Written for Factdesk: what a news checker must be offered, and what not, in every supported language.
const CLAIMS: Record<string, string[]> = {
  en: [
    'A spokesman said the army never shelled the town.',
    'Inflation rose to 6.1% in April, the highest level since 1992.',
    'The council spent £2.3 million on the new bridge.',
    // claims that hold words of event notices and calls to action in another sense
    'Kherson is held by Ukrainian forces, the governor said on Tuesday.',
    'The national register lists 3,200 missing people.',
  ],
  uk: [
    'Речник заявив, що армія ніколи не обстрілювала місто.',
    'Інфляція у квітні зросла до 6,1%, найвищого рівня з 1992 року.',
    'Міська рада витратила 2,3 млн грн на новий міст.',
    'Реєстрація партії була скасована Мін’юстом у 2022 році.',
    // a quoted statement with its speaker: what checkers check most
    '«Уряд знову обіцяє те, чого не зможе профінансувати», — заявив депутат Олег Коваленко.',
  ],
  ru: [
    'Представитель заявил, что армия никогда не обстреливала город.',
    'Инфляция в апреле выросла до 6,1%, максимума с 1992 года.',
    'Горсовет потратил 2,3 млн рублей на новый мост.',
    'Регистрация партии была отменена Минюстом в 2022 году.',
    'Вход войск в город начался 24 февраля, заявил губернатор.',
  ],
  de: [
    'Ein Sprecher sagte, die Armee habe die Stadt nie beschossen.',
    'Die Inflation stieg im April auf 6,1 Prozent, den höchsten Stand seit 1992.',
    'Der Stadtrat gab 2,3 Millionen Euro für die neue Brücke aus.',
  ],
  fr: [
    "Un porte-parole a déclaré que l'armée n'avait jamais bombardé la ville.",
    "L'inflation a augmenté à 6,1 % en avril, son plus haut niveau depuis 1992.",
    "Le conseil municipal a dépensé 2,3 millions d'euros pour le nouveau pont.",
  ],
  es: [
    'Un portavoz dijo que el ejército nunca bombardeó la ciudad.',
    'La inflación subió al 6,1% en abril, el nivel más alto desde 1992.',
    'El ayuntamiento gastó 2,3 millones de euros en el nuevo puente.',
  ],
  it: [
    "Un portavoce ha detto che l'esercito non ha mai bombardato la città.",
    "L'inflazione è salita al 6,1% ad aprile, il livello più alto dal 1992.",
    'Il comune ha speso 2,3 milioni di euro per il nuovo ponte.',
  ],
}

const NOT_CLAIMS: Record<string, string[]> = {
  en: [
    'Tickets cost £12 and are available at the box office.',
    'Call 020 7946 0958 to book your place.',
    'The festival takes place on 12 June in Victoria Park.',
    'Sign up for our newsletter today!',
    'What does this mean for taxpayers?',
    'I think this is a great day for our city.',
    'Call 0800 123 4567 for more information.',
    'WASHINGTON, March 3, 2026 (Reuters) —',
  ],
  uk: [
    'Квитки коштують 200 грн.',
    'Телефонуйте за номером +380 44 123 4567.',
    'Фестиваль відбудеться 12 червня у парку Шевченка.',
    'Підписуйтеся на нашу розсилку!',
    'Що це означає для платників податків?',
    'Я думаю, що це чудовий день для міста.',
    'Телефонуйте 044 123 45 67.',
    'КИЇВ, 14 жовтня (Укрінформ) —',
  ],
  ru: [
    'Билеты стоят 500 рублей.',
    'Звоните по номеру +7 495 123-45-67.',
    'Фестиваль пройдет 12 июня в парке Горького.',
    'Подписывайтесь на нашу рассылку!',
    'Что это значит для налогоплательщиков?',
    'Я думаю, что это отличный день для города.',
  ],
  de: [
    'Karten kosten 15 Euro an der Abendkasse.',
    'Rufen Sie uns unter +49 30 1234567 an.',
    'Das Festival findet am 12. Juni im Stadtpark statt.',
    'Abonnieren Sie jetzt unseren Newsletter!',
    'Was bedeutet das für die Steuerzahler?',
    'Ich glaube, das ist ein großer Tag für unsere Stadt.',
    'Rufen Sie uns unter 030 1234567 an.',
  ],
  fr: [
    'Les billets coûtent 12 euros.',
    'Appelez le +33 1 23 45 67 89 pour réserver.',
    'Le festival aura lieu le 12 juin au parc de la Villette.',
    'Abonnez-vous à notre lettre d’information !',
    "Qu'est-ce que cela signifie pour les contribuables ?",
    'Je pense que c’est un grand jour pour notre ville.',
    'Appelez le 01 23 45 67 89.',
  ],
  es: [
    'Las entradas cuestan 10 euros.',
    'Llama al +34 912 345 678 para reservar.',
    'El festival tendrá lugar el 12 de junio en el parque del Retiro.',
    '¡Suscríbete a nuestro boletín!',
    '¿Qué significa esto para los contribuyentes?',
    'Creo que es un gran día para nuestra ciudad.',
  ],
  it: [
    'I biglietti costano 12 euro.',
    'Chiama il +39 06 1234 5678 per prenotare.',
    'Il festival si terrà il 12 giugno al parco Sempione.',
    'Iscriviti alla nostra newsletter!',
    'Cosa significa questo per i contribuenti?',
    'Penso che sia una grande giornata per la nostra città.',
    'Chiamate lo 06 1234 5678 per informazioni.',
  ],
}

let model: CheckworthinessModel

beforeAll(async () => {
  model = await loadCheckworthinessModel(RESOURCES)
})

describe('check-worthiness on news text', () => {
  for (const [language, sentences] of Object.entries(CLAIMS)) {
    it(`${language}: proposes attributed statements and figures, with reasons`, () => {
      for (const sentence of sentences) {
        const scored = scoreSentence(sentence, language, model)
        expect(scored.checkworthy, sentence).toBe(true)
        expect(
          scored.reasons.some((r) => isPositive(r.kind)),
          sentence,
        ).toBe(true)
      }
    })
  }
  for (const [language, sentences] of Object.entries(NOT_CLAIMS)) {
    it(`${language}: leaves out ticket prices, phone numbers, event dates, calls to action, questions and opinion`, () => {
      for (const sentence of sentences) expect(scoreSentence(sentence, language, model).checkworthy, sentence).toBe(false)
    })
  }
})

describe('proposing claims for a new project', () => {
  const article = [
    'Port traffic up',
    'Container traffic at the port rose 8% in 2025, the harbour authority said on Monday. Tickets for the open day cost €5.',
    '"We handled 1.2 million containers," said CEO Anna Berg. What comes next? Nobody knows.',
  ].join('\n\n')

  it('turns check-worthy sentences into valid suggested claims with article offsets', () => {
    const project = newProject(
      { text: article },
      { now: new Date('2026-01-05T10:00:00Z'), author: 'test', proposeClaims: createClaimProposer(model), detectLanguage },
    )
    expect(() => ProjectSchema.parse(project)).not.toThrow()
    expect(project.article.language).toBe('en')
    expect(project.claims.map((c) => c.text)).toEqual([
      'Container traffic at the port rose 8% in 2025, the harbour authority said on Monday.',
      '"We handled 1.2 million containers," said CEO Anna Berg.',
    ])
    for (const claim of project.claims) {
      expect(claim).toMatchObject({ origin: 'suggested', status: 'suggested', verdict: null, createdAt: '2026-01-05T10:00:00.000Z' })
      expect(claim.score).toBeGreaterThan(0)
      expect(claim.reasons.some((r) => isPositive(r.kind))).toBe(true)
      for (const reason of claim.reasons) {
        expect(project.article.text.slice(reason.start, reason.end)).toBe(reason.text)
        expect(reason.start).toBeGreaterThanOrEqual(claim.start)
        expect(reason.end).toBeLessThanOrEqual(claim.end)
      }
    }
  })

  it('scores every sentence so a checker can promote one that was not proposed', () => {
    const sentences = scoreSentences(article, 'en', model)
    expect(sentences.map((s) => article.slice(s.start, s.end))).toEqual([
      'Port traffic up',
      'Container traffic at the port rose 8% in 2025, the harbour authority said on Monday.',
      'Tickets for the open day cost €5.',
      '"We handled 1.2 million containers," said CEO Anna Berg.',
      'What comes next?',
      'Nobody knows.',
    ])
    for (const s of sentences) {
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.score).toBeLessThanOrEqual(1)
      if (s.checkworthy) expect(s.reasons.some((r) => isPositive(r.kind))).toBe(true)
    }
  })
})

describe('loadCheckworthinessModel', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-model-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('names the missing file', async () => {
    const missing = join(dir, 'none')
    await expect(loadCheckworthinessModel(missing)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(join(missing, 'models', 'checkworthiness.json')) as string,
    })
  })

  it('names the file and the field when the model is not valid', async () => {
    const broken = join(dir, 'broken')
    await mkdir(join(broken, 'models'), { recursive: true })
    await writeFile(join(broken, 'models', 'checkworthiness.json'), JSON.stringify({ ...model, full: { ...model.full, weights: 'AAAA' } }))
    await expect(loadCheckworthinessModel(broken)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/checkworthiness\.json.*full/) as string,
    })
    const notJson = join(dir, 'not-json')
    await mkdir(join(notJson, 'models'), { recursive: true })
    await writeFile(join(notJson, 'models', 'checkworthiness.json'), '{')
    await expect(loadCheckworthinessModel(notJson)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('not valid JSON') as string,
    })
  })
})

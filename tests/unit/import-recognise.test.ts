import { describe, expect, it } from 'vitest'
import { withoutLines } from '@contract/import'
import { cutAtWord, headlineOf, newProject, titleFromFirstLine } from '@domain/project/create'
import { importPastedText } from '@engine/import'
import { bylineOf, dateOf, isMarkedCaption, recogniseLines } from '@engine/import/recognise'

/** What each recognised line is, as the review form lists it: kind, the line itself, what it fills. */
function recognised(text: string, fileTitle = ''): [string, string, Record<string, string>][] {
  return recogniseLines(text, fileTitle).map((line) => [line.kind, text.slice(line.start, line.end), line.fills])
}

const ENGLISH_STORY = [
  'Ferry operator cuts winter sailings by a third',
  'By Dana Okafor and Luis Ortega',
  'Friday, November 14, 2025 10:30 AM EST',
  'Photo: Harbour Authority',
  'a ferry leaving the harbour at dusk with passengers on the deck,',
  'What changes',
  'The island ferry will sail 14 times a week from December instead of 21, the operator said on Thursday, citing fuel costs that rose 18% this year.',
  'Passengers queue at the terminal on Monday. Photo: Reuters/Jane Roe',
  'Islanders say the cut will leave them without a crossing after 6 pm.',
].join('\n\n')

describe('recognising the lines around a pasted story', () => {
  it('finds the headline, byline, date line and captions of an English news story, and keeps its words', () => {
    expect(recognised(ENGLISH_STORY)).toEqual([
      ['headline', 'Ferry operator cuts winter sailings by a third', { title: 'Ferry operator cuts winter sailings by a third' }],
      ['byline', 'By Dana Okafor and Luis Ortega', { author: 'Dana Okafor and Luis Ortega' }],
      ['date', 'Friday, November 14, 2025 10:30 AM EST', { publishedAt: '2025-11-14' }],
      ['caption', 'Photo: Harbour Authority', {}],
      ['caption', 'a ferry leaving the harbour at dusk with passengers on the deck,', {}],
      ['caption', 'Passengers queue at the terminal on Monday. Photo: Reuters/Jane Roe', {}],
    ])
  })

  it('reads a desk as the byline and a bare date as the date line', () => {
    const text = 'Council approves new bus lanes\n\nWeb Editor\n\nMay 23, 2025\n\nThe council approved 12 km of bus lanes on Friday.'
    expect(recognised(text)).toEqual([
      ['headline', 'Council approves new bus lanes', { title: 'Council approves new bus lanes' }],
      ['byline', 'Web Editor', { author: 'Web Editor' }],
      ['date', 'May 23, 2025', { publishedAt: '2025-05-23' }],
    ])
  })

  it('reads Ukrainian and Russian bylines, dates and captions', () => {
    const ukrainian = [
      'Львів відкриє ще шість бібліотек до кінця 2026 року',
      'Автор: Олена Гнатюк',
      'Опубліковано: 14 листопада 2025 року, 10:30',
      'Фото: з відкритих джерел',
      'Міська рада ухвалила рішення в четвер: на бібліотеки виділять 48 мільйонів гривень із міського бюджету, повідомила пресслужба.',
    ].join('\n\n')
    expect(recognised(ukrainian)).toEqual([
      ['headline', 'Львів відкриє ще шість бібліотек до кінця 2026 року', { title: 'Львів відкриє ще шість бібліотек до кінця 2026 року' }],
      ['byline', 'Автор: Олена Гнатюк', { author: 'Олена Гнатюк' }],
      ['date', 'Опубліковано: 14 листопада 2025 року, 10:30', { publishedAt: '2025-11-14' }],
      ['caption', 'Фото: з відкритих джерел', {}],
    ])
    const russian = [
      'Бюджет Новосибирска утверждён',
      'Ирина Соколова | 19 декабря 2024 г.',
      'Депутаты на заседании горсовета (Фото: Сибирская газета)',
      'Городской совет утвердил бюджет на 2025 год: доходы составят 68,4 миллиарда рублей, расходы — 71,2 миллиарда, сообщила пресс-служба мэрии.',
    ].join('\n\n')
    expect(recognised(russian)).toEqual([
      ['headline', 'Бюджет Новосибирска утверждён', { title: 'Бюджет Новосибирска утверждён' }],
      ['byline', 'Ирина Соколова | 19 декабря 2024 г.', { author: 'Ирина Соколова', publishedAt: '2024-12-19' }],
      ['caption', 'Депутаты на заседании горсовета (Фото: Сибирская газета)', {}],
    ])
  })

  it('reads German, French, Spanish and Italian bylines and dates', () => {
    expect(bylineOf('Von Jana Müller')).toBe('Jana Müller')
    expect(bylineOf('Par Jean-Luc Martin')).toBe('Jean-Luc Martin')
    expect(bylineOf('Por María de la Fuente')).toBe('María de la Fuente')
    expect(bylineOf('Di Giulia Romano')).toBe('Giulia Romano')
    expect(dateOf('Veröffentlicht am 14. November 2025, 10:30 Uhr')).toBe('2025-11-14')
    expect(dateOf('Publié le 1er décembre 2025 à 08:15')).toBe('2025-12-01')
    expect(dateOf('Publicado el 14 de noviembre de 2025')).toBe('2025-11-14')
    expect(dateOf('Pubblicato il 14 novembre 2025 alle 10:30')).toBe('2025-11-14')
    expect(dateOf('14.11.2025')).toBe('2025-11-14')
    expect(dateOf('2025-11-14')).toBe('2025-11-14')
  })

  it('takes both fields from a byline and date on one line', () => {
    expect(recognised('Rail fares to rise\n\nBy Dana Okafor, March 3, 2025\n\nFares rise by 4.6% in March, the operator said.')).toEqual([
      ['headline', 'Rail fares to rise', { title: 'Rail fares to rise' }],
      ['byline', 'By Dana Okafor, March 3, 2025', { author: 'Dana Okafor', publishedAt: '2025-03-03' }],
    ])
  })

  it('never takes a sentence of the article for a byline, a date or a caption', () => {
    for (const sentence of [
      'By the end of 2025 the council will have spent €48 million.',
      'Von den 200 Teilnehmern stimmten 120 dafür.',
      'Par ailleurs, le maire a démissionné.',
      'Di recente il comune ha speso 3 milioni.',
      'He described the image: a burning car.',
      'The photo: a fake, the agency said.',
      'On May 23, 2025 the exchange began.',
    ]) {
      expect(bylineOf(sentence), sentence).toBeNull()
      expect(dateOf(sentence), sentence).toBeNull()
      expect(isMarkedCaption(sentence), sentence).toBe(false)
    }
    // A US or a European date? Only an unambiguous one is read.
    expect(dateOf('05/06/2025')).toBeNull()
    expect(dateOf('13/06/2025')).toBe('2025-06-13')
    expect(dateOf('February 30, 2025')).toBeNull()
  })

  it('leaves text that starts with its first paragraph alone', () => {
    const text = 'The council voted 31 to 12 to double the library budget, the mayor said.\n\nOpening hours will rise by 20 per cent.'
    expect(recognised(text)).toEqual([])
    // A hard-wrapped first paragraph breaks mid-sentence: its first line is no headline, its second no caption.
    expect(recognised('The council voted on Thursday to double\nthe library budget and extend opening\nhours, the mayor said.')).toEqual([])
  })

  it('takes the first line for the headline when it repeats the file’s own title, and not when it differs', () => {
    const text = 'Council doubles library budget.\n\nThe vote was 31 to 12.'
    expect(recognised(text, 'Council doubles library budget')).toEqual([
      ['headline', 'Council doubles library budget.', { title: 'Council doubles library budget' }],
    ])
    expect(recognised('Eastvale cuts water use\n\nThe vote was 31 to 12.', 'Eastvale cuts water use by 8 percent')).toEqual([])
  })

  it('offers the same for pasted text, with the title the checker typed', () => {
    const pasted = importPastedText('Rail fares to rise\r\n\r\nBy Dana Okafor\r\n\r\nFares rise by 4.6% in March.', 'Rail fares to rise')
    expect(pasted.recognised.map((line) => line.kind)).toEqual(['headline', 'byline'])
    expect(pasted.title).toBe('Rail fares to rise')
  })
})

describe('taking recognised lines out', () => {
  it('removes the chosen lines and keeps paragraphs one blank line apart', () => {
    const lines = recogniseLines(ENGLISH_STORY)
    expect(withoutLines(ENGLISH_STORY, lines)).toBe(
      [
        'What changes',
        'The island ferry will sail 14 times a week from December instead of 21, the operator said on Thursday, citing fuel costs that rose 18% this year.',
        'Islanders say the cut will leave them without a crossing after 6 pm.',
      ].join('\n\n'),
    )
    const headlineOnly = lines.filter((line) => line.kind === 'headline')
    expect(withoutLines(ENGLISH_STORY, headlineOnly).startsWith('By Dana Okafor and Luis Ortega\n\nFriday')).toBe(true)
  })

  it('keeps the rest of a paragraph together when a line inside it goes', () => {
    expect(withoutLines('Headline\nBy Dana Okafor\nMay 23, 2025\n\nBody.', [{ start: 9, end: 23 }])).toBe('Headline\nMay 23, 2025\n\nBody.')
  })
})

describe('titles', () => {
  it('cuts a long title at the end of a word, never inside one, with an ellipsis', () => {
    const ukrainian =
      'Міська рада Львова ухвалила рішення відкрити шість нових бібліотек до кінця 2026 року, повідомила пресслужба міського голови у четвер'
    expect(cutAtWord(ukrainian, 120)).toBe(
      'Міська рада Львова ухвалила рішення відкрити шість нових бібліотек до кінця 2026 року, повідомила пресслужба міського…',
    )
    const russian =
      'Правительство объявило о повышении пенсий на двенадцать процентов с первого июля, сообщили в министерстве финансов страны'
    const title = cutAtWord(russian, 100)
    expect(title).toBe('Правительство объявило о повышении пенсий на двенадцать процентов с первого июля, сообщили в…')
    expect(russian.startsWith(title.slice(0, -1))).toBe(true)
    expect(russian[title.length - 1]).toBe(' ')
    expect(cutAtWord('Short title', 120)).toBe('Short title')
    // A first word longer than the room is the only thing that is cut inside.
    expect(cutAtWord('Donaudampfschifffahrtsgesellschaftskapitän', 10)).toBe('Donaudamp…')
  })

  it('takes a headline first line for the title and out of the text, and cuts a first paragraph at a word', () => {
    expect(headlineOf('Rail fares to rise\n\nFares rise by 4.6% in March.')).toBe('Rail fares to rise')
    expect(headlineOf('Fares rise by 4.6% in March.\n\nThe operator said so.')).toBeNull()
    const made = newProject(
      { text: 'Rail fares to rise\n\nFares rise by 4.6% in March.' },
      { now: new Date('2026-01-01T00:00:00Z'), author: 't' },
    )
    expect(made.article).toMatchObject({ title: 'Rail fares to rise', text: 'Fares rise by 4.6% in March.' })
    const lead = `${'The council voted 31 to 12 on Thursday to double the budget for the city’s public libraries '.repeat(2)}and more.\n\nSecond paragraph.`
    const kept = newProject({ text: lead }, { now: new Date('2026-01-01T00:00:00Z'), author: 't' })
    expect(kept.article.text).toBe(lead)
    expect(kept.article.title).toBe(titleFromFirstLine(lead))
    expect(kept.article.title).toBe(
      'The council voted 31 to 12 on Thursday to double the budget for the city’s public libraries The council voted 31 to 12…',
    )
    // A title the checker gave is kept, and the text with it.
    const given = newProject(
      { title: 'Fares', text: 'Rail fares to rise\n\nFares rise.' },
      { now: new Date('2026-01-01T00:00:00Z'), author: 't' },
    )
    expect(given.article).toMatchObject({ title: 'Fares', text: 'Rail fares to rise\n\nFares rise.' })
  })
})

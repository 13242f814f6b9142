import type { RecognisedLine } from '@contract/import'
import { headlineOf } from '@domain/project/create'

/*
 * Recognises the lines at the top of a pasted or imported news story that are not its words: the
 * headline, the byline, the date line and photo captions (in English, Ukrainian, Russian, German,
 * French, Spanish and Italian). Written by hand: no maintained npm package reads bylines and
 * datelines from plain text (the article extractors work on HTML markup, which a paste no longer
 * has). Every pattern must match a whole line, so a sentence of the article is never taken.
 */

/** Bylines and dates are looked for in the article's first lines, before its first long paragraph. */
const TOP_LINES = 10
/** A line longer than this is the article's body. */
const BODY_LINE = 200
/** A caption is a line or two. */
const CAPTION_MAX = 400

const MONTHS: Record<string, number> = {}
for (const [month, names] of [
  [1, 'january jan січня січень января январь januar jänner janvier enero gennaio'],
  [2, 'february feb лютого лютий февраля февраль februar février fevrier febrero febbraio'],
  [3, 'march mar березня березень марта март märz maerz mars marzo'],
  [4, 'april apr квітня квітень апреля апрель avril abril aprile'],
  [5, 'may травня травень мая май mai mayo maggio'],
  [6, 'june jun червня червень июня июнь juni juin junio giugno'],
  [7, 'july jul липня липень июля июль juli juillet julio luglio'],
  [8, 'august aug серпня серпень августа август août aout agosto'],
  [9, 'september sep sept вересня вересень сентября сентябрь septembre septiembre setiembre settembre'],
  [10, 'october oct жовтня жовтень октября октябрь oktober octobre octubre ottobre'],
  [11, 'november nov листопада листопад ноября ноябрь novembre noviembre'],
  [12, 'december dec грудня грудень декабря декабрь dezember décembre decembre diciembre dicembre'],
] as const) {
  for (const name of names.split(' ')) MONTHS[name] = month
}

const WEEKDAYS = [
  'monday mon tuesday tue tues wednesday wed thursday thu thurs friday fri saturday sat sunday sun',
  "понеділок вівторок середа четвер п'ятниця п’ятниця субота неділя",
  'понедельник вторник среда четверг пятница суббота воскресенье',
  'montag dienstag mittwoch donnerstag freitag samstag sonntag',
  'lundi mardi mercredi jeudi vendredi samedi dimanche',
  'lunes martes miércoles jueves viernes sábado domingo',
  'lunedì martedì mercoledì giovedì venerdì sabato domenica',
].join(' ')

const words = (list: string): string => list.split(' ').map(escape).join('|')
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** What may stand before a date on its own line: "Published", "Оновлено:", "Veröffentlicht am", "le". */
const DATE_PREFIX = `(?:(?:first |last )?(?:published|updated|posted|modified)(?: on)?|date|опубліковано|оновлено|дата публікації|дата|опубликовано|обновлено|дата публикации|veröffentlicht(?: am)?|aktualisiert(?: am)?|stand|publié(?: le)?|mis à jour(?: le)?|publicado(?: el)?|actualizado(?: el)?|pubblicato(?: il)?|aggiornato(?: il)?|le|el|il|am|on)`
const WEEKDAY = `(?:${words(WEEKDAYS)})\\.?`
const MONTH = `(?<month>${words(Object.keys(MONTHS).join(' '))})\\.?`
const YEAR = '(?<year>(?:19|20)\\d\\d)(?:\\s*(?:року|р\\.|р|года|г\\.|г))?'
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th|er|\\.)?'
const DATE_FORMS = [
  `${MONTH}\\s+${DAY},?\\s+${YEAR}`,
  `${DAY}\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+|del\\s+)?${YEAR}`,
  `${YEAR.replace('(?:\\s*(?:року|р\\.|р|года|г\\.|г))?', '')}-(?<monthNumber>\\d{2})-(?<dayNumber>\\d{2})`,
  `(?<dottedDay>\\d{1,2})\\.(?<dottedMonth>\\d{1,2})\\.(?<dottedYear>(?:19|20)\\d\\d)(?:\\s*(?:року|р\\.|р|года|г\\.|г))?`,
  `(?<first>\\d{1,2})\\/(?<second>\\d{1,2})\\/(?<slashYear>(?:19|20)\\d\\d)`,
]
const TIME = `(?:(?:at|о|в|um|à|a las|alle|ore)\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*uhr)?(?:\\s*(?:utc|gmt|edt|est|cdt|cst|mdt|mst|pdt|pst|bst|cet|cest|eet|eest|msk|ist|aest|aedt)(?:[+-]\\d{1,2})?)?`
const GAP = '[\\s,]*'
const DATE_LINES = DATE_FORMS.map(
  (form) => new RegExp(`^(?:${DATE_PREFIX}\\s*:?\\s*)?(?:${WEEKDAY}${GAP})?(?:${form})(?:${GAP}${WEEKDAY})?(?:${GAP}${TIME})?$`, 'iu'),
)

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The date a whole line (or a segment of one) states, as YYYY-MM-DD, or null when it is more than a date. */
export function dateOf(segment: string): string | null {
  const text = segment.trim().replace(/\s+/g, ' ')
  if (text.length > 80) return null
  for (const pattern of DATE_LINES) {
    const groups = pattern.exec(text)?.groups
    if (!groups) continue
    if (groups.month && groups.day && groups.year) {
      return isoDate(Number(groups.year), MONTHS[groups.month.toLowerCase()] ?? 0, Number(groups.day))
    }
    if (groups.monthNumber && groups.dayNumber && groups.year) {
      return isoDate(Number(groups.year), Number(groups.monthNumber), Number(groups.dayNumber))
    }
    if (groups.dottedDay && groups.dottedMonth && groups.dottedYear) {
      return isoDate(Number(groups.dottedYear), Number(groups.dottedMonth), Number(groups.dottedDay))
    }
    if (groups.first && groups.second && groups.slashYear) {
      const [first, second, year] = [Number(groups.first), Number(groups.second), Number(groups.slashYear)]
      // 05/06/2025 is May in the US and June elsewhere: only an unambiguous one is read.
      if (first > 12) return isoDate(year, second, first)
      if (second > 12) return isoDate(year, first, second)
      return null
    }
  }
  return null
}

/** Words a byline starts with: "By", "Автор:", "Von", "Par", "Por", "Di", "Текст:", "Підготувала". */
const BYLINE =
  /^(?:by|written by|words by|reporting by|story by|text by|von|par|por|di|autor|autorin|autora|auteur|autrice|autore|author|автор|авторка|автори|авторы|текст|підготував|підготувала|подготовил|подготовила|матеріал підготував|матеріал підготувала|материал подготовил|материал подготовила)(?:\s*[:：]\s*|\s+[—–-]\s+|\s+)(?<name>.+)$/iu
/** Bylines that name a desk or a role rather than a person ("Web Editor"). */
const ROLE_BYLINE =
  /^(?:web editor|staff writer|staff reporter|staff|editorial staff|editorial team|editorial board|news desk|newsroom|the editors|редакція|редакція сайту|веб-редактор|редакция|редакция сайта|redaktion|la rédaction|rédaction|redacción|redazione)$/iu
/** Words allowed in small letters inside a name list: particles and "and". */
const NAME_PARTICLES = new Set('de da di du del della der den van von la le y e and і й та и und et bin al el ibn dos das'.split(' '))

/** "Jane Doe", "Олена Петренко та Іван Коваль", "J. R. Smith, Reuters": capitalised words, no digits, no sentence. */
function isNameList(text: string): boolean {
  const endsSentence = /[.!?…:;]$/u.test(text) && !/(?:^|\s)\p{Lu}\.$/u.test(text)
  if (text.length > 100 || /\d/.test(text) || endsSentence) return false
  const parts = text.split(/[\s,&]+/u).filter(Boolean)
  if (parts.length === 0 || parts.length > 10) return false
  return parts.every((part) => /^\p{Lu}/u.test(part) || NAME_PARTICLES.has(part.toLowerCase()))
}

/** The author a line names as a byline, or null. */
export function bylineOf(line: string): string | null {
  const text = line.trim()
  if (ROLE_BYLINE.test(text)) return text
  const name = BYLINE.exec(text)?.groups?.name?.trim()
  return name && isNameList(name) ? name : null
}

const CAPTION_WORD =
  'photo|photograph|photos|picture|pictured|image|illustration|video|credit|photo credit|фото|світлина|ілюстрація|зображення|відео|иллюстрация|изображение|видео|bild|bildquelle|foto|fotos|fotografía|imagen|immagine|crédit photo|crédit|légende'
/** "Photo: …", "Фото — …", "Foto/…", "Pictured: …". */
const CAPTION_START = new RegExp(`^(?:${CAPTION_WORD})\\s*(?:[:：©/]|[—–-]\\s|by\\s)`, 'iu')
/**
 * A caption ending with its credit, a name or an agency: "… on Friday. Photo: Reuters/Jane Doe",
 * "… (Фото: УНІАН)", "… © AFP". Not "… described the image: a burning car.", a sentence.
 */
const CAPTION_CREDIT = new RegExp(`(?:[\\s(](?:${CAPTION_WORD})\\s*[:：©/]|\\s©)\\s*(?<credit>[^()]{1,60})\\)?$`, 'iu')

/** Whether a line is a photo caption or credit by its marks ("Photo:", "Фото:", "©"). */
export function isMarkedCaption(line: string): boolean {
  const text = line.trim()
  if (text.length > CAPTION_MAX) return false
  if (CAPTION_START.test(text)) return true
  // Checked apart from the pattern: with the i flag \p{Lu} matches small letters too.
  const credit = CAPTION_CREDIT.exec(text)?.groups?.credit ?? ''
  return /^\p{Lu}/u.test(credit) && !/[.!?…]$/u.test(credit)
}

/**
 * An image description left behind by a copied web page: a line in small letters that is not a
 * sentence ("a group of soldiers posing for a picture with a flag,"). Only looked for in the top
 * lines, where an article has no running text yet.
 */
function isImageDescription(line: string): boolean {
  return line.length >= 15 && line.length <= CAPTION_MAX && /^\p{Ll}/u.test(line) && !/[.!?…:;"”»]$/u.test(line)
}

interface Line {
  start: number
  end: number
  text: string
  /** A paragraph of its own, with a blank line (or the text's start and end) around it. */
  alone: boolean
}

function* linesOf(text: string): Generator<Line> {
  let start = 0
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline < 0 ? text.length : newline
    if (end > start) {
      const alone = (start === 0 || text[start - 2] === '\n') && (end === text.length || text[end + 1] === '\n')
      yield { start, end, text: text.slice(start, end), alone }
    }
    start = end + 1
  }
}

const SEPARATOR = /\s+[|·•—–]\s+|\s*[|·•]\s*/u

/** A person's name without a byline word: two to five capitalised words ("Ирина Соколова"). */
function isBareName(text: string): boolean {
  const words = text.trim().split(/\s+/u)
  return words.length >= 2 && words.length <= 5 && isNameList(text.trim())
}

/**
 * A top line as byline and date, whole or in parts: "By Jane Doe | May 23, 2025", "By Jane Doe,
 * May 23, 2025". Next to a date a bare name counts as the byline ("Ірина Соколова | 19 грудня 2024").
 */
function bylineAndDate(text: string): { author?: string; publishedAt?: string } | null {
  const author = bylineOf(text)
  if (author) return { author }
  const date = dateOf(text)
  if (date) return { publishedAt: date }
  const separated = text.split(SEPARATOR)
  const parts = separated.length > 1 ? separated : splitBeforeDate(text)
  if (parts.length < 2) return null
  const found: { author?: string; publishedAt?: string } = {}
  for (const part of parts) {
    const day = found.publishedAt ? null : dateOf(part)
    const name = day || found.author ? null : (bylineOf(part) ?? (isBareName(part) ? part.trim() : null))
    if (day) found.publishedAt = day
    else if (name) found.author = name
    else return null
  }
  return found.publishedAt ? found : null
}

/** "By Jane Doe, May 23, 2025" → ["By Jane Doe", "May 23, 2025"]: split at the comma after which a date runs to the end. */
function splitBeforeDate(text: string): string[] {
  for (let comma = text.indexOf(','); comma > 0; comma = text.indexOf(',', comma + 1)) {
    if (dateOf(text.slice(comma + 1))) return [text.slice(0, comma), text.slice(comma + 1)]
  }
  return [text]
}

function sameWords(a: string, b: string): boolean {
  const simple = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim()
  return simple(a) === simple(b)
}

/**
 * The headline, byline, date line and captions of normalised article text, in text order.
 * `fileTitle` is the title the file's own metadata gives, if any: a first line repeating it is the
 * headline whatever its punctuation, and a first line that differs from it is not taken as one.
 */
export function recogniseLines(text: string, fileTitle = ''): RecognisedLine[] {
  const found: RecognisedLine[] = []
  let index = 0
  let inTop = true
  for (const line of linesOf(text)) {
    const trimmed = line.text.trim()
    if (trimmed.length > BODY_LINE || index >= TOP_LINES) inTop = false
    const at = { start: line.start, end: line.end }
    if (trimmed.length <= CAPTION_MAX && isMarkedCaption(trimmed)) {
      found.push({ kind: 'caption', ...at, fills: {} })
    } else if (inTop) {
      const fields = bylineAndDate(trimmed)
      if (fields) {
        found.push({ kind: fields.author ? 'byline' : 'date', ...at, fills: fields })
      } else if (index === 0 && (fileTitle ? sameWords(trimmed, fileTitle) : headlineOf(text) === line.text)) {
        found.push({ kind: 'headline', ...at, fills: { title: fileTitle || trimmed } })
      } else if (index > 0 && line.alone && isImageDescription(trimmed)) {
        found.push({ kind: 'caption', ...at, fills: {} })
      }
    }
    index++
  }
  return found
}

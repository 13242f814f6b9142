/**
 * Numbers in a claim, normalised so that the same figure written differently is one key:
 * "1,000", "1 000", "1.000" (German grouping), "1k", "a thousand", "тисяча" and "тысяча" are all
 * "1000"; "10%", "10 percent", "10 відсотків" are all "10%". Written by hand: no npm package reads
 * numbers in the seven languages Factdesk splits (the number-word packages are English only).
 */

/** Words that multiply the number before them, or stand for it alone ("a million", "тисяча"). */
const SCALES: Record<string, number> = {
  thousand: 1e3,
  thousands: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  tn: 1e12,
  // Ukrainian and Russian, with their abbreviations.
  тисяча: 1e3,
  тисячі: 1e3,
  тисяч: 1e3,
  тис: 1e3,
  тысяча: 1e3,
  тысячи: 1e3,
  тысяч: 1e3,
  тыс: 1e3,
  мільйон: 1e6,
  мільйона: 1e6,
  мільйони: 1e6,
  мільйонів: 1e6,
  млн: 1e6,
  миллион: 1e6,
  миллиона: 1e6,
  миллионов: 1e6,
  мільярд: 1e9,
  мільярда: 1e9,
  мільярди: 1e9,
  мільярдів: 1e9,
  млрд: 1e9,
  миллиард: 1e9,
  миллиарда: 1e9,
  миллиардов: 1e9,
  трильйон: 1e12,
  трильйонів: 1e12,
  трлн: 1e12,
  триллион: 1e12,
  триллионов: 1e12,
  // German, French, Spanish, Italian.
  tausend: 1e3,
  mio: 1e6,
  millionen: 1e6,
  milliarde: 1e9,
  milliarden: 1e9,
  mrd: 1e9,
  mille: 1e3,
  mila: 1e3,
  mil: 1e3,
  milliard: 1e9,
  milliards: 1e9,
  millón: 1e6,
  millones: 1e6,
  milione: 1e6,
  milioni: 1e6,
  miliardo: 1e9,
  miliardi: 1e9,
}

/** Number words that stand alone; a few per language beyond the scales, the ones claims quote. */
const WORDS: Record<string, number> = {
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  два: 2,
  дві: 2,
  две: 2,
  три: 3,
  чотири: 4,
  четыре: 4,
  "п'ять": 5,
  пять: 5,
  десять: 10,
  сто: 100,
  zwei: 2,
  drei: 3,
  zehn: 10,
  hundert: 100,
  deux: 2,
  trois: 3,
  dix: 10,
  cent: 100,
  dos: 2,
  tres: 3,
  diez: 10,
  cien: 100,
  due: 2,
  tre: 3,
  dieci: 10,
  cento: 100,
}

const PERCENT = new Set([
  '%',
  'percent',
  'per cent',
  'pct',
  'відсоток',
  'відсотки',
  'відсотків',
  'відсотка',
  'процент',
  'процента',
  'процентов',
  'проценти',
  'процентів',
  'prozent',
  'pour cent',
  'por ciento',
  'per cento',
  'percento',
])

const NUMBER = String.raw`\d{1,3}(?:[,.\u00A0\u202F ']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`
const UNIT = String.raw`\s?(%|per cent|percent|pour cent|por ciento|per cento|[\p{L}]+\.?)?`
const FIGURE = new RegExp(String.raw`(?<![\p{L}\d])(${NUMBER})${UNIT}`, 'gu')
/**
 * A number word as a whole word (a run of letters and apostrophes equal to one of SCALES or
 * WORDS): one pass finds the few a text has, where testing each of its words against the tables
 * was a tenth of a library build.
 */
const NUMBER_WORD = new RegExp(
  String.raw`(?<![\p{L}'])(?:${[...new Set([...Object.keys(SCALES), ...Object.keys(WORDS)])]
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\p{L}'])`,
  'gu',
)
const HAS_DIGIT = /\d/

/** "1,000" and "1.000" group thousands; "1,5" and "1.5" are decimals. */
function parseFigure(raw: string): number {
  const grouped = raw.match(/^\d{1,3}((?:[,.\u00A0\u202F ']\d{3})+)([.,]\d+)?$/u)
  if (grouped) {
    const integer = raw.slice(0, raw.length - (grouped[2]?.length ?? 0)).replace(/[^\d]/g, '')
    return Number(integer) + (grouped[2] ? Number(`0.${grouped[2].slice(1)}`) : 0)
  }
  return Number(raw.replace(',', '.'))
}

/** One canonical key: the value to six significant digits, "%" after a share. */
export function numberKey(value: number, percent = false): string {
  return `${Number(value.toPrecision(6))}${percent ? '%' : ''}`
}

/** Every figure in the text as a normalised key, once each, in order of appearance. */
export function extractNumbers(text: string): string[] {
  const lower = text.toLowerCase()
  const keys = new Set<string>()
  const used: [number, number][] = []
  if (HAS_DIGIT.test(lower)) figures(lower, keys, used)
  words(lower, keys, used)
  return [...keys]
}

function figures(lower: string, keys: Set<string>, used: [number, number][]): void {
  for (const match of lower.matchAll(FIGURE)) {
    const start = match.index
    let value = parseFigure(match[1] ?? '')
    const unit = (match[2] ?? '').replace(/\.$/, '')
    let percent = false
    if (PERCENT.has(unit)) percent = true
    else if (Object.hasOwn(SCALES, unit)) value *= SCALES[unit] ?? 1
    else if (/^(відсот|процент)/.test(unit)) percent = true
    if (Number.isFinite(value)) keys.add(numberKey(value, percent))
    used.push([start, start + match[0].length])
  }
}

function words(lower: string, keys: Set<string>, used: [number, number][]): void {
  let previous: { key: string; value: number; end: number } | null = null
  for (const match of lower.matchAll(NUMBER_WORD)) {
    const start = match.index
    const word = match[0]
    if (used.some(([a, b]) => start >= a && start < b)) continue
    const scale = word.length < 3 || word === 'mil' || !Object.hasOwn(SCALES, word) ? undefined : SCALES[word]
    // "two million" is one figure, not a two and a million.
    if (scale !== undefined && previous && start - previous.end <= 1) {
      keys.delete(previous.key)
      keys.add(numberKey(previous.value * scale))
      previous = null
      continue
    }
    const value = scale ?? (Object.hasOwn(WORDS, word) ? WORDS[word] : undefined)
    if (value === undefined) continue
    const key = numberKey(value)
    keys.add(key)
    previous = { key, value, end: start + match[0].length }
  }
}

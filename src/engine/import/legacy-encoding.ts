import { chardet } from 'jschardet'
import { decodeBytes } from './decode'

/**
 * Picks the legacy (non-Unicode) encoding of a text file that is not valid UTF-8.
 *
 * jschardet (a port of Python's chardet 7) ranks the candidates. On short texts — a dateline, a
 * headline, one sentence — its first choice is often wrong: of the 146 short samples in 15
 * languages and 17 encodings in tests/fixtures/import/encoding-samples.ts it misreads 11 (Cyrillic
 * headlines in capitals read as KOI8, Greek, Hebrew or Thai; "Größe" and "Noël à Besançon" read as
 * Mac Cyrillic; "Łódź" as ISO-8859-3). So its top candidates and the encodings our checkers meet
 * are all decoded, and each reading is scored for signs of a wrong guess — words mixing scripts,
 * a capital after a small letter inside a word, stray symbols and control characters — and, for
 * Cyrillic and Greek, by letter frequency, which is what tells Windows-1251 from KOI8 when the
 * case pattern cannot. The detector's confidence is kept as a prior. This reads 141 of the 146
 * right; the misses are two Mac Cyrillic sentences, "Łódź" in ISO-8859-2, and a two-word Hebrew
 * dateline (in two encodings) that now reads as KOI8 capitals.
 */

/** Tried besides the detector's own candidates: the encodings our checkers' old files are in. */
const ALWAYS_TRIED = ['windows-1252', 'windows-1250', 'windows-1251', 'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-5', 'x-mac-cyrillic']
const DETECTOR_CANDIDATES = 6
/** How much the detector's confidence (0–1) weighs against the reading's score. */
const DETECTOR_WEIGHT = 10
/** Detection and scoring look at the start of the file only: a long file adds time, not evidence. */
const SAMPLE_BYTES = 16 * 1024

/** chardet's names that the WHATWG encoding labels (what TextDecoder takes) spell differently. */
const CHARDET_TO_WHATWG: Record<string, string> = {
  maccyrillic: 'x-mac-cyrillic',
  'mac-cyrillic': 'x-mac-cyrillic',
  macroman: 'macintosh',
  'mac-roman': 'macintosh',
  cp866: 'ibm866',
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  cp932: 'shift_jis',
  cp949: 'euc-kr',
  big5hkscs: 'big5',
}

/** The WHATWG name of a chardet encoding, or null when TextDecoder cannot decode it. */
export function whatwgName(chardetName: string): string | null {
  const lower = chardetName.toLowerCase()
  const label = CHARDET_TO_WHATWG[lower] ?? lower.replace(/^iso8859-/, 'iso-8859-')
  try {
    return new TextDecoder(label).encoding
  } catch {
    return null
  }
}

/** "а 8.2 б 1.7" → a map from letter to percent. */
function frequencyTable(pairs: string): Map<string, number> {
  const words = pairs.split(' ')
  return new Map(words.flatMap((letter, i) => (i % 2 === 0 ? [[letter, Number(words[i + 1])] as const] : [])))
}

/**
 * Letter frequencies (percent) in Russian and Ukrainian text, the larger of the two where they
 * differ, with Belarusian ў and Bulgarian ъ raised so those languages are not penalised.
 */
const CYRILLIC_FREQUENCY = frequencyTable(
  'о 10.5 е 8.4 а 8.2 и 7.3 н 6.7 т 6.2 і 5.8 с 5.4 в 5.4 р 4.7 л 4.4 к 3.9 у 3.4 м 3.2 д 3.3 п 2.9 з 2.2 я 2.1 ы 1.9 ь 1.7 г 1.7 б 1.7 ч 1.5 й 1.2 х 1.2 ж 0.9 ш 0.8 ю 0.8 ї 0.8 ц 0.7 щ 0.7 є 0.4 э 0.3 ф 0.3 ў 0.3 ъ 0.3 ё 0.1 ј 0.1 љ 0.1 њ 0.1 ћ 0.1 ђ 0.1 џ 0.1 ѓ 0.1 ќ 0.1 ѕ 0.1 ґ 0.05',
)
/**
 * Greek letter frequencies (percent). Greek needs its own table because KOI8 was designed so that
 * Greek text read as KOI8 comes out as plausible capital Cyrillic letters.
 */
const GREEK_FREQUENCY = frequencyTable(
  'α 12 ο 9.8 ι 7.9 ε 7.9 τ 7.9 ν 6.9 σ 5.3 η 5.1 ρ 4.6 π 4.2 κ 4 ς 3.9 μ 3.4 υ 3.3 λ 2.7 ω 1.9 γ 1.8 δ 1.8 θ 1.3 χ 1.2 φ 0.9 β 0.6 ξ 0.4 ζ 0.4 ψ 0.1',
)
/**
 * A letter scores the log of its frequency over this baseline, about the share of each letter if
 * the bytes were another language's text seen through the wrong code page: letters of real text
 * then add up to a positive score, letters that fell at random to a negative one.
 */
const FREQUENCY_BASELINE = 3
const RARE_LETTER = 0.01

/** Non-ASCII signs that real text uses, but not glued to a letter (except ° in °C). */
const TEXT_SIGNS = new Set('№€£¥¢°§©®™·×−±\u00A0\u00AD')

const MIXED_SCRIPT_PENALTY = 6
const CASE_FLIP_PENALTY = 4
const SYMBOL_PENALTY = 3
const CONTROL_PENALTY = 10
/**
 * Text in another script's code page (Hebrew, Greek, …) read as KOI8 comes out as capital Cyrillic
 * letters. Real articles are mostly small letters, so a reading that is nearly all capitals loses
 * its letter-frequency credit (about 0.4 per letter) unless it is a headline of a word or two.
 */
const ALL_CAPITALS_SHARE = 0.8
const ALL_CAPITALS_MIN_WORDS = 4
const ALL_CAPITALS_PENALTY = 0.5

type Script = 'latin' | 'cyrillic' | 'greek' | 'other'

interface CharClass {
  letter: boolean
  /** A combining mark: part of a word, but of no script of its own. */
  mark: boolean
  ascii: boolean
  script: Script
  upper: boolean
  lower: boolean
  /** Log-frequency score of a Cyrillic or Greek letter. */
  weight: number
  /** What the character costs outside a word: control characters and stray symbols. */
  penalty: number
  /** A sign real text uses, but not glued to a letter. */
  sign: boolean
}

function scriptOf(char: string): Script {
  if (/\p{Script=Latin}/u.test(char)) return 'latin'
  if (/\p{Script=Cyrillic}/u.test(char)) return 'cyrillic'
  if (/\p{Script=Greek}/u.test(char)) return 'greek'
  return 'other'
}

function classify(char: string): CharClass {
  const code = char.codePointAt(0) ?? 0
  const letter = /\p{L}/u.test(char)
  const script = letter ? scriptOf(char) : 'other'
  // Greek accented vowels count as their bare letter; Cyrillic й and ї are in the table as they are.
  const bare = (script === 'greek' ? char.normalize('NFD').charAt(0) : char).toLowerCase()
  const table = script === 'cyrillic' ? CYRILLIC_FREQUENCY : script === 'greek' ? GREEK_FREQUENCY : null
  let penalty = 0
  if (code < 0x80) penalty = code < 0x20 && !'\t\n\r\f\v'.includes(char) ? CONTROL_PENALTY : 0
  else if (code === 0xfffd || code < 0xa0) penalty = CONTROL_PENALTY
  else if (!/[\p{L}\p{M}\p{N}\p{Zs}\p{P}]/u.test(char) && !TEXT_SIGNS.has(char)) penalty = SYMBOL_PENALTY
  return {
    letter,
    mark: /\p{M}/u.test(char),
    ascii: code < 0x80,
    script,
    upper: /\p{Lu}/u.test(char),
    lower: /\p{Ll}/u.test(char),
    weight: table ? Math.log((table.get(bare) ?? RARE_LETTER) / FREQUENCY_BASELINE) : 0,
    penalty,
    sign: TEXT_SIGNS.has(char) && char !== '°',
  }
}

/** Characters are classified once: a text has few distinct ones, and the Unicode regexes are slow. */
const classes = new Map<string, CharClass>()

function classOf(char: string): CharClass {
  let found = classes.get(char)
  if (!found) {
    found = classify(char)
    classes.set(char, found)
  }
  return found
}

interface Word {
  nonAscii: boolean
  startsWithMark: boolean
  letters: Map<Script, number>
  capitals: number
  weight: number
  caseFlip: boolean
  sigmaInside: boolean
}

/** Higher is more like real text. Only non-ASCII characters are scored: ASCII reads alike in every candidate. */
export function readingScore(text: string): number {
  let score = 0
  let cyrillicLetters = 0
  let cyrillicCapitals = 0
  let cyrillicWords = 0
  let word: Word | null = null
  let previous: CharClass | null = null
  let previousChar = ''
  let signWaitingForLetter = false

  const endWord = (w: Word): void => {
    if (!w.nonAscii) return
    if (w.startsWithMark) score -= SYMBOL_PENALTY
    const counts = Array.from(w.letters.values())
    if (counts.length > 1) {
      const total = counts.reduce((a, b) => a + b, 0)
      score -= MIXED_SCRIPT_PENALTY * Math.max(1, total - Math.max(...counts))
    } else {
      score += w.weight
      const cyrillic = w.letters.get('cyrillic')
      if (cyrillic) {
        cyrillicWords++
        cyrillicLetters += cyrillic
        cyrillicCapitals += w.capitals
      }
    }
    if (w.caseFlip) score -= CASE_FLIP_PENALTY
    // Greek writes final sigma only at the end of a word; inside one it betrays a Cyrillic text misread.
    if (w.sigmaInside) score -= CASE_FLIP_PENALTY
  }

  for (const char of text) {
    const c = classOf(char)
    if (c.letter || c.mark) {
      word ??= { nonAscii: false, startsWithMark: c.mark, letters: new Map(), capitals: 0, weight: 0, caseFlip: false, sigmaInside: false }
      word.nonAscii ||= !c.ascii
      if (c.letter) {
        word.letters.set(c.script, (word.letters.get(c.script) ?? 0) + 1)
        word.weight += c.weight
        if (c.upper) word.capitals++
        if (previous?.lower && c.upper) word.caseFlip = true
        if (previousChar === 'ς') word.sigmaInside = true
      }
      if (signWaitingForLetter) score -= SYMBOL_PENALTY
      signWaitingForLetter = false
    } else {
      if (word) endWord(word)
      word = null
      score -= c.penalty
      if (c.sign && previous?.letter) score -= SYMBOL_PENALTY
      signWaitingForLetter = c.sign && !previous?.letter
    }
    previous = c
    previousChar = char
  }
  if (word) endWord(word)
  if (cyrillicWords >= ALL_CAPITALS_MIN_WORDS && cyrillicCapitals >= ALL_CAPITALS_SHARE * cyrillicLetters) {
    score -= ALL_CAPITALS_PENALTY * cyrillicLetters
  }
  return score
}

export interface LegacyReading {
  encoding: string
  confidence: number
}

/** The most plausible single- or multi-byte legacy encoding of `bytes` (which are not valid UTF-8). */
export function detectLegacyEncoding(bytes: Uint8Array): LegacyReading {
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  const candidates: LegacyReading[] = []
  for (const result of chardet.detectAll(sample, { ignoreThreshold: true })) {
    const encoding = result.encoding ? whatwgName(result.encoding) : null
    if (encoding && !candidates.some((c) => c.encoding === encoding)) candidates.push({ encoding, confidence: result.confidence })
    if (candidates.length === DETECTOR_CANDIDATES) break
  }
  for (const encoding of ALWAYS_TRIED) {
    if (!candidates.some((c) => c.encoding === encoding)) candidates.push({ encoding, confidence: 0 })
  }
  let best = { reading: candidates[0] ?? { encoding: 'windows-1252', confidence: 0 }, score: -Infinity }
  for (const candidate of candidates) {
    // stream: a multi-byte character cut at the end of the sample is held back instead of read as garbage.
    const { text } = decodeBytes(sample, candidate.encoding, { stream: sample.length < bytes.length })
    const score = readingScore(text) + DETECTOR_WEIGHT * candidate.confidence
    if (score > best.score) best = { reading: candidate, score }
  }
  return best.reading
}

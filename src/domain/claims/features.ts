import { DATELINE_PATTERN } from '../text/segment/dateline'
import { findClaimantInSentence } from './claimant'
import { CUES, type CueKind, type CueLists } from './cues'
import type { ReasonKind } from './kinds'

export { isPositive, NEGATIVE_KINDS, POSITIVE_KINDS, type ReasonKind } from './kinds'

/** A reason inside one sentence; offsets are relative to the sentence. */
export interface SentenceReason {
  kind: ReasonKind | 'wording'
  start: number
  end: number
  /**
   * Kinds of evidence joined into this span ("10 тисяч" is a figure and a magnitude word, "3 November"
   * a day and a month): shown as one reason, still read by the model as what they are.
   */
  joined?: ReasonKind[]
}

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])'
const BOUNDARY_AFTER = '(?![\\p{L}\\p{M}\\p{N}])'

const CURRENCY_WORDS =
  'dollars?|euros?|pounds?|cents?|usd|eur|uah|rub|гривень|гривні|гривня|грн|рубл\\p{L}*|руб|долар\\p{L}*|доллар\\p{L}*|євро|евро|dólares|dollari|sterline|franken'
const SCALE = '(?:\\s?(?:million|billion|trillion|bn|mn|m|k|млн|млрд|тис|тыс|mio|mrd|millions?|milliards?|millones|milioni|miliardi))?'
const NUMBER = '\\d+(?:[.,\\u00a0\\u202f ]\\d{3})*(?:[.,]\\d+)?'

// Shapes that do not depend on the language.
const CONTACT = new RegExp(
  [
    '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+',
    '(?:https?://|www\\.)\\S+',
    '\\+\\d{1,3}[\\s.-]?(?:\\(\\d{1,4}\\)[\\s.-]?)?\\d{2,4}(?:[\\s.-]\\d{2,4}){1,4}',
    '\\(\\d{3,5}\\)[\\s.-]?\\d{2,4}(?:[\\s.-]\\d{2,4}){1,3}',
    '(?<!\\d)\\d{3}[-.]\\d{3}[-.]\\d{4}(?!\\d)',
    // national numbers with a trunk 0 ("0800 123 4567", "044 123 45 67", "030 1234567"); findReasons wants 9 digits or more
    '(?<![\\d.,])0\\d{1,4}(?:[ /-]\\d{2,8}){1,4}(?!\\d)',
  ].join('|'),
  'gu',
)
const MONEY = new RegExp(
  `(?:[$€£¥₴₽]\\s?${NUMBER}${SCALE})|(?:${BOUNDARY_BEFORE}${NUMBER}${SCALE}\\s?(?:[$€£¥₴₽]|(?:${CURRENCY_WORDS})${BOUNDARY_AFTER}))`,
  'giu',
)
const PERCENT = new RegExp(
  `${BOUNDARY_BEFORE}[-+−]?${NUMBER}\\s?(?:%|‰|(?:percent|per cent|процент\\p{L}*|відсот\\p{L}*|prozent|pour cent|por ciento|per cento)${BOUNDARY_AFTER})`,
  'giu',
)
const DATE = new RegExp(
  [
    `${BOUNDARY_BEFORE}\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})${BOUNDARY_AFTER}`,
    `${BOUNDARY_BEFORE}\\d{4}-\\d{2}-\\d{2}${BOUNDARY_AFTER}`,
    `${BOUNDARY_BEFORE}(?:1[89]\\d{2}|20\\d{2})(?:s|-ті|-х|-е)?${BOUNDARY_AFTER}`,
  ].join('|'),
  'gu',
)
/**
 * "May" is a month only where a date shows it ("May 4, 2025", "4 May", "in May"): elsewhere it is
 * the verb. Run only on sentences that hold "May" (as one more alternative of DATE it made every
 * sentence's date search three times slower).
 */
const MAY_DATE = new RegExp(
  [
    `${BOUNDARY_BEFORE}May\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?${BOUNDARY_AFTER}`,
    `${BOUNDARY_BEFORE}\\d{1,2}(?:st|nd|rd|th)?\\s+May(?:,?\\s+\\d{4})?${BOUNDARY_AFTER}`,
    `${BOUNDARY_BEFORE}May\\s+\\d{4}${BOUNDARY_AFTER}`,
    `May(?<=${BOUNDARY_BEFORE}(?:in|since|until|by|early|late|mid-|last|next|this|of)\\sMay)${BOUNDARY_AFTER}`,
  ].join('|'),
  'gu',
)
/** Thousands may be grouped by spaces ("12 000" in French, Ukrainian, Russian) as well as by points or commas. */
const FIGURE = /(?<!\d)\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)*/gu
/** Clock times ("18:00", "7 p.m.") say when, not how much: they are no figure. */
const CLOCK = /(?<![\d.,:])\d{1,2}(?::\d{2}(?:\s?[ap]\.?m\.?)?|\s?[ap]\.?m\.?)(?![\p{L}\d])/giu
const QUOTATION = /"[^"\n]{8,}?"|“[^”\n]{8,}?”|„[^“”\n]{8,}?[“”]|«[^»\n]{8,}?»|»[^«\n]{8,}?«/gu
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:of|the|de|la|del|von|van|der|di|da)?\s*\p{Lu}[\p{Ll}\p{M}'’-]+)*/gu
/**
 * A dateline the splitter keeps apart ("KYIV, 14 October (Reuters) —", "MADRID, 12 mar (EFE).-"):
 * a place in capitals, perhaps a date and an agency, and a dash at the end. It says where the story
 * comes from, not what happened.
 */
const DATELINE_SEGMENT = new RegExp(`^\\s*${DATELINE_PATTERN}\\s*$`, 'u')
const QUESTION_END = /[?？]["'”’»)\]]*\s*$/u
const ENGLISH_IMPERATIVE =
  /^\s*["'“]?(?:let's|let us|please|imagine|look|listen|remember|consider|tell|don't|do not|take|go|come|stop|make|give|get|keep|help|try|check|see|read|watch|join|visit|call|vote|support|think about|ask)\b/iu

/**
 * An English "-ed" word used as an adjective, not a past tense: after a determiner, a degree word or
 * "of" ("the affected areas", "most rushed", "because of increased prices"), as the complement of
 * "called/deemed … " ("Opponents called the vote rushed"), or one of the common "-ed" adjectives.
 */
const ADJECTIVE_BEFORE = new Set(
  'the a an this that these those its their his her our your my most more less least very so too newly recently fully partly badly heavily well of with be'.split(
    ' ',
  ),
)
const COMPLEMENT_VERBS = new Set(
  'call calls called calling deem deems deemed consider considers considered label labels labelled labeled brand brands branded find finds found'.split(
    ' ',
  ),
)
const ED_ADJECTIVES = new Set(
  'alleged so-called detailed limited advanced experienced skilled armed related concerned interested supposed sophisticated dedicated complicated qualified biased heated talented crowded isolated renowned unprecedented unexpected unverified unconfirmed unidentified unnamed unarmed unfounded unrelated unlimited unspecified undisclosed unwarranted unsolved unresolved'.split(
    ' ',
  ),
)
/** Object-complement verbs ("called the vote rushed") characterise; they report no event. */
const COMPLEMENT_VERB = /^(?:called|deemed|labelled|labeled|branded|considered)$/iu
/** Up to five words before a position, nearest last, with nothing but spaces between them. */
const WORDS_BEFORE = /(?:[\p{L}'’-]+\s+){1,5}$/u

function englishAdjective(sentence: string, start: number, end: number): boolean {
  const word = sentence.slice(start, end).toLowerCase()
  if (ED_ADJECTIVES.has(word)) return true
  if (!word.endsWith('ed')) return false
  // read from a short window: the words right before, up to any punctuation
  const window = WORDS_BEFORE.exec(sentence.slice(Math.max(0, start - 60), start))
  const before = window ? window[0].toLowerCase().trim().split(/\s+/u) : []
  const previous = before.at(-1)
  if (previous !== undefined && ADJECTIVE_BEFORE.has(previous)) return true
  // "called the vote rushed", "described as rushed": the complement of a characterisation
  if (before.slice(0, -1).some((w) => COMPLEMENT_VERBS.has(w))) return true
  if (previous === 'as' && (before.at(-2) === 'described' || before.at(-2) === 'seen')) return true
  // "to be finished by 2029" is not past ("be" above); "has been finished" is
  // "called the vote rushed": the verb of a characterisation, followed by its object and an adjective
  return COMPLEMENT_VERB.test(word) && /^\s+(?:the|a|an|it|him|her|them|this|that)\b/iu.test(sentence.slice(end, end + 8))
}

/** A unit, magnitude or group counted by a figure ("12 km", "10 тисяч осіб", "40 people"): part of the figure. */
const UNIT_AFTER =
  /^\s?(?:km|kilomet(?:er|re)s?|miles?|kg|tonnes?|tons?|met(?:er|re)s?|hectares?|people|persons?|civilians|soldiers|troops|residents|children|households|homes|buildings|jobs|осіб|особи|людей|людини|дітей|цивільних|військових|будинків|км|кг|т|тонн\p{L}*|кілометр\p{L}*|километр\p{L}*|гектар\p{L}*|метр\p{L}*|человек|детей|мирных|домов|Menschen|Personen|Kinder|personnes|enfants|personas|niños|persone|bambini)(?![\p{L}\p{N}])/iu
/** What may stand between a day and its month or a figure and its magnitude: a space, "3. November", "3 de noviembre". */
const JOIN_GAP = /^(?:\s+|\.\s+|\s+(?:de|of)\s+)$/u

const cueCache = new Map<string, Partial<Record<CueKind, RegExp>>>()

function cueRegexes(language: string): Partial<Record<CueKind, RegExp>> {
  const cached = cueCache.get(language)
  if (cached) return cached
  const lists: CueLists[] = CUES[language] ? [CUES[language]] : Object.values(CUES)
  const merged: Partial<Record<CueKind, string[]>> = {}
  for (const list of lists) {
    for (const [kind, cues] of Object.entries(list) as [CueKind, string[]][]) (merged[kind] ??= []).push(...cues)
  }
  const regexes: Partial<Record<CueKind, RegExp>> = {}
  for (const [kind, cues] of Object.entries(merged) as [CueKind, string[]][]) {
    // longest first, so "more than" wins over "than"
    const alternatives = [...new Set(cues)].sort((a, b) => b.length - a.length).join('|')
    regexes[kind] = new RegExp(`${BOUNDARY_BEFORE}(?:${alternatives})${BOUNDARY_AFTER}`, 'giu')
  }
  cueCache.set(language, regexes)
  return regexes
}

const PAST_BLOCKERS = new Set<string>(['trend', 'attribution', 'denial', 'causal', 'pleasantry'])

/** Dates first (they cover their words), past tenses last (they only fill gaps). */
const CUE_ORDER: readonly CueKind[] = [
  'month',
  'institution',
  'quantity',
  'attribution',
  'denial',
  'comparison',
  'trend',
  'causal',
  'absolute-claim',
  'first-person-opinion',
  'pleasantry',
  'hedged-prediction',
  'call-to-action',
  'event-details',
  'past-event',
]

/** Where a cue kind is reported as: months and weekdays are dates. */
const CUE_REASON: Record<CueKind, ReasonKind> = {
  attribution: 'attribution',
  denial: 'denial',
  comparison: 'comparison',
  trend: 'trend',
  causal: 'causal',
  'absolute-claim': 'absolute-claim',
  'first-person-opinion': 'first-person-opinion',
  pleasantry: 'pleasantry',
  'hedged-prediction': 'hedged-prediction',
  'call-to-action': 'call-to-action',
  'event-details': 'event-details',
  quantity: 'quantity',
  month: 'date',
  institution: 'institution',
  'past-event': 'past-event',
}

/**
 * Every reason found in one sentence, in order of position. Shapes (figures, money, dates, quotes,
 * names, questions, contact details) work in any language; word cues use the language's lists, or
 * all lists when the language has none.
 */
export function findReasons(sentence: string, language: string): SentenceReason[] {
  const reasons: SentenceReason[] = []
  const covered: [number, number][] = []
  const overlaps = (start: number, end: number): boolean => covered.some(([s, e]) => start < e && end > s)
  const add = (kind: ReasonKind, start: number, end: number, cover: boolean): void => {
    if (end <= start) return
    reasons.push({ kind, start, end })
    if (cover) covered.push([start, end])
  }
  const each = (regex: RegExp, fn: (match: RegExpExecArray) => void): void => {
    regex.lastIndex = 0
    for (let match = regex.exec(sentence); match; match = regex.exec(sentence)) {
      if (match[0] === '') regex.lastIndex++
      else fn(match)
    }
  }

  const dateline = DATELINE_SEGMENT.exec(sentence)
  if (dateline) add('dateline', dateline.index, dateline.index + dateline[0].trimEnd().length, true)
  each(CONTACT, (m) => {
    // a trunk-0 number needs the length of a phone number, or "0 12 5" in a score would be one
    if (!m[0].startsWith('0') || (m[0].match(/\d/g)?.length ?? 0) >= 9) add('contact-details', m.index, m.index + m[0].length, true)
  })
  each(CLOCK, (m) => covered.push([m.index, m.index + m[0].length]))
  for (const [regex, kind] of [
    [MONEY, 'money'],
    [PERCENT, 'percentage'],
    // before DATE, so that "May 23, 2025" is one date rather than a verb, a figure and a year
    ...(sentence.includes('May') ? ([[MAY_DATE, 'date']] as const) : []),
    [DATE, 'date'],
  ] as const) {
    each(regex, (m) => {
      const end = m.index + m[0].trimEnd().length
      if (!overlaps(m.index, end)) add(kind, m.index, end, true)
    })
  }
  each(FIGURE, (m) => {
    if (!overlaps(m.index, m.index + m[0].length)) add('figure', m.index, m.index + m[0].length, true)
  })
  each(QUOTATION, (m) => {
    if (m[0].trim().split(/\s+/).length >= 3) add('quotation', m.index, m.index + m[0].length, false)
  })
  const cues = cueRegexes(language)
  for (const kind of CUE_ORDER) {
    const regex = cues[kind]
    if (!regex) continue
    // a past tense is not named again where the verb is already a trend, an attribution or a cause
    // ("fell", "said", "caused"), nor where it is a courtesy ("He congratulated both parties")
    const blocking = kind === 'past-event' ? reasons.filter((r) => PAST_BLOCKERS.has(r.kind)) : []
    each(regex, (m) => {
      const end = m.index + m[0].length
      const taken = blocking.length > 0 && blocking.some((r) => m.index < r.end && end > r.start)
      // months and number words must not repeat a date or figure; phrases ("findet am 12. Juni statt") may span one
      const repeats = (kind === 'month' || kind === 'quantity') && overlaps(m.index, end)
      // a word inside a date, a price or an address is not a cue ("May 4" does not hedge)
      const inside = kind !== 'event-details' && covered.some(([s, e]) => m.index >= s && end <= e)
      // German capitalises nouns, and many end like a past tense ("Staaten", "Experten"); a capitalised
      // English "-ed" word is a name or an opening adjective ("United", "Insured losses rose"): verbs are lower case
      const noun = kind === 'past-event' && (language === 'de' || language === 'en') && /^\p{Lu}/u.test(m[0])
      // the "-ed" past tenses are English words, in English text or in text of no known language
      const adjective =
        kind === 'past-event' && !taken && !noun && (language === 'en' || !CUES[language]) && englishAdjective(sentence, m.index, end)
      if (!taken && !repeats && !inside && !noun && !adjective) add(CUE_REASON[kind], m.index, end, kind === 'month')
    })
  }
  // number words are no names either ("Milliarden Euro")
  const quantities = reasons.filter((r) => r.kind === 'quantity')
  findNames(sentence, language, (start, end) => {
    if (!overlaps(start, end) && !quantities.some((q) => start < q.end && end > q.start)) add('named-entity', start, end, false)
  })

  joinFigures(sentence, reasons)
  if (language !== 'en' && CUES[language]) findEvent(sentence, reasons)
  const source = findClaimantInSentence(sentence, language)
  if (source) add('source', source.start, source.end, false)

  const question = QUESTION_END.exec(sentence)
  const opening = sentence.indexOf('¿')
  if (question) add('question', question.index, question.index + 1, false)
  else if (opening >= 0) add('question', opening, opening + 1, false)
  if (language === 'en' || !CUES[language]) {
    const imperative = ENGLISH_IMPERATIVE.exec(sentence)
    if (imperative) add('imperative', imperative.index + imperative[0].search(/\p{L}/u), imperative.index + imperative[0].length, false)
  }
  return reasons.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * One span for a figure with what it counts: its magnitude ("10 тисяч", "4.2 million"), its unit
 * ("12 km", "40 people") or, for a day, its month and year ("3 November", "3 листопада 2025",
 * "November 3", "квітні 2025"). A checker reads "3 November" as one date, not a figure and a date.
 */
const NUMERIC_KINDS = new Set<string>(['figure', 'date', 'money', 'quantity'])
const isMonth = (sentence: string, r: SentenceReason): boolean => r.kind === 'date' && !/\d/u.test(sentence.slice(r.start, r.end))
const isDay = (sentence: string, r: SentenceReason): boolean => r.kind === 'figure' && /^\d{1,2}$/u.test(sentence.slice(r.start, r.end))
const isYear = (sentence: string, r: SentenceReason): boolean => r.kind === 'date' && /^\d{4}$/u.test(sentence.slice(r.start, r.end))

function joinFigures(sentence: string, reasons: SentenceReason[]): void {
  if (!reasons.some((r) => NUMERIC_KINDS.has(r.kind))) return
  reasons.sort((a, b) => a.start - b.start || a.end - b.end)
  for (let k = 0; k < reasons.length; k++) {
    const r = reasons[k]
    if (!r || !NUMERIC_KINDS.has(r.kind)) continue
    for (;;) {
      let nextIndex = k + 1
      while (nextIndex < reasons.length && (reasons[nextIndex]?.start ?? 0) < r.end) nextIndex++
      const next = reasons[nextIndex]
      const joined = next && JOIN_GAP.test(sentence.slice(r.end, next.start))
      let kind: ReasonKind | undefined
      if (joined && r.kind === 'figure' && next.kind === 'quantity') kind = 'figure'
      else if (
        joined &&
        (isDay(sentence, r) || (r.kind === 'date' && /\d/u.test(sentence.slice(r.start, r.end)))) &&
        isMonth(sentence, next)
      )
        kind = 'date'
      else if (joined && isMonth(sentence, r) && (isDay(sentence, next) || isYear(sentence, next))) kind = 'date'
      else if (
        next &&
        r.kind === 'date' &&
        isYear(sentence, next) &&
        !isYear(sentence, r) &&
        (joined || sentence.slice(r.end, next.start) === ', ')
      )
        kind = 'date'
      if (!kind || !next) break
      const absorbed = [r.kind, next.kind, ...(r.joined ?? []), ...(next.joined ?? [])].filter(
        (k): k is ReasonKind => k !== kind && k !== 'wording',
      )
      r.joined = [...new Set(absorbed)]
      r.kind = kind
      r.end = next.end
      reasons.splice(nextIndex, 1)
    }
    if (r.kind === 'figure' || r.kind === 'money') {
      const unit = UNIT_AFTER.exec(sentence.slice(r.end))
      if (unit) {
        const end = r.end + unit[0].length
        // the unit word may itself have been read as a name or institution ("Menschen", "troops")
        for (let j = reasons.length - 1; j > k; j--) {
          const other = reasons[j]
          if (other && other.start >= r.end && other.end <= end) reasons.splice(j, 1)
        }
        r.end = end
      }
    }
  }
}

const COPULA = /^(?:був|була|було|були|был|была|было|были|war|waren|était|étaient|fue|fueron|era|eran|erano)$/iu

/**
 * A named office or body doing something to something, in the past: "Президент підписав закон",
 * "Правительство утвердило бюджет", "Le gouvernement a adopté la loi". News reports events this way;
 * the debate-trained rules-only model weighs an institution and a past tense too little to propose it.
 */
function findEvent(sentence: string, reasons: SentenceReason[]): void {
  for (const actor of reasons) {
    if (actor.kind !== 'institution' && actor.kind !== 'named-entity') continue
    const verb = reasons.find((r) => r.kind === 'past-event' && r.start >= actor.end)
    // "У залі суду було людно": a copula states, it does not act
    if (!verb || COPULA.test(sentence.slice(verb.start, verb.end))) continue
    const between = sentence.slice(actor.end, verb.start)
    if (/[,.;:!?()«»"“”—–]/u.test(between) || between.trim().split(/\s+/u).filter(Boolean).length > 3) continue
    const object = /^\s+[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/u.exec(sentence.slice(verb.end))
    if (!object) continue
    reasons.push({ kind: 'event', start: actor.start, end: verb.end + object[0].length })
    return
  }
}

/**
 * Proper names: acronyms, and capitalised words that are not just the sentence's first word.
 * German capitalises every noun, so there only acronyms and runs of two or more capitalised words count.
 */
function findNames(sentence: string, language: string, add: (start: number, end: number) => void): void {
  ACRONYM.lastIndex = 0
  for (let m = ACRONYM.exec(sentence); m; m = ACRONYM.exec(sentence)) add(m.index, m.index + m[0].length)
  const firstWord = sentence.search(/\p{L}/u)
  CAPITALISED.lastIndex = 0
  for (let m = CAPITALISED.exec(sentence); m; m = CAPITALISED.exec(sentence)) {
    let start = m.index
    let words = m[0].split(/\s+/).length
    const opensSentence = start === firstWord
    if (language === 'de' && opensSentence && words >= 2) {
      // the first word is capitalised anyway: "Die Regierung", "Ein Sprecher" are no names
      start += m[0].search(/\s\S/) + 1
      words--
    }
    if (words < 2 && (opensSentence || language === 'de')) continue
    if (words < 2 && m[0] === 'I') continue
    add(start, m.index + m[0].length)
  }
}

// ——— model inputs ———

/** A word of the sentence for the n-gram model, with numbers folded into classes. */
export interface Token {
  text: string
  start: number
  end: number
}

const TOKEN = /[$€£¥₴₽]?\d[\d.,]*%?|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(sentence); m; m = TOKEN.exec(sentence)) {
    const raw = m[0]
    let text: string
    if (/\d/.test(raw)) {
      if (/^[$€£¥₴₽]/.test(raw)) text = '<money>'
      else if (raw.endsWith('%')) text = '<pct>'
      else if (/^(1[89]\d\d|20\d\d)$/.test(raw)) text = '<year>'
      else text = '<num>'
    } else {
      text = raw.toLowerCase().replace('’', "'")
    }
    tokens.push({ text, start: m.index, end: m.index + raw.length })
  }
  return tokens
}

/** Sentence length in words, in buckets: very short sentences are rarely claims. */
export function lengthFeature(tokens: readonly Token[]): string {
  const n = tokens.length
  return n < 5 ? 'words:0-4' : n < 10 ? 'words:5-9' : n < 20 ? 'words:10-19' : n < 35 ? 'words:20-34' : 'words:35+'
}

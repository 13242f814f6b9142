// Who a sentence's statement is attributed to: "according to X", "X said", "— said X", "за словами X",
// "X заявив", "по данным X", "laut X", "selon X", "según X", "secondo X". Hand-written: the npm
// taggers that find names (compromise, wink-nlp) are English-only and know nothing of attribution,
// and a dependency parser for seven languages does not fit an offline engine of this size.
import { splitSentences } from '../text/segment'
import { CLAIMANT_WORDS as WORDS, CUES, type ClaimantWords } from './cues'

/** A span of the text a claimant was found in. */
export interface Claimant {
  text: string
  start: number
  end: number
}

/** At most this many words in a source ("Ukrainian President Volodymyr Zelensky's chief of staff Andriy"). */
const MAX_WORDS = 8

interface Word {
  text: string
  lower: string
  start: number
  end: number
  /** Punctuation right before and after the word (not white space), which ends a phrase. */
  punctuatedBefore: boolean
  punctuatedAfter: boolean
  /** What stands between this word and the next, white space removed ("," or "»,"). */
  gapAfter: string
}

/** A word, with the apostrophe of a plural possessive ("the insurers' association"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?=\s))?/gu

function wordsOf(sentence: string): Word[] {
  const words: Word[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const start = m.index
    const end = start + m[0].length
    const previousEnd = words.at(-1)?.end ?? 0
    const gapBefore = sentence.slice(previousEnd, start)
    const word: Word = {
      text: m[0],
      lower: m[0].toLowerCase(),
      start,
      end,
      punctuatedBefore: /\S/u.test(gapBefore),
      punctuatedAfter: false,
      gapAfter: '',
    }
    const previous = words.at(-1)
    if (previous) {
      previous.punctuatedAfter = word.punctuatedBefore
      previous.gapAfter = gapBefore.replace(/\s+/gu, '')
    }
    words.push(word)
  }
  const last = words.at(-1)
  if (last) {
    last.gapAfter = sentence.slice(last.end).replace(/\s+/gu, '')
    last.punctuatedAfter = last.gapAfter !== ''
  }
  return words
}

interface Compiled {
  /** Every anchor in one pass: group 1 a possessive ("за його словами"), group 2 a phrase the source follows, group 3 a verb. */
  anchors: RegExp
  stops: ReadonlySet<string>
  between: ReadonlySet<string>
  dangling: ReadonlySet<string>
  pronouns: ReadonlySet<string>
  /** Matches a whole word that names a body ("пресслужбі", "Міноборони" is found by its capital). */
  body: RegExp
}

const compiled = new Map<string, Compiled>()

const longestFirst = (phrases: readonly string[] | undefined): string =>
  phrases?.length ? [...phrases].sort((a, b) => b.length - a.length).join('|') : '(?!)'

/** One regular expression for the three kinds of anchor: three passes over every sentence cost three times one. */
const anchorRegex = (data: ClaimantWords): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:(${longestFirst(data.possessive)})|(${longestFirst(data.before)})|(${longestFirst(data.verbs)}))(?![\\p{L}\\p{M}\\p{N}])`,
    'giu',
  )

/**
 * Any other language, and "und", gets the words of all languages, as the cue lists do: the text may
 * well be in one of them, and the rules-only model that scores it was trained with sources found.
 */
function allWords(): ClaimantWords {
  const lists = Object.values(WORDS)
  const merged = (pick: (w: ClaimantWords) => readonly string[] | undefined): string[] => [...new Set(lists.flatMap((w) => pick(w) ?? []))]
  return {
    before: merged((w) => w.before),
    verbs: merged((w) => w.verbs),
    stops: merged((w) => w.stops),
    between: merged((w) => w.between),
    dangling: merged((w) => w.dangling),
    pronouns: merged((w) => w.pronouns),
    possessive: merged((w) => w.possessive),
    bodies: merged((w) => w.bodies),
  }
}

function wordsFor(language: string): Compiled {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? ''
  const code = WORDS[primary] ? primary : '*'
  let result = compiled.get(code)
  if (!result) {
    const data = WORDS[code] ?? allWords()
    const institutions = code === '*' ? Object.values(CUES).flatMap((c) => c.institution ?? []) : (CUES[code]?.institution ?? [])
    result = {
      anchors: anchorRegex(data),
      stops: new Set(data.stops),
      between: new Set(data.between),
      dangling: new Set(data.dangling),
      pronouns: new Set(data.pronouns),
      body: new RegExp(`^(?:${[...(data.bodies ?? []), ...institutions].join('|') || '(?!)'})$`, 'iu'),
    }
    compiled.set(code, result)
  }
  return result
}

const QUOTED = /"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|»[^«\n]*«/gu

function quotations(sentence: string): [number, number][] {
  const ranges: [number, number][] = []
  QUOTED.lastIndex = 0
  for (let m = QUOTED.exec(sentence); m; m = QUOTED.exec(sentence)) ranges.push([m.index, m.index + m[0].length])
  return ranges
}

/** The index of the first word at or after an offset. */
const wordAtOrAfter = (words: readonly Word[], offset: number): number => words.findIndex((w) => w.start >= offset)

const isCapitalised = (word: Word): boolean => /^\p{Lu}/u.test(word.text)

/** Ukrainian and Russian prepositions of place before a body that speaks ("заявили в Міноборони"). */
const PLACE = new Set(['в', 'у', 'во'])

/** The source that follows an anchor ("according to |the Ministry of Health|, …"). */
function phraseAfter(words: readonly Word[], from: number, w: Compiled): [number, number] | undefined {
  const first = words[from]
  if (!first || first.punctuatedBefore || w.stops.has(first.lower) || w.pronouns.has(first.lower) || /^\p{N}/u.test(first.text)) {
    // "повідомили в Генштабі": a body named after a preposition of place
    const next = words[from + 1]
    if (first && next && PLACE.has(first.lower) && !first.punctuatedAfter && (isCapitalised(next) || w.body.test(next.text)))
      return phraseAfter(words, from + 1, w)
    return undefined
  }
  let last = from
  while (last - from + 1 < MAX_WORDS && !words[last]?.punctuatedAfter) {
    const next = words[last + 1]
    if (!next || w.stops.has(next.lower) || w.pronouns.has(next.lower) || /^\p{N}/u.test(next.text)) break
    last++
  }
  while (last > from && w.dangling.has(words[last]?.lower ?? '')) last--
  if (w.dangling.has(words[last]?.lower ?? '')) return undefined
  return nameAfterRole(words, from, last) ?? [from, last]
}

/** The subject before a verb of saying ("|Ukrainian President Volodymyr Zelensky| said"). */
function phraseBefore(words: readonly Word[], verb: number, w: Compiled): [number, number] | undefined {
  let last = verb - 1
  while (last >= 0 && w.between.has(words[last]?.lower ?? '') && !words[last]?.punctuatedAfter) last--
  const end = words[last]
  // "It said", "He told": the pronoun is the subject, resolved later to the name it stands for
  if (end && w.pronouns.has(end.lower) && !end.punctuatedAfter) return [last, last]
  if (!end || w.stops.has(end.lower) || w.dangling.has(end.lower) || /^\p{N}/u.test(end.text)) return undefined
  if (end.punctuatedAfter) return sentenceGap(words, last) === ',' ? apposition(words, last, w) : undefined
  let first = last
  while (last - first + 1 < MAX_WORDS && !words[first]?.punctuatedBefore) {
    const previous = words[first - 1]
    if (!previous || w.stops.has(previous.lower) || w.pronouns.has(previous.lower) || /^\p{N}/u.test(previous.text)) break
    first--
  }
  return [first, last]
}

const sentenceGap = (words: readonly Word[], k: number): string => words[k]?.gapAfter ?? ''

/**
 * A source set off by commas before its verb. "John Smith, a spokesman for the ministry, said": the
 * apposition opens in lower case ("a spokesman", "президент України") and the source is the name
 * before it. "The finance director, Priya Shah, denied": the part between the commas is the name.
 */
function apposition(words: readonly Word[], last: number, w: Compiled): [number, number] | undefined {
  let first = last
  while (first > 0 && !words[first]?.punctuatedBefore && last - first < MAX_WORDS) first--
  const opening = words[first]
  if (!opening || sentenceGap(words, first - 1) !== ',') return undefined
  if (isCapitalised(opening)) {
    const name = words.slice(first, last + 1)
    return name.every(isCapitalised) && !w.pronouns.has(opening.lower) ? [first, last] : undefined
  }
  const nameEnd = first - 1
  let nameStart = nameEnd
  while (nameStart > 0 && !words[nameStart]?.punctuatedBefore && isCapitalised(words[nameStart - 1] as Word)) nameStart--
  const name = words[nameEnd]
  if (!name || !isCapitalised(name) || w.stops.has(name.lower)) return undefined
  return [nameStart, nameEnd]
}

/** "said the trust's chief executive, Helen Grant.": a name of two or more words after a role in lower case is the source. */
function nameAfterRole(words: readonly Word[], from: number, last: number): [number, number] | undefined {
  const role = words[from]
  if (!role || isCapitalised(role) || sentenceGap(words, last) !== ',') return undefined
  let end = last + 1
  while (end < words.length && isCapitalised(words[end] as Word) && !words[end]?.punctuatedAfter) end++
  const closing = words[end]
  if (!closing || !isCapitalised(closing) || end - last < 2) return undefined
  return [last + 1, end]
}

function span(sentence: string, words: readonly Word[], [from, to]: [number, number]): Claimant {
  const start = words[from]?.start ?? 0
  const end = words[to]?.end ?? start
  return { text: sentence.slice(start, end), start, end }
}

/**
 * The person or body a sentence is attributed to, with offsets into the sentence, or null when the
 * sentence is the outlet's own statement. A pronoun ("he said") is returned as written; `findClaimant`
 * and the proposer resolve it to a name from the sentences before.
 */
export function findClaimantInSentence(sentence: string, language: string): Claimant | null {
  const w = wordsFor(language)
  // most sentences have no anchor at all: find the anchors first, as plain data, and read words only if there are some
  const anchors: Anchor[] = []
  w.anchors.lastIndex = 0
  for (let m = w.anchors.exec(sentence); m; m = w.anchors.exec(sentence)) {
    const kind = m[1] !== undefined ? 'possessive' : m[2] !== undefined ? 'before' : 'verb'
    anchors.push({ kind, start: m.index, end: m.index + m[0].length })
  }
  if (anchors.length === 0) return null
  const words = wordsOf(sentence)
  // a verb of saying inside a quotation is the quoted speaker's, not the attribution ("“We warned them,” said Tom Okafor")
  const quoted = quotations(sentence)
  anchors.sort((a, b) => a.start - b.start)
  for (const anchor of anchors) {
    if (quoted.some(([from, to]) => anchor.start > from && anchor.start < to)) continue
    const found = sourceOf(anchor, words, w)
    if (!found) continue
    const claimant = span(sentence, words, found)
    // "We will explain…", "as I said": the outlet or the speaker itself, no source to name
    return FIRST_PERSON.test(claimant.text) ? null : claimant
  }
  return null
}

interface Anchor {
  kind: 'possessive' | 'before' | 'verb'
  start: number
  end: number
}

function sourceOf(anchor: Anchor, words: readonly Word[], w: Compiled): [number, number] | undefined {
  if (anchor.kind === 'possessive') {
    // "за його словами", "по её словам": the pronoun is the source, resolved later
    const k = words.findIndex((word) => word.start >= anchor.start && word.end <= anchor.end && w.pronouns.has(word.lower))
    return k < 0 ? undefined : [k, k]
  }
  if (anchor.kind === 'before') return phraseAfter(words, wordAtOrAfter(words, anchor.end), w)
  const verb = wordAtOrAfter(words, anchor.start)
  const before = phraseBefore(words, verb, w)
  if (before) return before
  const previous = words[verb - 1]
  // a verb of saying that opens the sentence is a noun ("Reports of torture are common")
  if (!previous && !words[verb]?.punctuatedBefore) return undefined
  // "the number of reported cases": a participle after "of" has no source after it
  if (previous && !previous.punctuatedAfter && !w.stops.has(previous.lower)) return undefined
  const after = wordAtOrAfter(words, anchor.end)
  // the verb after a quotation, a comma or a dash, or after "Про це" / "Об этом": the source follows it
  return after < 0 ? undefined : phraseAfter(words, after, w)
}

export const isPronoun = (text: string, language: string): boolean => wordsFor(language).pronouns.has(text.toLowerCase())

const FIRST_PERSON = /^(?:i|we|я|ми|мы|ich|wir|je|nous|yo|nosotros|io|noi)$/iu

/** How far back `findClaimant` looks for the name a pronoun stands for. */
const ANTECEDENT_REACH = 1500

/**
 * The claimant of the sentence at [sentenceStart, sentenceEnd) of an article, offsets into the
 * article. A pronoun is replaced by the last named source of the sentences before it (within a few
 * paragraphs), or kept when there is none.
 */
export function findClaimant(articleText: string, sentenceStart: number, sentenceEnd: number, language: string): Claimant | null {
  const found = findClaimantInSentence(articleText.slice(sentenceStart, sentenceEnd), language)
  if (!found) return null
  const claimant = { text: found.text, start: sentenceStart + found.start, end: sentenceStart + found.end }
  if (!isPronoun(claimant.text, language)) return claimant
  const from = Math.max(0, sentenceStart - ANTECEDENT_REACH)
  const before = articleText.slice(from, sentenceStart)
  const sentences = splitSentences(before, language)
  for (let k = sentences.length - 1; k >= 0; k--) {
    const s = sentences[k]
    if (!s) continue
    const earlier = findClaimantInSentence(before.slice(s.start, s.end), language)
    if (earlier && !isPronoun(earlier.text, language))
      return { text: earlier.text, start: from + s.start + earlier.start, end: from + s.start + earlier.end }
  }
  return claimant
}

/**
 * Claimants of consecutive sentences of one article, resolving pronouns to the last named source
 * before them as `findClaimant` does, in one pass.
 */
export function claimantsOf(
  articleText: string,
  spans: readonly { start: number; end: number }[],
  language: string,
  /** Each span's claimant as `findClaimantInSentence` gives it, when the caller has it already (the `source` reason). */
  inSentence?: readonly (Claimant | null)[],
): (Claimant | null)[] {
  let lastNamed: Claimant | undefined
  let lastNamedEnd = -Infinity
  return spans.map(({ start, end }, k) => {
    const found = inSentence ? (inSentence[k] ?? null) : findClaimantInSentence(articleText.slice(start, end), language)
    if (!found) return null
    const claimant = { text: found.text, start: start + found.start, end: start + found.end }
    if (!isPronoun(found.text, language)) {
      lastNamed = claimant
      lastNamedEnd = end
      return claimant
    }
    if (lastNamed && start - lastNamedEnd <= ANTECEDENT_REACH) return lastNamed
    // the first span given (a checker's own selection) may still have its antecedent in the text before it
    return lastNamed ? claimant : findClaimant(articleText, start, end, language)
  })
}

/** Words that name a body rather than a person, in the languages the engine reads. */
const ORGANISATION = new RegExp(
  [
    'ministry|department|office|agency|council|commission|committee|police|court|bank|union|party|government|parliament|company|corporation|group|association|institute|university|hospital|service|authority|bureau|organi[sz]ation|foundation|network|board|inc\\.?|ltd\\.?|plc',
    'міністерств|відомств|служб|уряд|поліці|суд|банк|парті|компані|агентств|управлінн|рад[аиі]|комітет|штаб|офіс|інститут|університет|лікарн|асоціаці|фонд|міськрад|адміністраці',
    'министерств|ведомств|служб|правительств|полици|суд|банк|парти|компани|агентств|управлени|совет|комитет|штаб|офис|институт|университет|больниц|ассоциаци|фонд|администраци',
    'ministerium|amt|behörde|regierung|polizei|gericht|partei|verband|institut|kommission',
    'ministère|gouvernement|tribunal|parti|agence|institut|commission|conseil',
    'ministerio|gobierno|tribunal|partido|agencia|instituto|comisión|consejo',
    'ministero|governo|tribunale|partito|agenzia|istituto|commissione|consiglio',
  ].join('|'),
  'iu',
)

/**
 * The project's claimant from the span the engine found: its words as the name, a body when they
 * name one ("Transport Focus" is read as a person only for want of a cue, so the checker checks the
 * kind), role and page left for the checker.
 */
export function claimantFromSpan(
  span: Claimant | null,
): { name: string; kind: 'person' | 'organization'; role: string; url: string } | null {
  const name = span?.text.replace(/\s+/g, ' ').trim() ?? ''
  if (!name) return null
  const acronym = /^[\p{Lu}\d]{2,}$/u.test(name.replace(/[\s.-]/g, ''))
  const organization = acronym || ORGANISATION.test(name)
  return { name: name.slice(0, 300), kind: organization ? 'organization' : 'person', role: '', url: '' }
}

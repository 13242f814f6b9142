import { DATELINE_PATTERN } from './dateline'
import type { LanguageRules } from './rules'

// ——— character classes ———
// The scanner asks these at nearly every character. They live in this module because calls into
// another module are not inlined when the sources run unbundled (tsx, vitest): splitting 100 kB took
// twice as long with them in a module of their own. Common ASCII cases are answered from code points;
// only non-ASCII letters reach a regular expression.

const UPPER = /^\p{Lu}|^\p{Lt}/u
const LOWER = /^\p{Ll}/u
const LETTER = /^\p{L}|^\p{M}/u
const DIGIT = /^\p{Nd}/u

const KNOWN = 16
const IS_UPPER = 1
const IS_LOWER = 2
const IS_LETTER = 4
const IS_DIGIT = 8
/** Unicode classes of the non-ASCII characters met so far: each is looked up by regular expression once. */
const classes = new Uint8Array(0x10000)

function classOf(c: number): number {
  const known = classes[c] ?? 0
  if (known !== 0) return known
  const ch = String.fromCharCode(c)
  let found = KNOWN
  if (LETTER.test(ch)) found |= IS_LETTER | (UPPER.test(ch) ? IS_UPPER : 0) | (LOWER.test(ch) ? IS_LOWER : 0)
  if (DIGIT.test(ch)) found |= IS_DIGIT
  classes[c] = found
  return found
}

export function isNewline(c: number): boolean {
  return c === 10 || c === 13 || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029
}

/** Horizontal white space (never a line break). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

export function isWhite(c: number): boolean {
  return isSpace(c) || isNewline(c)
}

/** Bidirectional controls are invisible: Arabic and Hebrew text often wraps punctuation in them. */
function isBidiControl(c: number): boolean {
  return c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
}

function isDigit(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57
  return (classOf(c) & IS_DIGIT) !== 0
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  return (classOf(c) & IS_UPPER) !== 0
}

function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122
  return (classOf(c) & IS_LOWER) !== 0
}

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return (classOf(c) & IS_LETTER) !== 0
}

function isLetterOrDigit(c: number): boolean {
  return isLetter(c) || isDigit(c)
}

/** Letters of scripts without case (Arabic, Hebrew, CJK, Devanagari…): a sentence may start with any of them. */
function isCaseless(c: number): boolean {
  return c >= 128 && isLetter(c) && !isUpper(c) && !isLower(c)
}

/** Code points the scanner compares against. */
const Ch = {
  Tab: 9,
  Space: 32,
  Bang: 33,
  Quote: 34,
  Hash: 35,
  Dollar: 36,
  Percent: 37,
  Amp: 38,
  Apostrophe: 39,
  OpenParen: 40,
  CloseParen: 41,
  Plus: 43,
  Comma: 44,
  Hyphen: 45,
  Dot: 46,
  Slash: 47,
  Colon: 58,
  Semicolon: 59,
  Lt: 60,
  Eq: 61,
  Gt: 62,
  Question: 63,
  At: 64,
  OpenBracket: 91,
  CloseBracket: 93,
  Underscore: 95,
  OpenBrace: 123,
  CloseBrace: 125,
  Tilde: 126,
  Ellipsis: 0x2026,
  EnDash: 0x2013,
  EmDash: 0x2014,
  HorizontalBar: 0x2015,
  FullwidthDot: 0xff0e,
} as const

/** "!" and "?" and their combined forms. */
function isBangOrQuestion(c: number): boolean {
  return c === Ch.Bang || c === Ch.Question || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049
}

/**
 * Full stops of scripts that do not put a space after them (CJK, Ethiopic, Myanmar) or that have no
 * case to tell a sentence start (Devanagari, Arabic, Urdu): each one ends a sentence by itself.
 */
function isScriptTerminal(c: number): boolean {
  return (
    c === 0x3002 || // 。
    c === 0xff0e || // ．
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0xff61 || // ｡
    c === 0x0964 || // । Devanagari danda
    c === 0x0965 || // ॥
    c === 0x06d4 || // ۔ Urdu full stop
    c === 0x061f || // ؟ Arabic question mark
    c === 0x1362 || // ። Ethiopic full stop
    c === 0x1367 || // ፧ Ethiopic question mark
    c === 0x1368 || // ፨
    c === 0x104b || // ။ Myanmar section
    c === 0x0589 // ։ Armenian full stop
  )
}

function isDash(c: number): boolean {
  return c === Ch.Hyphen || c === Ch.EnDash || c === Ch.EmDash || c === Ch.HorizontalBar || c === 0x2012 || c === 0x2212
}

/** List bullets: each one starts a new item even in the middle of a line. */
function isBullet(c: number): boolean {
  // the first comparison settles every letter of a Latin or Cyrillic text
  if (c < 0x2022) return false
  return c === 0x2022 || c === 0x2023 || c === 0x2043 || c === 0x25e6 || c === 0x25aa || c === 0x25cf || c === 0x25a0 || c === 0x25ba
}

/** Decorative rules ("_____", "////", "-----") are trimmed from the ends of a sentence. */
function isRuleChar(c: number): boolean {
  return (
    c === Ch.Underscore ||
    c === Ch.Eq ||
    c === Ch.Slash ||
    c === 42 ||
    c === Ch.Tilde ||
    c === Ch.Hash ||
    c === Ch.Hyphen ||
    c === Ch.EmDash ||
    c === 0x2500 ||
    c === 0x2501
  )
}

/** Characters that may directly follow a sentence's last punctuation and still belong to it. */
function isCloser(c: number): boolean {
  return (
    c === Ch.Quote ||
    c === Ch.Apostrophe ||
    c === Ch.CloseParen ||
    c === Ch.CloseBracket ||
    c === Ch.CloseBrace ||
    c === 0x201d || // ”
    c === 0x2019 || // ’
    c === 0x201c || // “ closes German „…“
    c === 0x2018 || // ‘ closes German ‚…‘
    c === 0xbb || // »
    c === 0xab || // « closes German »…«
    c === 0x203a || // ›
    c === 0x2039 || // ‹
    c === 0x300d || // 」
    c === 0x300f || // 』
    c === 0xff09 || // ）
    c === 0x300b || // 》
    c === 0x3009 || // 〉
    c === 0x3011 || // 】
    c === 0xff3d || // ］
    c === 0x3015 // 〕
  )
}

/** Closers that are also openers elsewhere; after a sentence's punctuation they close only when no word follows at once. */
function isAmbiguousCloser(c: number): boolean {
  return c === Ch.Quote || c === Ch.Apostrophe || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039
}

function isOpener(c: number): boolean {
  return (
    c === Ch.Quote ||
    c === Ch.Apostrophe ||
    c === Ch.OpenParen ||
    c === Ch.OpenBracket ||
    c === Ch.OpenBrace ||
    c === 0x201c || // “
    c === 0x201e || // „
    c === 0x2018 || // ‘
    c === 0x201a || // ‚
    c === 0xab || // «
    c === 0xbb || // » opens German »…«
    c === 0x2039 || // ‹
    c === 0x203a || // › opens German ›…‹
    c === 0x300c || // 「
    c === 0x300e || // 『
    c === 0xff08 || // （
    c === 0x300a || // 《
    c === 0x3008 || // 〈
    c === 0x3010 || // 【
    c === 0xff3b || // ［
    c === 0x3014 || // 〔
    c === 0xbf || // ¿
    c === 0xa1 // ¡
  )
}

export interface SentenceSpan {
  start: number
  end: number
}

/** How far the scanner looks back for the word before a full stop, or ahead for the next one. */
const TOKEN_REACH = 64
/** The longest quotation or bracket whose inner full stops stay inside one sentence. */
const QUOTE_REACH = 1000
/** How far a URL or e-mail address may run. */
const URL_REACH = 2048
/** A line at least this long that stops mid-sentence and goes on in lower case was wrapped, not ended. */
const WRAPPED_LINE = 60

type NextKind =
  'end' | 'upper' | 'lower' | 'digit' | 'open' | 'bullet' | 'ellipsis' | 'dash-upper' | 'dash-lower' | 'symbol' | 'caseless' | 'other'

/** What may open a sentence after a full stop. */
const OPENS = new Set<NextKind>(['upper', 'digit', 'open', 'bullet', 'ellipsis', 'dash-upper', 'symbol', 'caseless'])

interface Marker {
  kind: 'num' | 'lower' | 'upper'
  value: number
  dot: boolean
  end: number
}

type TokenClass =
  | 'empty'
  | 'number'
  | 'roman'
  | 'multi'
  | 'title'
  | 'never'
  | 'time'
  | 'abbr'
  | 'initial'
  | 'letter'
  | 'caseless'
  | 'word'
  | 'unit'
  | 'year'
  | 'list-end'

/** What may open a sentence after a unit or a year ("…2025 р. Дані…", "…5 млн. «Укренерго»…"); a digit goes on ("ч. 2 ст. 15"). */
const OPENS_AFTER_UNIT = new Set<NextKind>(['upper', 'open', 'bullet', 'dash-upper', 'caseless'])

const cp = (s: string): number => s.charCodeAt(0)

const BRACKETS = new Map<number, number>(
  ['()', '[]', '{}', '（）', '「」', '『』', '《》', '〈〉', '【】', '［］', '〔〕'].map((pair) => [cp(pair), cp(pair.slice(1))]),
)
const QUOTES = new Map<number, number[]>([
  [cp('"'), [cp('"')]],
  [cp("'"), [cp("'")]],
  [cp('“'), [cp('”')]],
  [cp('„'), [cp('“'), cp('”')]],
  [cp('‘'), [cp('’')]],
  [cp('‚'), [cp('‘'), cp('’')]],
  [cp('«'), [cp('»')]],
  [cp('»'), [cp('«')]],
  [cp('‹'), [cp('›')]],
  [cp('›'), [cp('‹')]],
])

/** What each character means to the main loop; most are Plain and cost one table look-up. */
const Role = { Plain: 0, Space: 1, Newline: 2, Dot: 3, Bang: 4, ScriptTerminal: 5, Opener: 6, Special: 7 } as const

/**
 * Where the characters the predicates above name lie (ASCII and Latin-1, a few script full stops,
 * general punctuation, bullets, CJK and fullwidth punctuation): the tables are filled from these
 * ranges only, about 500 characters instead of 65,536, because a short CLI run spends most of its
 * start-up here otherwise. A test checks that no character with a role lies outside them.
 */
export const PUNCTUATION_RANGES: readonly (readonly [number, number])[] = [
  [0x0009, 0x00c0],
  [0x0589, 0x058a],
  [0x061f, 0x0620],
  [0x06d4, 0x06d5],
  [0x0964, 0x0966],
  [0x104b, 0x104c],
  [0x1362, 0x1369],
  [0x1680, 0x1681],
  [0x2000, 0x2060],
  [0x2212, 0x2213],
  [0x25a0, 0x25e7],
  [0x3000, 0x3016],
  [0xfeff, 0xff62],
]

function fillTable(mark: (c: number) => number): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const [from, to] of PUNCTUATION_RANGES) for (let c = from; c < to; c++) table[c] = mark(c)
  return table
}

/** The role of one character, for the ROLES table. */
export function roleOf(c: number): number {
  if (isNewline(c)) return Role.Newline
  if (isSpace(c)) return Role.Space
  if (c === Ch.Dot || c === Ch.Ellipsis) return Role.Dot
  if (isBangOrQuestion(c)) return Role.Bang
  if (isScriptTerminal(c)) return Role.ScriptTerminal
  if (BRACKETS.has(c) || QUOTES.has(c)) return Role.Opener
  if (isCloser(c) || c === Ch.Colon || c === Ch.Semicolon) return Role.Special
  return Role.Plain
}

/** 1 for the quotes, brackets, dashes and bullets that may stand in front of a word. */
export function leadingMark(c: number): number {
  return isOpener(c) || isCloser(c) || isDash(c) || isBullet(c) ? 1 : 0
}

const ROLES = fillTable(roleOf)
const LEADING = fillTable(leadingMark)

const NUMBER = /^\d[\d.,\u00a0\u202f ]*$/
const ROMAN = /^[IVXLCDM]{2,}$/
const MULTI = /^(?:\p{L}{1,3}\.)+\p{L}{1,4}$/u
/** A number with a full stop that can be an ordinal: "23." or "XII.", not "1.000." or "$100.00.". */
const ORDINAL = /^(?:\d{1,3}|[IVXLCDM]+)$/
const LEADING_SYMBOLS = /^[$€£¥₴₽%+#№−-]+/
/** A URL ("https://", "mailto:", "www.") or an e-mail address, and the punctuation that ends one in prose. */
const ADDRESS = /^(?:[\p{Ps}\p{Pi}"'<]*)(?:[a-z][a-z+.-]*:|www\.)|@[\p{L}\d-]+\./iu
const ADDRESS_TRAILER = /[.,;:!?)\]}"'»”’>]/
const TAG = /<\/?[A-Za-z][^<>\n]{0,200}>/y
/** "J.-P", "J.-M": initials of a hyphenated first name, as French writes them. */
const HYPHENATED_INITIALS = /^(?:\p{Lu}\.-)+\p{Lu}$/u
// at the top of a paragraph, before the story's first word
const DATELINE = new RegExp(`${DATELINE_PATTERN} +(?=[\\p{Lu}\\d"“«„])`, 'uy')

/**
 * One left-to-right pass over the text. Every decision looks at most TOKEN_REACH characters around
 * the punctuation it is about; quotations and brackets are matched with a look-ahead that never
 * scans the same stretch twice, so the whole pass stays linear. Sentences are kept as offsets.
 */
export function scanSentences(text: string, rules: LanguageRules): SentenceSpan[] {
  return new Scanner(text, rules).run()
}

class Scanner {
  // Offsets are collected off the heap and turned into objects once at the end: a growing array of
  // span objects would make every garbage collection during the pass mark it again.
  private starts = new Int32Array(256)
  private ends = new Int32Array(256)
  private count = 0
  private readonly n: number
  /** Start of the sentence being read (leading white space is trimmed when it is emitted). */
  private start = 0
  private lineStart = 0
  /** Tokens read in the current sentence, and where the last two began. */
  private tokens = 0
  private tokenStart = -1
  private previousToken = -1
  /** Index of the closing quote or bracket of the quotation being read; full stops before it do not end the sentence. */
  private closerAt = -1
  /** Per opening character: the index up to which a failed look-ahead already found no closer. */
  private readonly noCloserBefore = new Map<number, number>()
  private marker: Marker | undefined
  private datelineEnd = -1
  private readonly classes = new Map<string, TokenClass>()
  /** A unit's or year's class where no number comes before it ("м. Київ" is a title). */
  private readonly plainClasses = new Map<string, TokenClass>()
  /** Where the token found by the last `next` call starts. */
  private nextAt = 0

  constructor(
    private readonly text: string,
    private readonly rules: LanguageRules,
  ) {
    this.n = text.length
  }

  run(): SentenceSpan[] {
    const { n, text } = this
    let i = 0
    let tokenStarts = true
    while (i < n) {
      const c = text.charCodeAt(i)
      const role = ROLES[c] ?? Role.Plain
      if (role === Role.Newline) {
        i = this.newline(i)
        tokenStarts = true
        continue
      }
      if (role === Role.Space) {
        i++
        tokenStarts = true
        continue
      }
      if (tokenStarts) {
        if (i === this.datelineEnd) this.emit(i)
        this.tokenAt(i)
        tokenStarts = false
      }
      if (role === Role.Plain) {
        // the common case: letters and digits inside a word
        i++
        while (i < n && ROLES[text.charCodeAt(i)] === Role.Plain) i++
        continue
      }
      const next = this.step(i, c, role)
      if (next !== i + 1) tokenStarts = isWhite(text.charCodeAt(next - 1))
      i = next
    }
    this.emit(n)
    const spans = new Array<SentenceSpan>(this.count)
    for (let k = 0; k < this.count; k++) spans[k] = { start: this.starts[k] ?? 0, end: this.ends[k] ?? 0 }
    return spans
  }

  private step(i: number, c: number, role: number): number {
    // a dateline's own full stops ("MADRID, 12 mar (EFE).- …", "ST. LOUIS (AP) —") end nothing: the dateline ends where it was found to
    if (role === Role.Dot && i < this.datelineEnd) return i + 1
    if (role === Role.Dot) return this.rules.periodEnds || c === Ch.Ellipsis ? this.dots(i) : i + 1
    if (role === Role.Bang || this.rules.extraTerminals.has(c)) return this.bang(i)
    if (role === Role.ScriptTerminal) return this.scriptTerminal(i)
    if (i === this.closerAt && i > 0 && isDash(this.text.charCodeAt(i - 1))) return this.interruptedQuote(i)
    if (role === Role.Opener && i > this.closerAt) this.open(i, c)
    return i + 1
  }

  // ——— sentence ends ———

  private emit(end: number): void {
    let s = this.start
    let e = end
    while (s < e && this.blank(s)) s++
    while (e > s && this.blank(e - 1)) e--
    if (s < e && (this.untidy(s) || this.untidy(e - 1))) [s, e] = this.tidy(s, e)
    if (s < e) this.push(s, e)
    this.start = end
    this.tokens = 0
  }

  private blank(k: number): boolean {
    const c = this.text.charCodeAt(k)
    const role = ROLES[c]
    return role === Role.Space || role === Role.Newline || (c >= 0x200e && isBidiControl(c))
  }

  private push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2)
      const ends = new Int32Array(this.count * 2)
      starts.set(this.starts)
      ends.set(this.ends)
      this.starts = starts
      this.ends = ends
    }
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.count++
  }

  /** Could this edge character begin a decorative rule or markup tag? */
  private untidy(k: number): boolean {
    const c = this.text.charCodeAt(k)
    return c === Ch.Lt || c === Ch.Gt || isRuleChar(c)
  }

  /** Trims decorative rules ("_____", "////") and markup tags from both ends, as often as they nest. */
  private tidy(s: number, e: number): [number, number] {
    for (;;) {
      const was = s + e * 2
      while (s < e && isWhite(this.text.charCodeAt(s))) s++
      while (e > s && isWhite(this.text.charCodeAt(e - 1))) e--
      s = this.skipRule(s, e, 1)
      e = this.skipRule(e - 1, s - 1, -1) + 1
      if (s < e && this.text.charCodeAt(s) === Ch.Lt) {
        TAG.lastIndex = s
        if (TAG.test(this.text) && TAG.lastIndex <= e) s = TAG.lastIndex
      }
      if (e > s && this.text.charCodeAt(e - 1) === Ch.Gt) {
        const open = this.text.lastIndexOf('<', e - 1)
        if (open >= s && open > e - 200) {
          TAG.lastIndex = open
          if (TAG.test(this.text) && TAG.lastIndex === e) e = open
        }
      }
      if (was === s + e * 2) return [s, e]
    }
  }

  /** Past a decorative run ("_____", "////") of three or more at `from`, walking towards `limit`. */
  private skipRule(from: number, limit: number, step: 1 | -1): number {
    if (from === limit) return from
    const c = this.text.charCodeAt(from)
    if (!isRuleChar(c)) return from
    let k = from
    while (k !== limit && this.text.charCodeAt(k) === c) k += step
    return Math.abs(k - from) >= 3 ? k : from
  }

  private newline(i: number): number {
    let k = i + 1
    if (this.text.charCodeAt(i) === 13 && this.text.charCodeAt(k) === 10) k++
    if (this.wrapped(i, k)) return k
    this.emit(i)
    this.lineStart = k
    this.marker = undefined
    return k
  }

  /** A hard-wrapped line: long, stopping without punctuation, and going on in lower case. */
  private wrapped(i: number, next: number): boolean {
    if (i - this.lineStart < WRAPPED_LINE) return false
    let last = i - 1
    while (last > this.lineStart && isSpace(this.text.charCodeAt(last))) last--
    const c = this.text.charCodeAt(last)
    if (!(isLetterOrDigit(c) || c === Ch.Comma)) return false
    let k = next
    while (k < this.n && isSpace(this.text.charCodeAt(k))) k++
    return k < this.n && isLower(this.text.charCodeAt(k))
  }

  /** Skips the characters that close a sentence after its punctuation: quotes, brackets, footnotes ("…true.” ", "…martyr.[1] "). */
  private absorb(from: number): number {
    let j = from
    let afterCloser = false
    while (j < this.n) {
      const c = this.text.charCodeAt(j)
      if (isCloser(c)) {
        if (isAmbiguousCloser(c) && j + 1 < this.n && isLetterOrDigit(this.text.charCodeAt(j + 1))) break
        j++
        afterCloser = true
      } else if (afterCloser && (c === Ch.Dot || isBangOrQuestion(c))) {
        j++
        afterCloser = false
      } else if (c === Ch.OpenBracket) {
        const end = this.footnoteBracket(j)
        if (end < 0) break
        j = end
      } else {
        break
      }
    }
    return j
  }

  /** "[12]" or "[2–11]" right after a sentence: a footnote that belongs to it. */
  private footnoteBracket(j: number): number {
    let k = j + 1
    const digitsFrom = k
    while (
      k < this.n &&
      k - digitsFrom < 7 &&
      (isDigit(this.text.charCodeAt(k)) || isDash(this.text.charCodeAt(k)) || this.text.charCodeAt(k) === Ch.Comma)
    )
      k++
    return k > digitsFrom && isDigit(this.text.charCodeAt(digitsFrom)) && this.text.charCodeAt(k) === Ch.CloseBracket ? k + 1 : -1
  }

  /** The kind of token after the white space at `j`; its position is left in `nextAt`. */
  private next(j: number): NextKind {
    let k = j
    while (k < this.n && isSpace(this.text.charCodeAt(k))) k++
    if (k >= this.n || isNewline(this.text.charCodeAt(k))) return this.found(k, 'end')
    const c = this.text.charCodeAt(k)
    // the usual answers first: a capital or small ASCII letter
    if (c >= 65 && c <= 90) return this.found(k, 'upper')
    if (c >= 97 && c <= 122) return this.found(k, 'lower')
    if (isDigit(c)) return this.found(k, 'digit')
    if (isBullet(c)) return this.found(k, 'bullet')
    if (c === Ch.Dot || c === Ch.Ellipsis) return this.found(k, 'ellipsis')
    if (isOpener(c)) return this.found(k, 'open')
    if (isDash(c)) {
      let m = k
      while (m < this.n && m - k < TOKEN_REACH && (isDash(this.text.charCodeAt(m)) || isSpace(this.text.charCodeAt(m)))) m++
      const d = this.text.charCodeAt(m)
      return this.found(k, isUpper(d) || isDigit(d) || isCaseless(d) || isOpener(d) ? 'dash-upper' : 'dash-lower')
    }
    if (c === Ch.Lt || c === Ch.At || c === Ch.Hash) return this.found(k, 'symbol')
    if (isUpper(c)) return this.found(k, 'upper')
    if (isLower(c)) return this.found(k, 'lower')
    if (isLetter(c)) return this.found(k, 'caseless')
    return this.found(k, 'other')
  }

  private found(at: number, kind: NextKind): NextKind {
    this.nextAt = at
    return kind
  }

  /** The letters of the word at `at` ("It" of "It's"). */
  private wordAt(at: number): string {
    let k = at
    while (k < this.n && k - at < TOKEN_REACH && isLetter(this.text.charCodeAt(k))) k++
    return this.text.slice(at, k)
  }

  private starterAt(kind: NextKind): boolean {
    return (kind === 'upper' || kind === 'caseless') && this.rules.starters.has(this.wordAt(this.nextAt))
  }

  /** The word before the punctuation at `end`, without opening quotes, brackets, elided articles ("l'Avv") or bidi marks. */
  private tokenBefore(end: number): string {
    const { text } = this
    let s = end
    let bidi = false
    // the last apostrophe, noted on the way back (searching the sliced token again cost a tenth of the scan)
    let apostrophe = -1
    const min = Math.max(this.start, end - TOKEN_REACH)
    while (s > min) {
      const c = text.charCodeAt(s - 1)
      const role = ROLES[c]
      if (role === Role.Space || role === Role.Newline) break
      if (c >= 0x200e && isBidiControl(c)) bidi = true
      else if (apostrophe < 0 && (c === Ch.Apostrophe || c === 0x2019)) apostrophe = s - 1
      s--
    }
    while (s < end && LEADING[text.charCodeAt(s)] === 1) s++
    if (apostrophe > s && apostrophe - s <= 4 && end - apostrophe > 2) s = apostrophe + 1
    const token = text.slice(s, end)
    return bidi ? token.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '') : token
  }

  /** Tokens before full stops repeat ("U.S", "Sen", "said"): each is classified once per text. */
  private classify(token: string): TokenClass {
    let kind = this.classes.get(token)
    if (kind === undefined) {
      kind = this.classifyToken(token)
      this.classes.set(token, kind)
    }
    return kind
  }

  private classifyToken(token: string): TokenClass {
    const lower = token.toLowerCase()
    if (this.rules.listEnds.has(lower)) return 'list-end'
    if (this.rules.years.has(lower)) return 'year'
    if (this.rules.afterNumber.has(lower)) return 'unit'
    return this.plainClass(token)
  }

  private plainClass(token: string): TokenClass {
    if (token === '') return 'empty'
    const first = cp(token)
    if (!isLetter(first) && NUMBER.test(token.replace(LEADING_SYMBOLS, ''))) return 'number'
    if (this.rules.titles.has(token)) return 'title'
    const lower = token.toLowerCase()
    if (lower === 'a.m' || lower === 'p.m') return 'time'
    if (this.rules.neverEnd.has(lower)) return 'never'
    if (this.rules.abbreviations.has(lower)) return 'abbr'
    if (token.length === 1) return isUpper(first) ? 'initial' : isLower(first) ? 'letter' : isLetter(first) ? 'caseless' : 'word'
    // French hyphenated initials: "J.-P. Martin"
    if (HYPHENATED_INITIALS.test(token)) return 'initial'
    if (ROMAN.test(token)) return 'roman'
    if (token.length <= 16 && token.includes('.') && MULTI.test(token)) return 'multi'
    return 'word'
  }

  // ——— full stops ———

  private dots(i: number): number {
    let k = i
    let count = 0
    while (k < this.n && (this.text.charCodeAt(k) === Ch.Dot || this.text.charCodeAt(k) === Ch.Ellipsis)) {
      count += this.text.charCodeAt(k) === Ch.Ellipsis ? 3 : 1
      k++
    }
    if (count > 1) return this.ellipsis(i, k, count)
    let spaced = 1
    let m = k
    while (this.text.charCodeAt(m) === Ch.Space && this.text.charCodeAt(m + 1) === Ch.Dot && this.text.charCodeAt(m + 2) !== Ch.Dot) {
      spaced++
      m += 2
    }
    return spaced >= 3 ? this.spacedEllipsis(i, spaced, m) : this.period(i)
  }

  private period(i: number): number {
    const after = i + 1 < this.n ? this.text.charCodeAt(i + 1) : Ch.Space
    const before = i > 0 ? this.text.charCodeAt(i - 1) : Ch.Space
    if (isWhite(before)) {
      // ".jpeg", ".50": a word that starts with a full stop
      if (isLetterOrDigit(after)) return i + 1
      return this.endIfOpens(this.absorb(i + 1))
    }
    if (isDigit(after)) return this.footnoteDigits(i, before)
    if (isLetter(after)) return this.glued(i)

    const j = this.absorb(i + 1)
    const next = this.after(j)
    if (next === undefined || next === 'other') return j
    // after a closing quote or bracket, lower case goes on with the sentence: "“This is great.” she said"
    if (next === 'lower' && j > i + 1) return j
    const token = this.tokenBefore(i)
    // the first token, or the first after a bullet: a list marker ("1.", "a.", "• 9.")
    const first = this.tokens <= 1 || (this.tokens === 2 && isBullet(this.text.charCodeAt(this.previousToken)))
    if (this.periodEnds(token, this.classify(token), next, first)) this.emit(j)
    return j
  }

  private periodEnds(token: string, kind: TokenClass, next: NextKind, first: boolean): boolean {
    switch (kind) {
      case 'list-end':
        return !first && OPENS.has(next)
      case 'year':
      case 'unit':
        // "У 2014 р. Росія…" opens with its date (at most "У квітні 2014 р."): the year does not end it.
        // A year ends a sentence as part of a date phrase ("у квітні 2025 р.", "с 2014 г."); set off by a
        // comma it is a caption's label ("Дом, где родился Толстой, 1898 г. В 1854 году…", Golden Rules ru #039)
        if (this.previousIsNumber() && (kind === 'unit' || (this.tokens > 4 && this.wordBeforePreviousIsLower())))
          return OPENS_AFTER_UNIT.has(next)
        return this.periodEnds(token, this.plainClassOf(token), next, first)
      case 'title':
      case 'never':
      case 'caseless':
        return false
      case 'time':
        // "At 5 a.m. Mr. Smith went…" opens with the time; "He left at 6 p.m. Travellers…" ends with it
        return next === 'upper' && this.tokens > 3
      case 'abbr':
      case 'multi':
      case 'letter':
        return !first && (this.starterAt(next) || next === 'bullet')
      case 'initial':
        // "Jonas E. Smith" and "А. И. Семенов" are names; "you and I. Did you…" ends a sentence
        return !first && this.previousWordIsLower() && this.starterAt(next) && this.text.charCodeAt(this.nextAt + 1) !== Ch.Dot
      case 'number':
      case 'roman':
        if (first) return false
        if (this.rules.ordinalDot && ORDINAL.test(token)) return this.starterAt(next) || next === 'bullet'
        return kind === 'number' ? OPENS.has(next) : this.wordEnds(token, next)
      case 'word':
        return this.wordEnds(token, next)
      case 'empty':
        return OPENS.has(next)
    }
  }

  private wordEnds(token: string, next: NextKind): boolean {
    // "κανένας. το…": a long word cannot be an abbreviation; a short one before lower case likely is ("bałt. jest")
    return next === 'lower' ? token.length > 4 : OPENS.has(next)
  }

  private plainClassOf(token: string): TokenClass {
    let kind = this.plainClasses.get(token)
    if (kind === undefined) {
      kind = this.plainClass(token)
      this.plainClasses.set(token, kind)
    }
    return kind
  }

  /** The token before the current one is a number, a Roman numeral or a magnitude ("2025 р.", "XIX ст.", "20 тыс. руб."). */
  private previousIsNumber(): boolean {
    if (this.previousToken < this.start) return false
    if (isDigit(this.text.charCodeAt(this.previousToken))) return true
    const word = this.wordAt(this.previousToken)
    return ROMAN.test(word) || this.rules.afterNumber.has(word.toLowerCase())
  }

  private wordBeforePreviousIsLower(): boolean {
    let k = this.previousToken - 1
    while (k > this.start && isSpace(this.text.charCodeAt(k))) k--
    return isLower(this.text.charCodeAt(k))
  }

  private previousWordIsLower(): boolean {
    return this.previousToken >= this.start && isLower(this.text.charCodeAt(this.previousToken))
  }

  /**
   * The kind of token that follows the punctuation ending at `j`, when a boundary there is possible:
   * undefined inside a quotation, at a line's end (the line break ends the sentence) and when a word
   * follows with no space.
   */
  private after(j: number): NextKind | undefined {
    if (j <= this.closerAt) return undefined
    const next = this.next(j)
    return next === 'end' || this.nextAt === j ? undefined : next
  }

  private endIfOpens(j: number): number {
    const next = this.after(j)
    if (next !== undefined && OPENS.has(next)) this.emit(j)
    return j
  }

  /** A full stop directly followed by digits: a decimal ("3.5"), or footnote numbers after a sentence ("…consultation.11 12 Take…"). */
  private footnoteDigits(i: number, before: number): number {
    if (!(isLower(before) || before === Ch.CloseParen)) return i + 1
    let k = i + 1
    for (;;) {
      const from = k
      while (k < this.n && k - from < 4 && isDigit(this.text.charCodeAt(k))) k++
      if (k === from || k - from > 3 || isDigit(this.text.charCodeAt(k))) return i + 1
      if (this.text.charCodeAt(k) === Ch.Space && isDigit(this.text.charCodeAt(k + 1))) {
        k++
        continue
      }
      break
    }
    if (this.text.charCodeAt(k) === Ch.Space && isUpper(this.text.charCodeAt(k + 1)) && k > this.closerAt) {
      this.emit(k)
      return k
    }
    return i + 1
  }

  /** A full stop with a letter right after it: an abbreviation ("U.S.A", "Sig.ra"), an address, or a missing space ("world.Today"). */
  private glued(i: number): number {
    const url = this.urlEnd(i)
    if (url > i) return url
    if (i < this.closerAt) return i + 1
    const token = this.tokenBefore(i)
    const kind = this.classify(token)
    if (!((kind === 'word' || kind === 'number') && token.length >= 2)) return i + 1
    const word = this.wordAt(i + 1)
    const after = this.text.charCodeAt(i + 1 + word.length)
    const opens =
      isUpper(cp(word)) && (word.length >= 3 || (word.length === 1 && isSpace(after)) || (after === Ch.Dot && this.rules.titles.has(word)))
    if (opens) {
      this.emit(i + 1)
      this.tokens = 1
    }
    return i + 1
  }

  /** The end of the URL or e-mail address around `i`, without trailing punctuation; -1 when there is none. */
  private urlEnd(i: number): number {
    const { text } = this
    // only a token with "@", ":" or "www." can be an address: look for them before slicing anything
    let marked = false
    let s = i
    const min = Math.max(this.start, i - URL_REACH)
    for (; s > min; s--) {
      const c = text.charCodeAt(s - 1)
      if (isWhite(c)) break
      if (c === Ch.At || c === Ch.Colon) marked = true
    }
    let e = i
    const max = Math.min(this.n, i + URL_REACH)
    for (; e < max; e++) {
      const c = text.charCodeAt(e)
      if (isWhite(c)) break
      if (c === Ch.At || c === Ch.Colon) marked = true
    }
    if (!marked && !this.startsWithWww(s)) return -1
    if (!ADDRESS.test(text.slice(s, e))) return -1
    while (e > i && ADDRESS_TRAILER.test(text.charAt(e - 1))) e--
    return e
  }

  private startsWithWww(s: number): boolean {
    let k = s
    while (LEADING[this.text.charCodeAt(k)] === 1) k++
    const { text } = this
    // "www." in either case, without a closure: this runs at every glued full stop ("U.S.")
    return (
      (text.charCodeAt(k) | 32) === 119 &&
      (text.charCodeAt(k + 1) | 32) === 119 &&
      (text.charCodeAt(k + 2) | 32) === 119 &&
      text.charCodeAt(k + 3) === Ch.Dot
    )
  }

  /** "...", "…", "....": an omission, or an ending before a new sentence. */
  private ellipsis(i: number, k: number, count: number): number {
    // "[...]", "(…)": an omission mark, never an ending
    const before = i > 0 ? this.text.charCodeAt(i - 1) : Ch.Space
    if (before === Ch.OpenBracket || before === Ch.OpenParen) return k
    if (count >= 4) {
      const leaderEnd = this.dotLeader(k)
      if (leaderEnd >= 0) return this.skipLeader(i, leaderEnd)
    }
    // "I mean...see" goes on; "slowly... And" ends
    return this.endIfOpens(this.absorb(k))
  }

  /** ". . ." written with spaces: an omission inside a sentence, or, as ". . . .", the end of one. */
  private spacedEllipsis(i: number, count: number, end: number): number {
    const attached = i > 0 && !isWhite(this.text.charCodeAt(i - 1))
    const j = this.absorb(end)
    if (j <= this.closerAt) return j
    const next = this.next(j)
    if (next === 'end' || !OPENS.has(next)) return j
    if (attached && count >= 4) {
      // "…compounds. . . . The practice…": the full stop ends this sentence, the ellipsis opens the next
      this.emit(i + 1)
    } else if (attached || count >= 4) {
      this.emit(j)
    }
    return j
  }

  /** A table of contents' dot leader and page number ("About Me........ 5") up to the line's end; -1 when it is not one. */
  private dotLeader(k: number): number {
    let m = k
    while (m < this.n && isSpace(this.text.charCodeAt(m))) m++
    const digits = m
    while (m < this.n && isDigit(this.text.charCodeAt(m))) m++
    if (m === digits) return -1
    if (isDash(this.text.charCodeAt(m))) {
      m++
      while (m < this.n && isDigit(this.text.charCodeAt(m))) m++
    }
    while (m < this.n && isSpace(this.text.charCodeAt(m))) m++
    return m >= this.n || isNewline(this.text.charCodeAt(m)) ? m : -1
  }

  private skipLeader(i: number, end: number): number {
    this.emit(i)
    this.start = end
    return end
  }

  // ——— other terminals ———

  private bang(i: number): number {
    let k = i
    while (k < this.n && (isBangOrQuestion(this.text.charCodeAt(k)) || this.rules.extraTerminals.has(this.text.charCodeAt(k)))) k++
    const after = k < this.n ? this.text.charCodeAt(k) : Ch.Space
    // "Y!J", "!Kung", "10:30": not an ending
    if (isLetterOrDigit(after)) return k
    if (this.text.charCodeAt(i) === Ch.Bang && k === i + 1 && this.rules.exclamationNames.has(this.tokenBefore(i))) return k
    if (after === Ch.Dot) {
      let dotsEnd = k
      while (this.text.charCodeAt(dotsEnd) === Ch.Dot) dotsEnd++
      const leaderEnd = dotsEnd - k >= 4 ? this.dotLeader(dotsEnd) : -1
      if (leaderEnd >= 0) {
        this.emit(k)
        return this.skipLeader(k, leaderEnd)
      }
    }
    return this.endIfOpens(this.absorb(k))
  }

  /** 。！？ and the full stops of Devanagari, Arabic, Ethiopic, Myanmar: they end a sentence with or without a space. */
  private scriptTerminal(i: number): number {
    let k = i
    while (k < this.n && (isScriptTerminal(this.text.charCodeAt(k)) || isBangOrQuestion(this.text.charCodeAt(k)))) k++
    if (this.text.charCodeAt(i) === Ch.FullwidthDot && i > 0 && isDigit(this.text.charCodeAt(i - 1)) && isDigit(this.text.charCodeAt(k)))
      return k
    const j = this.absorb(k)
    if (j <= this.closerAt) return j
    const next = this.next(j)
    if (next !== 'end' && next !== 'other' && next !== 'lower') this.emit(j)
    return j
  }

  /** `…we're doing our best, to--" At this moment…`: speech broken off ends the sentence at its closing quote. */
  private interruptedQuote(i: number): number {
    const j = this.absorb(i)
    if (this.next(j) === 'upper') this.emit(j)
    return j
  }

  // ——— quotations and brackets ———

  private open(i: number, c: number): void {
    const bracketCloser = BRACKETS.get(c)
    const quoteClosers = QUOTES.get(c)
    if (bracketCloser === undefined && quoteClosers === undefined) return
    const before = i > 0 ? this.text.charCodeAt(i - 1) : Ch.Space
    const after = i + 1 < this.n ? this.text.charCodeAt(i + 1) : Ch.Space
    if (quoteClosers) {
      // French puts a space inside guillemets: « Nous… »
      if (isWhite(after) && c !== 0xab) return
      const afterSpace = isWhite(before) || isOpener(before) || isDash(before)
      // straight and curly quotes double as apostrophes and inch marks: they open only at a word's start
      if ((c === Ch.Quote || c === 0x201c || c === 0xbb || c === 0x203a) && !afterSpace) return
      if ((c === Ch.Apostrophe || c === 0x2018) && !(afterSpace && isLetterOrDigit(after))) return
    }
    const close = this.findCloser(i, c, bracketCloser === undefined ? (quoteClosers ?? []) : [bracketCloser], bracketCloser !== undefined)
    if (close > i) this.closerAt = close
  }

  private findCloser(i: number, open: number, closers: readonly number[], nests: boolean): number {
    const limit = Math.min(this.n, i + QUOTE_REACH)
    let k = Math.max(i + 1, this.noCloserBefore.get(open) ?? 0)
    let depth = 0
    for (; k < limit; k++) {
      const c = this.text.charCodeAt(k)
      // letters, digits and spaces are neither a line end nor a quote or bracket: one table look-up each
      const role = ROLES[c]
      if (role === Role.Plain || role === Role.Space) continue
      if (isNewline(c)) break
      if (nests && c === open) depth++
      else if (closers.includes(c) && this.closes(k, c)) {
        if (depth === 0) return k
        depth--
      }
    }
    this.noCloserBefore.set(open, k)
    return -1
  }

  /** A single quote closes only at a word's end ("dragon’s" is an apostrophe). */
  private closes(k: number, c: number): boolean {
    if (c !== Ch.Apostrophe && c !== 0x2019) return true
    return !isWhite(this.text.charCodeAt(k - 1)) && !(k + 1 < this.n && isLetterOrDigit(this.text.charCodeAt(k + 1)))
  }

  // ——— tokens: lists, bullets, datelines ———

  private tokenAt(i: number): void {
    this.previousToken = this.tokenStart
    this.tokenStart = i
    this.tokens++
    if (this.tokens === 1) {
      const marker = this.parseMarker(i)
      if (marker) this.marker = marker
      if (i === this.lineStart && this.paragraphStart(i)) this.dateline(i)
      return
    }
    if (i <= this.closerAt) return
    if (isBullet(this.text.charCodeAt(i))) {
      this.emit(i)
      this.tokens = 1
      return
    }
    if (!this.marker) return
    const marker = this.parseMarker(i)
    if (
      marker &&
      marker.kind === this.marker.kind &&
      marker.value === this.marker.value + 1 &&
      (marker.kind !== 'num' || !marker.dot || this.capitalAt(marker.end))
    ) {
      // "1. The first item 2. The second item"
      this.emit(i)
      this.tokens = 1
      this.marker = marker
    }
  }

  /** "1.", "2)", "a.", "b)", "(c)", "1.)" followed by a space. */
  private parseMarker(i: number): Marker | undefined {
    let k = i
    const paren = this.text.charCodeAt(k) === Ch.OpenParen
    if (paren) k++
    let kind: Marker['kind']
    let value = 0
    const c = this.text.charCodeAt(k)
    if (c >= 48 && c <= 57) {
      const from = k
      while (k - from < 3 && this.text.charCodeAt(k) >= 48 && this.text.charCodeAt(k) <= 57)
        value = value * 10 + this.text.charCodeAt(k++) - 48
      if (isDigit(this.text.charCodeAt(k))) return undefined
      kind = 'num'
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      kind = c >= 97 ? 'lower' : 'upper'
      value = c - (c >= 97 ? 97 : 65)
      k++
    } else {
      return undefined
    }
    let dot = false
    if (paren) {
      if (this.text.charCodeAt(k) !== Ch.CloseParen) return undefined
      k++
    } else if (this.text.charCodeAt(k) === Ch.Dot) {
      dot = true
      k++
      if (this.text.charCodeAt(k) === Ch.CloseParen) k++
    } else if (this.text.charCodeAt(k) === Ch.CloseParen) {
      k++
    } else {
      return undefined
    }
    return k < this.n && isSpace(this.text.charCodeAt(k)) ? { kind, value, dot, end: k } : undefined
  }

  private capitalAt(k: number): boolean {
    let m = k
    while (m < this.n && isSpace(this.text.charCodeAt(m))) m++
    return m < this.n && isUpper(this.text.charCodeAt(m))
  }

  private paragraphStart(i: number): boolean {
    let k = i - 1
    while (k >= 0 && i - k < 16 && isSpace(this.text.charCodeAt(k))) k--
    if (k < 0) return true
    if (!isNewline(this.text.charCodeAt(k))) return false
    k--
    while (k >= 0 && i - k < 32 && isSpace(this.text.charCodeAt(k))) k--
    return k < 0 || isNewline(this.text.charCodeAt(k))
  }

  private dateline(i: number): void {
    DATELINE.lastIndex = i
    if (DATELINE.test(this.text)) this.datelineEnd = DATELINE.lastIndex
  }
}

// Character classes for the sentence scanner. The scanner calls these at every character, so the
// common ASCII cases are answered from code points; only non-ASCII letters reach a regular expression.

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
export function isSpace(c: number): boolean {
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
export function isBidiControl(c: number): boolean {
  return c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
}

export function isDigit(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57
  return (classOf(c) & IS_DIGIT) !== 0
}

export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  return (classOf(c) & IS_UPPER) !== 0
}

export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122
  return (classOf(c) & IS_LOWER) !== 0
}

export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return (classOf(c) & IS_LETTER) !== 0
}

export function isLetterOrDigit(c: number): boolean {
  return isLetter(c) || isDigit(c)
}

/** Letters of scripts without case (Arabic, Hebrew, CJK, Devanagari…): a sentence may start with any of them. */
export function isCaseless(c: number): boolean {
  return c >= 128 && isLetter(c) && !isUpper(c) && !isLower(c)
}

/** Code points the scanner compares against. */
export const Ch = {
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
export function isBangOrQuestion(c: number): boolean {
  return c === Ch.Bang || c === Ch.Question || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049
}

/**
 * Full stops of scripts that do not put a space after them (CJK, Ethiopic, Myanmar) or that have no
 * case to tell a sentence start (Devanagari, Arabic, Urdu): each one ends a sentence by itself.
 */
export function isScriptTerminal(c: number): boolean {
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

export function isDash(c: number): boolean {
  return c === Ch.Hyphen || c === Ch.EnDash || c === Ch.EmDash || c === Ch.HorizontalBar || c === 0x2012 || c === 0x2212
}

/** List bullets: each one starts a new item even in the middle of a line. */
export function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x2023 || c === 0x2043 || c === 0x25e6 || c === 0x25aa || c === 0x25cf || c === 0x25a0 || c === 0x25ba
}

/** Decorative rules ("_____", "////", "-----") are trimmed from the ends of a sentence. */
export function isRuleChar(c: number): boolean {
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
export function isCloser(c: number): boolean {
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
export function isAmbiguousCloser(c: number): boolean {
  return c === Ch.Quote || c === Ch.Apostrophe || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039
}

export function isOpener(c: number): boolean {
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

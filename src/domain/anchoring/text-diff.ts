import DiffMatchPatch from 'diff-match-patch'

/**
 * A word-level diff of two versions of an article, and the mappings between them that re-anchoring
 * and the "What changed" view need. The diff itself is diff-match-patch's (Myers' algorithm with
 * its semantic clean-up); words rather than characters are compared, so an edit reads as whole
 * words replaced, and a 2-million-character article is a few hundred thousand tokens, not millions.
 */

const DIFF_DELETE = -1
const DIFF_INSERT = 1

/** Words (with the dots, commas and apostrophes inside them: "4.1", "1,200", "don't"), runs of space, single other marks. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,'’][\p{L}\p{M}\p{N}]+)*|\s+|[^\s\p{L}\p{M}\p{N}]/gu

/**
 * diff-match-patch compares strings, so each distinct token stands for one UTF-16 unit (its
 * line-mode trick, applied to words). Units from U+0100 up, skipping the surrogates, leave room
 * for 63,000 distinct words; an article with more is diffed character by character.
 */
const FIRST_UNIT = 0x100
const SURROGATES = { from: 0xd800, to: 0xdfff }
const MAX_DISTINCT_TOKENS = 0xffff - FIRST_UNIT - (SURROGATES.to - SURROGATES.from + 1)
/** diff-match-patch gives up looking for the shortest diff after this long and returns a correct, longer one. */
const DIFF_TIMEOUT_S = 5

export interface Tokens {
  /** Where each token starts in the text; one more entry at the end: the text's length. */
  starts: number[]
}

/** A stretch of the two versions: the same in both, or what one had and the other has instead. */
export interface Hunk {
  kind: 'equal' | 'change'
  /** Token ranges [from, to) in the old and the new version. */
  old: { from: number; to: number }
  new: { from: number; to: number }
}

export interface TextDiff {
  oldText: string
  newText: string
  oldTokens: Tokens
  newTokens: Tokens
  hunks: Hunk[]
  /** For each old token, the new token it is (equal hunks), or -1 when it was deleted or replaced. */
  oldToNew: Int32Array
}

export function tokenize(text: string): Tokens {
  const starts: number[] = []
  for (const match of text.matchAll(TOKEN)) starts.push(match.index)
  starts.push(text.length)
  return { starts }
}

function unit(index: number): string {
  const code = FIRST_UNIT + index
  return String.fromCharCode(code >= SURROGATES.from ? code + (SURROGATES.to - SURROGATES.from + 1) : code)
}

function encode(text: string, tokens: Tokens, codes: Map<string, string>): string | null {
  let out = ''
  for (let i = 0; i + 1 < tokens.starts.length; i++) {
    const token = text.slice(tokens.starts[i], tokens.starts[i + 1])
    let code = codes.get(token)
    if (code === undefined) {
      if (codes.size >= MAX_DISTINCT_TOKENS) return null
      code = unit(codes.size)
      codes.set(token, code)
    }
    out += code
  }
  return out
}

function dmp(): DiffMatchPatch {
  const engine = new DiffMatchPatch()
  engine.Diff_Timeout = DIFF_TIMEOUT_S
  return engine
}

/** Each character its own token: the fallback for texts with more distinct words than units to stand for them. */
function characterTokens(text: string): Tokens {
  return { starts: Array.from({ length: text.length + 1 }, (_, i) => i) }
}

export function diffTexts(oldText: string, newText: string): TextDiff {
  let oldTokens = tokenize(oldText)
  let newTokens = tokenize(newText)
  const codes = new Map<string, string>()
  let a = encode(oldText, oldTokens, codes)
  let b = a === null ? null : encode(newText, newTokens, codes)
  if (a === null || b === null) {
    oldTokens = characterTokens(oldText)
    newTokens = characterTokens(newText)
    a = oldText
    b = newText
  }
  const engine = dmp()
  const diffs = engine.diff_main(a, b, false)
  // Merges the small equalities (a space, "the") left between edits, so a reworded sentence is one change.
  engine.diff_cleanupSemantic(diffs)
  const hunks: Hunk[] = []
  const oldToNew = new Int32Array(oldTokens.starts.length - 1).fill(-1)
  let o = 0
  let n = 0
  for (const [op, chunk] of diffs) {
    const length = chunk.length
    if (op === DIFF_DELETE || op === DIFF_INSERT) {
      const last = hunks.at(-1)
      const hunk = last?.kind === 'change' ? last : { kind: 'change' as const, old: { from: o, to: o }, new: { from: n, to: n } }
      if (hunk !== last) hunks.push(hunk)
      if (op === DIFF_DELETE) hunk.old.to = o += length
      else hunk.new.to = n += length
      continue
    }
    for (let k = 0; k < length; k++) oldToNew[o + k] = n + k
    hunks.push({ kind: 'equal', old: { from: o, to: o + length }, new: { from: n, to: n + length } })
    o += length
    n += length
  }
  return { oldText, newText, oldTokens, newTokens, hunks, oldToNew }
}

/** The token holding character `offset` (the last token for the text's end). */
export function tokenAt(tokens: Tokens, offset: number): number {
  const starts = tokens.starts
  let lo = 0
  let hi = starts.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}

function hunkOf(diff: TextDiff, oldToken: number): Hunk | undefined {
  const { hunks } = diff
  let lo = 0
  let hi = hunks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const hunk = hunks[mid]
    if (!hunk) break
    if (oldToken < hunk.old.from) hi = mid - 1
    // A pure insertion (an empty old range) never holds an old token; the hunk after it starts at the same place.
    else if (oldToken >= hunk.old.to) lo = mid + 1
    else return hunk
  }
  return undefined
}

/**
 * Where the range [start, end) of the old text lies in the new one, by the diff: text kept maps to
 * itself; a boundary inside replaced text takes in the whole replacement (a reworded first or last
 * word belongs to the claim), while text only inserted at a boundary stays outside. Null when the
 * range is not in the new text at all (it was deleted and nothing took its place).
 */
export function projectRange(diff: TextDiff, start: number, end: number): { start: number; end: number } | null {
  const first = tokenAt(diff.oldTokens, start)
  const last = tokenAt(diff.oldTokens, Math.max(start, end - 1))
  const from = newBoundary(diff, first, 'start')
  const to = newBoundary(diff, last, 'end')
  if (from === null || to === null || to <= from) return null
  return { start: from, end: to }
}

function newBoundary(diff: TextDiff, oldToken: number, side: 'start' | 'end'): number | null {
  const starts = diff.newTokens.starts
  const mapped = diff.oldToNew[oldToken] ?? -1
  if (mapped >= 0) return side === 'start' ? (starts[mapped] ?? null) : (starts[mapped + 1] ?? null)
  const hunk = hunkOf(diff, oldToken)
  if (!hunk) return null
  // Deleted with nothing in its place: the range starts after, or ends before, the gap.
  if (hunk.new.from === hunk.new.to) return starts[hunk.new.from] ?? null
  return side === 'start' ? (starts[hunk.new.from] ?? null) : (starts[hunk.new.to] ?? null)
}

/** Whether every token of the old range [start, end) survives unchanged, in one piece, at `newStart` in the new text. */
export function keptInPlace(diff: TextDiff, start: number, end: number, newStart: number): boolean {
  const first = tokenAt(diff.oldTokens, start)
  const last = tokenAt(diff.oldTokens, Math.max(start, end - 1))
  const mappedFirst = diff.oldToNew[first] ?? -1
  if (mappedFirst < 0) return false
  for (let t = first; t <= last; t++) if ((diff.oldToNew[t] ?? -1) !== mappedFirst + (t - first)) return false
  const offsetInToken = start - (diff.oldTokens.starts[first] ?? 0)
  return (diff.newTokens.starts[mappedFirst] ?? -1) + offsetInToken === newStart
}

/** One stretch of the "What changed" view: text both versions share, or text only the old or only the new one has. */
export interface DiffSegment {
  op: 'equal' | 'delete' | 'insert'
  text: string
  /** Where the text is in the version that has it: the old one for deletions, the new one otherwise. */
  start: number
}

/** The diff as segments in reading order, a deletion before the insertion that replaced it. */
export function diffSegments(diff: TextDiff): DiffSegment[] {
  const segments: DiffSegment[] = []
  const oldAt = (t: number): number => diff.oldTokens.starts[t] ?? diff.oldText.length
  const newAt = (t: number): number => diff.newTokens.starts[t] ?? diff.newText.length
  for (const hunk of diff.hunks) {
    if (hunk.kind === 'equal') {
      segments.push({ op: 'equal', text: diff.newText.slice(newAt(hunk.new.from), newAt(hunk.new.to)), start: newAt(hunk.new.from) })
      continue
    }
    if (hunk.old.to > hunk.old.from)
      segments.push({ op: 'delete', text: diff.oldText.slice(oldAt(hunk.old.from), oldAt(hunk.old.to)), start: oldAt(hunk.old.from) })
    if (hunk.new.to > hunk.new.from)
      segments.push({ op: 'insert', text: diff.newText.slice(newAt(hunk.new.from), newAt(hunk.new.to)), start: newAt(hunk.new.from) })
  }
  return segments
}

/** Levenshtein distance by diff-match-patch, over characters. */
export function editDistance(a: string, b: string): number {
  const engine = dmp()
  return engine.diff_levenshtein(engine.diff_main(a, b, false))
}

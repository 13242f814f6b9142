import { splitSentences, type SentenceSpan } from '../text/segment'
import { quoteSelector } from './selectors'
import { inPlaceSimilarity, similarity, wordBag, wordOverlap } from './similarity'
import { diffTexts, keptInPlace, projectRange, tokenAt, type TextDiff } from './text-diff'

/**
 * Finds each claim again in a newer version of its article. A claim is looked for by its quote
 * with the text either side and its position (the W3C TextQuoteSelector and TextPositionSelector),
 * in three steps, each trusted less than the one before and so held to a higher bar:
 *
 * 1. the exact quote: where the edit left it ("unchanged"), or elsewhere ("moved"), the copy with
 *    the closest context chosen when the quote occurs more than once;
 * 2. the place the word diff puts it, when its words changed there (a typo fixed, a figure
 *    corrected, a sentence reworded): "changed" when it is still alike enough;
 * 3. new text anywhere in the article that is very like it and has its context (a moved paragraph
 *    that was also edited): "changed".
 *
 * Anything else is "gone": a claim is never guessed onto a sentence that may say something else.
 * Steps 2 and 3 never take a passage that is more like another sentence of the old version than
 * like the claim: when one of two near-twin sentences is deleted, the one left belongs to its own
 * old self, not to the claim that disappeared. Step 3 also looks only at text the new version
 * added, never at text the diff shows was kept from elsewhere.
 */

export type AnchorState = 'unchanged' | 'moved' | 'changed' | 'gone'

export interface Span {
  start: number
  end: number
  text: string
}

export interface AnchorInput {
  id: string
  start: number
  end: number
  text: string
}

export interface AnchorResult {
  claimId: string
  state: AnchorState
  before: Span
  /** Where the claim is in the new version; null when it is gone. */
  after: Span | null
  /** How alike the quote is before and after: 1 unless it changed. For a gone claim, the closest passage found. */
  similarity: number
}

/**
 * The bars, measured on the edit pairs in tests/fixtures/reanchor (docs/evidence.md): a changed
 * claim in place must be at least IN_PLACE alike by characters or by words; one found elsewhere
 * at least ELSEWHERE by characters, and its context (the text either side) at least CONTEXT alike
 * unless the claim itself is at least ELSEWHERE_ALONE alike. Elsewhere, the best passage must
 * also beat the next best by MARGIN, so of two near-twins neither is chosen.
 */
export const ANCHOR_THRESHOLDS = {
  inPlace: 0.6,
  elsewhere: 0.8,
  elsewhereAlone: 0.9,
  context: 0.5,
  margin: 0.1,
} as const

/** At most this many copies of a repeated quote are weighed. */
const MAX_OCCURRENCES = 200
/** Step 3 compares exactly only the passages whose words overlap most. */
const SHORTLIST = 4

export type AnchorThresholds = { [K in keyof typeof ANCHOR_THRESHOLDS]: number }

export interface ReanchorOptions {
  /** The article's language, for the sentence splitter (ISO 639-1; "und" when unknown). */
  language?: string
  /** Other bars than ANCHOR_THRESHOLDS, for measuring what each one does (scripts/eval-reanchor.ts). */
  thresholds?: Partial<AnchorThresholds>
  /** Leaves out the check that a passage is not rather another old sentence's, to measure what it prevents. */
  withoutRivalCheck?: boolean
}

interface Context {
  diff: TextDiff
  oldSentences: SentenceSpan[]
  newSentences: SentenceSpan[]
  thresholds: AnchorThresholds
  rivalCheck: boolean
  /** For each new token, 1 when the diff shows it as added, 0 when it was kept from the old version. */
  added: Uint8Array
  oldBags: Map<string, number>[]
  newBags: Map<string, number>[]
}

export function reanchorClaims(
  oldText: string,
  newText: string,
  claims: readonly AnchorInput[],
  options: ReanchorOptions = {},
): AnchorResult[] {
  const diff = diffTexts(oldText, newText)
  const oldSentences = splitSentences(oldText, options.language)
  const newSentences = splitSentences(newText, options.language)
  const added = new Uint8Array(diff.newTokens.starts.length - 1).fill(1)
  for (const mapped of diff.oldToNew) if (mapped >= 0) added[mapped] = 0
  const context: Context = {
    diff,
    thresholds: { ...ANCHOR_THRESHOLDS, ...options.thresholds },
    rivalCheck: options.withoutRivalCheck !== true,
    oldSentences,
    newSentences,
    added,
    oldBags: oldSentences.map((s) => wordBag(oldText.slice(s.start, s.end))),
    newBags: newSentences.map((s) => wordBag(newText.slice(s.start, s.end))),
  }
  return claims.map((claim) => reanchorOne(claim, context))
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) }
}

function reanchorOne(claim: AnchorInput, ctx: Context): AnchorResult {
  const before: Span = { start: claim.start, end: claim.end, text: claim.text }
  const { newText } = ctx.diff
  const found = (state: AnchorState, start: number, end: number, score: number): AnchorResult => ({
    claimId: claim.id,
    state,
    before,
    after: span(newText, start, end),
    similarity: score,
  })

  const projected = projectRange(ctx.diff, claim.start, claim.end)
  const exact = exactMatch(claim, ctx, projected)
  if (exact) return found(exact.state, exact.start, exact.start + claim.text.length, 1)

  let closest = 0
  if (projected) {
    const candidate = snapped(claim, trimmed(newText, projected), ctx)
    if (candidate) {
      const score = inPlaceSimilarity(claim.text, newText.slice(candidate.start, candidate.end))
      if (score >= ctx.thresholds.inPlace && !claimedByAnother(claim, candidate, ctx))
        return found('changed', candidate.start, candidate.end, score)
      closest = score
    }
  }

  const elsewhere = bestElsewhere(claim, ctx)
  if (elsewhere) {
    closest = Math.max(closest, elsewhere.score)
    if (elsewhere.accepted && !claimedByAnother(claim, elsewhere, ctx))
      return found('changed', elsewhere.start, elsewhere.end, elsewhere.score)
  }
  return { claimId: claim.id, state: 'gone', before, after: null, similarity: closest }
}

/**
 * The quote's copy in the new text. Of several copies, the one with the most characters still
 * standing right beside it wins (a diff may pair repeated quotes crosswise); then the one the edit
 * left in place; then the one nearest where the diff puts the claim. It is "unchanged" when the
 * edit left it where it was (or only rewrote the text around it), "moved" otherwise.
 */
function exactMatch(
  claim: AnchorInput,
  ctx: Context,
  projected: { start: number; end: number } | null,
): { state: 'unchanged' | 'moved'; start: number } | null {
  const { oldText, newText } = ctx.diff
  const length = claim.text.length
  const occurrences: number[] = []
  for (let at = newText.indexOf(claim.text); at >= 0 && occurrences.length < MAX_OCCURRENCES; at = newText.indexOf(claim.text, at + 1)) {
    occurrences.push(at)
  }
  if (occurrences.length === 0) return null
  const inPlace = (at: number): boolean =>
    keptInPlace(ctx.diff, claim.start, claim.end, at) || (projected !== null && at < projected.end && at + length > projected.start)
  const old = quoteSelector(oldText, claim.start, claim.end)
  let best = { start: occurrences[0] ?? 0, score: -Infinity }
  for (const at of occurrences) {
    const here = quoteSelector(newText, at, at + length)
    const adjacent = commonSuffixLength(old.prefix, here.prefix) + commonPrefixLength(old.suffix, here.suffix)
    const alike = (similarity(old.prefix, here.prefix) + similarity(old.suffix, here.suffix)) / 4
    const near = projected ? 1 - Math.abs(at - projected.start) / (newText.length + 1) : 0
    const score = occurrences.length === 1 ? 0 : adjacent + alike + (inPlace(at) ? 0.1 : 0) + near * 0.01
    if (score > best.score) best = { start: at, score }
  }
  return { state: inPlace(best.start) ? 'unchanged' : 'moved', start: best.start }
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++
  return n
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++
  return n
}

function trimmed(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = range
  while (start < end && /\s/.test(text.charAt(start))) start++
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  return { start, end }
}

/** The old sentences a claim covers exactly, as [first, last] indexes; null for a claim that is part of a sentence. */
function wholeSentences(claim: AnchorInput, sentences: readonly SentenceSpan[]): { first: number; last: number } | null {
  const first = sentences.findIndex((s) => s.start === claim.start)
  if (first < 0) return null
  for (let last = first; last < sentences.length; last++) {
    const sentence = sentences[last]
    if (!sentence || sentence.start >= claim.end) break
    if (sentence.end === claim.end) return { first, last }
  }
  return null
}

/**
 * A candidate range cut to what the claim was: whole sentences for a claim that was whole
 * sentences (the window of them most like the claim), whole words otherwise.
 */
function snapped(claim: AnchorInput, range: { start: number; end: number }, ctx: Context): { start: number; end: number } | null {
  const { newText } = ctx.diff
  if (range.end <= range.start) return null
  const whole = wholeSentences(claim, ctx.oldSentences)
  if (!whole) return toWords(newText, range)
  const overlapping = ctx.newSentences.filter((s) => s.start < range.end && s.end > range.start)
  if (overlapping.length === 0) return toWords(newText, range)
  const count = whole.last - whole.first + 1
  let best: { start: number; end: number; score: number } | null = null
  for (let i = 0; i < overlapping.length; i++) {
    for (let size = Math.max(1, count - 1); size <= count + 1 && i + size <= overlapping.length; size++) {
      const start = overlapping[i]?.start ?? 0
      const end = overlapping[i + size - 1]?.end ?? 0
      const score = similarity(claim.text, newText.slice(start, end))
      if (!best || score > best.score) best = { start, end, score }
    }
  }
  return best && { start: best.start, end: best.end }
}

function toWords(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = range
  while (start > 0 && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(start - 1)) && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(start))) start--
  while (end < text.length && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(end)) && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(end - 1))) end++
  return trimmed(text, { start, end })
}

/** The share of a new range's tokens the diff shows as added (not kept from the old version). */
function addedShare(ctx: Context, start: number, end: number): number {
  const first = tokenAt(ctx.diff.newTokens, start)
  const last = tokenAt(ctx.diff.newTokens, Math.max(start, end - 1))
  let count = 0
  for (let t = first; t <= last; t++) count += ctx.added[t] ?? 0
  return count / (last - first + 1)
}

/**
 * Step 3: the added passage most like the claim, anywhere in the new text. For a claim that is
 * part of a sentence, its sentence is looked for and the claim then found inside it by the diff.
 */
function bestElsewhere(claim: AnchorInput, ctx: Context): { start: number; end: number; score: number; accepted: boolean } | null {
  const { oldText, newText } = ctx.diff
  const whole = wholeSentences(claim, ctx.oldSentences)
  const container = whole ? null : ctx.oldSentences.find((s) => s.start <= claim.start && s.end >= claim.end)
  const target = container ? oldText.slice(container.start, container.end) : claim.text
  const count = whole ? whole.last - whole.first + 1 : 1
  const targetBag = wordBag(target)
  const windows: { start: number; end: number; overlap: number }[] = []
  const sentences = ctx.newSentences
  for (let i = 0; i < sentences.length; i++) {
    const bag = new Map<string, number>()
    for (let size = 1; size <= count + 1 && i + size <= sentences.length; size++) {
      for (const [word, n] of ctx.newBags[i + size - 1] ?? []) bag.set(word, (bag.get(word) ?? 0) + n)
      if (size < Math.max(1, count - 1)) continue
      const start = sentences[i]?.start ?? 0
      const end = sentences[i + size - 1]?.end ?? 0
      windows.push({ start, end, overlap: wordOverlap(targetBag, bag) })
    }
  }
  const shortlist = windows
    .filter((w) => addedShare(ctx, w.start, w.end) >= 0.5)
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, SHORTLIST)
    .map((w) => ({ ...w, score: similarity(target, newText.slice(w.start, w.end)) }))
    .sort((a, b) => b.score - a.score)
  const best = shortlist[0]
  if (!best) return null
  // Windows that share a sentence with the best are the same place, not a rival.
  const rival = shortlist.find((w) => w.end <= best.start || w.start >= best.end)
  const bars = ctx.thresholds
  const clear = !rival || best.score - rival.score >= bars.margin
  const oldContext = quoteSelector(oldText, container?.start ?? claim.start, container?.end ?? claim.end)
  const newContext = quoteSelector(newText, best.start, best.end)
  const contextScore = Math.max(similarity(oldContext.prefix, newContext.prefix), similarity(oldContext.suffix, newContext.suffix))
  const supported = contextScore >= bars.context || best.score >= bars.elsewhereAlone
  let place = { start: best.start, end: best.end, score: best.score }
  if (container) {
    // The claim inside its sentence, found by diffing the old sentence against the new one.
    const inner = diffTexts(target, newText.slice(best.start, best.end))
    const range = projectRange(inner, claim.start - container.start, claim.end - container.start)
    if (!range) return { ...place, accepted: false }
    const local = toWords(newText, { start: best.start + range.start, end: best.start + range.end })
    place = { ...local, score: similarity(claim.text, newText.slice(local.start, local.end)) }
  }
  const accepted = best.score >= bars.elsewhere && clear && supported && place.score >= bars.inPlace
  return { ...place, accepted }
}

/** The old sentences [first, last] a range lies in. */
function sentencesOver(sentences: readonly SentenceSpan[], start: number, end: number): { first: number; last: number } | null {
  const first = sentences.findIndex((s) => s.end > start)
  if (first < 0 || (sentences[first]?.start ?? Infinity) >= end) return null
  let last = first
  while ((sentences[last + 1]?.start ?? Infinity) < end) last++
  return { first, last }
}

/**
 * Whether the passage found for a claim is rather another sentence of the old version, kept or
 * edited: the old sentences the claim lay in are compared with the new sentences the passage lies
 * in, and so is every other run of as many old sentences whose words overlap most. Another run
 * more like the new passage than the claim's own means the passage is that run's, not the claim's.
 */
function claimedByAnother(claim: AnchorInput, found: { start: number; end: number }, ctx: Context): boolean {
  if (!ctx.rivalCheck) return false
  const { oldText, newText } = ctx.diff
  const own = sentencesOver(ctx.oldSentences, claim.start, claim.end)
  const now = sentencesOver(ctx.newSentences, found.start, found.end)
  if (!own || !now) return false
  const ownStart = ctx.oldSentences[own.first]?.start ?? claim.start
  const ownEnd = ctx.oldSentences[own.last]?.end ?? claim.end
  const passage = newText.slice(ctx.newSentences[now.first]?.start ?? found.start, ctx.newSentences[now.last]?.end ?? found.end)
  const ownScore = inPlaceSimilarity(oldText.slice(ownStart, ownEnd), passage)
  const size = own.last - own.first + 1
  const passageBag = wordBag(passage)
  const rivals: { start: number; end: number; overlap: number }[] = []
  for (let i = 0; i + size <= ctx.oldSentences.length; i++) {
    if (i <= own.last && i + size - 1 >= own.first) continue
    const bag = new Map<string, number>()
    for (let k = i; k < i + size; k++) for (const [word, n] of ctx.oldBags[k] ?? []) bag.set(word, (bag.get(word) ?? 0) + n)
    rivals.push({
      start: ctx.oldSentences[i]?.start ?? 0,
      end: ctx.oldSentences[i + size - 1]?.end ?? 0,
      overlap: wordOverlap(passageBag, bag),
    })
  }
  return rivals
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, SHORTLIST)
    .some((rival) => inPlaceSimilarity(oldText.slice(rival.start, rival.end), passage) > ownScore)
}

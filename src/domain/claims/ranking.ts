import { isPositive } from './kinds'

/** Most decimals of a percentage a score is shown with ("99.9955"). */
const MAX_DECIMALS = 4

/**
 * How a check-worthiness score is shown: a percentage with one decimal ("87.4"), and near 0 or 100
 * as many more decimals (up to four) as it takes to show two digits of the distance to the end
 * ("99.950", "99.9955"). Scores are calibrated probabilities, and an article's best proposals are
 * legitimately all above 99%: whole percentages put several of them at 100 and left "By
 * check-worthiness" nothing to order them by.
 */
export function formatScore(score: number): string {
  return (score * 100).toFixed(scoreDecimals(score))
}

/** How many decimals of its percentage `score` is shown with (formatScore's rule), for a locale's formatter. */
export function scoreDecimals(score: number): number {
  const percent = score * 100
  const distance = Math.min(percent, 100 - percent)
  let decimals = 1
  while (decimals < MAX_DECIMALS && distance > 0 && distance < 10 ** (1 - decimals)) decimals++
  return decimals
}

/** The score as displayed, as a number (87.4 for 0.87382): what ties are judged on. */
export const displayedScore = (score: number): number => Number(formatScore(score))

/** A score kept to the resolution it can be displayed at (six decimals of the probability). */
export const roundScore = (score: number): number => Math.round(score * 1e6) / 1e6

/** Kinds of positive evidence a proposal holds, each counted once ("figure" twice is still one). */
export function evidenceKinds(reasons: readonly { kind: string }[]): number {
  return new Set(reasons.filter((r) => isPositive(r.kind)).map((r) => r.kind)).size
}

export interface Rankable {
  score: number | null
  start: number
  reasons: readonly { kind: string }[]
}

/**
 * "By check-worthiness": the higher displayed score first; where two show the same score, the one
 * with more independent kinds of evidence, then the one earlier in the article.
 */
export function compareByCheckworthiness(a: Rankable, b: Rankable): number {
  const byScore = displayedScore(b.score ?? -1) - displayedScore(a.score ?? -1)
  if (byScore !== 0) return byScore
  return evidenceKinds(b.reasons) - evidenceKinds(a.reasons) || a.start - b.start
}

/** How many proposals share the top displayed score (0 when there are none). */
export function topScoreTies(scores: readonly number[]): number {
  if (scores.length === 0) return 0
  const shown = scores.map(displayedScore)
  const top = Math.max(...shown)
  return shown.filter((s) => s === top).length
}

/**
 * The most proposals of one article that may share the top displayed score: a tenth of them, and
 * never fewer than one (with fewer than twenty proposals, only one may show the top score).
 */
export const allowedTopTies = (proposals: number): number => Math.max(1, Math.floor(proposals / 10))

/**
 * Reasons as the claim panel lists them: each kind once, with all its spans in order ("figure: 40
 * people, 12 km"), positive kinds first, then in order of their first span.
 */
export function groupReasons<R extends { kind: string; start: number }>(reasons: readonly R[]): { kind: string; spans: R[] }[] {
  const groups = new Map<string, R[]>()
  for (const reason of [...reasons].sort((a, b) => a.start - b.start)) {
    const spans = groups.get(reason.kind)
    if (spans) spans.push(reason)
    else groups.set(reason.kind, [reason])
  }
  return [...groups.entries()]
    .map(([kind, spans]) => ({ kind, spans }))
    .sort((a, b) => Number(isPositive(b.kind)) - Number(isPositive(a.kind)))
}

import { newId } from '../ids'
import { unattributed, type Claim, type Reason } from '../project/schema'
import { splitSentences } from '../text/segment'
import { claimantFromSpan, claimantsOf, type Claimant } from './claimant'
import { scoreSentence, type CheckworthinessModel } from './model'
import { roundScore } from './ranking'

/** A sentence of an article with its check-worthiness; offsets, reasons and claimant included, are article offsets. */
export interface ScoredSentence {
  start: number
  end: number
  score: number
  checkworthy: boolean
  reasons: Reason[]
  /** Who the statement is attributed to, or null for the outlet's own statement. */
  claimant: Claimant | null
}

/** The schema caps a reason's text; a quotation longer than that is cut at the cap. */
const REASON_TEXT_MAX = 2000

/**
 * Every sentence of `text` scored, in order: what the UI shows when a checker promotes a sentence
 * that was not proposed.
 */
export function scoreSentences(text: string, language: string, model: CheckworthinessModel): ScoredSentence[] {
  return scoreSpans(text, splitSentences(text, language), language, model)
}

/** Scores given spans of the text (sentences, or a checker's own selection) as sentences are scored. */
export function scoreSpans(
  text: string,
  spans: readonly { start: number; end: number }[],
  language: string,
  model: CheckworthinessModel,
): ScoredSentence[] {
  const sentences = spans.map(({ start, end }) => text.slice(start, end))
  const scored = sentences.map((sentence) => scoreSentence(sentence, language, model))
  // the `source` reason is the sentence's claimant: found once, then resolved across sentences
  const sources = scored.map(({ reasons }, k): Claimant | null => {
    const source = reasons.find((reason) => reason.kind === 'source')
    return source ? { text: (sentences[k] ?? '').slice(source.start, source.end), start: source.start, end: source.end } : null
  })
  const claimants = claimantsOf(text, spans, language, sources)
  return spans.map(({ start, end }, k) => {
    const sentence = sentences[k] ?? ''
    const { score, checkworthy, reasons } = scored[k] ?? scoreSentence(sentence, language, model)
    return {
      start,
      end,
      claimant: claimants[k] ?? null,
      score: roundScore(score),
      checkworthy,
      reasons: reasons.map((reason) => {
        const to = Math.min(reason.end, reason.start + REASON_TEXT_MAX)
        return { kind: reason.kind, text: sentence.slice(reason.start, to), start: start + reason.start, end: start + to }
      }),
    }
  })
}

/** A proposed claim and who made it; the project file gets a claimant field later, and takes it from here. */
export interface Proposal {
  claim: Claim
  claimant: Claimant | null
}

/** Check-worthy sentences as suggested claims, each with its claimant (offsets into the text). */
export function createProposalFinder(model: CheckworthinessModel): (text: string, language: string, now: string) => Proposal[] {
  return (text, language, now) =>
    scoreSentences(text, language, model)
      .filter((sentence) => sentence.checkworthy)
      .map((sentence) => ({
        claimant: sentence.claimant,
        claim: {
          id: newId('c'),
          text: text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
          origin: 'suggested',
          status: 'suggested',
          score: sentence.score,
          reasons: sentence.reasons,
          verdict: null,
          rationale: '',
          sourceIds: [],
          notes: '',
          checker: '',
          ...unattributed(),
          // Pre-filled from the attribution the engine found ("according to X", "X said"); the checker edits it.
          claimant: claimantFromSpan(sentence.claimant),
          createdAt: now,
          updatedAt: now,
        },
      }))
}

/** The `proposeClaims` hook of newProject: check-worthy sentences become suggested claims. */
export function createClaimProposer(model: CheckworthinessModel): (text: string, language: string, now: string) => Claim[] {
  const find = createProposalFinder(model)
  return (text, language, now) => find(text, language, now).map((proposal) => proposal.claim)
}

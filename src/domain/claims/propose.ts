import { newId } from '../ids'
import { unattributed, type Claim, type Reason } from '../project/schema'
import { splitSentences } from '../text/segment'
import { scoreSentence, type CheckworthinessModel } from './model'

/** A sentence of an article with its check-worthiness; offsets, reasons included, are article offsets. */
export interface ScoredSentence {
  start: number
  end: number
  score: number
  checkworthy: boolean
  reasons: Reason[]
}

/** The schema caps a reason's text; a quotation longer than that is cut at the cap. */
const REASON_TEXT_MAX = 2000

const round = (score: number): number => Math.round(score * 1000) / 1000

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
  return spans.map(({ start, end }) => {
    const sentence = text.slice(start, end)
    const scored = scoreSentence(sentence, language, model)
    return {
      start,
      end,
      score: round(scored.score),
      checkworthy: scored.checkworthy,
      reasons: scored.reasons.map((reason) => {
        const to = Math.min(reason.end, reason.start + REASON_TEXT_MAX)
        return { kind: reason.kind, text: sentence.slice(reason.start, to), start: start + reason.start, end: start + to }
      }),
    }
  })
}

/** The `proposeClaims` hook of newProject: check-worthy sentences become suggested claims. */
export function createClaimProposer(model: CheckworthinessModel): (text: string, language: string, now: string) => Claim[] {
  return (text, language, now) =>
    scoreSentences(text, language, model)
      .filter((sentence) => sentence.checkworthy)
      .map((sentence) => ({
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
        createdAt: now,
        updatedAt: now,
      }))
}

// Shared by the per-language cue lists in this folder: words and phrases that signal why a sentence
// is (or is not) worth checking. Each entry is a regular-expression fragment matched at word
// boundaries, ignoring case; stems end in \p{L}* where the language inflects ("заяви\p{L}*" covers заявив, заявила, заявили).

/** Cue kinds that are matched from word lists. Figures, money, dates, names, quotes and questions are found from the text's shape. */
export type CueKind =
  | 'attribution'
  | 'denial'
  | 'comparison'
  | 'trend'
  | 'causal'
  | 'absolute-claim'
  | 'first-person-opinion'
  | 'pleasantry'
  | 'hedged-prediction'
  | 'call-to-action'
  | 'event-details'
  | 'quantity'
  | 'month'
  | 'institution'
  | 'past-event'

export type CueLists = Partial<Record<CueKind, readonly string[]>>

/**
 * Put before a verb that is a call to action only as the sentence's first word ("Visit our site",
 * "Llama al…"): elsewhere the same word is mostly a noun or another mood ("the president's visit",
 * "la reserva federal", "le leggi approvate"), and a claim must not lose its score for it.
 */
export const opening = (word: string): string => `${word}(?<=^[\\s"'“„«(¡¿•*–—-]*${word})`

/** The words claimant extraction (../claimant.ts) reads: anchors of attribution and what ends a source phrase. */
export interface ClaimantWords {
  /** Phrases the source follows: "according to X", "за словами X". */
  before: readonly string[]
  /** Verbs of saying: the source is the subject before them, or follows them after a quote or comma. */
  verbs: readonly string[]
  /** Words that end a source phrase on either side: conjunctions, pronouns of the content, adjuncts of time and place. */
  stops: readonly string[]
  /** Words that may stand between the source and its verb ("has", "also"). */
  between: readonly string[]
  /** Words a source phrase cannot end with ("of", "the"). */
  dangling: readonly string[]
  pronouns: readonly string[]
  /** "за його словами", "по её словам": a possessive pronoun stands for the source. */
  possessive?: readonly string[]
  /** Bodies named after "в"/"у" in lower case ("повідомили в пресслужбі"), besides the institution cues. */
  bodies?: readonly string[]
}

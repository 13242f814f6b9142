// Shared by the per-language cue lists in this folder: words and phrases that signal why a sentence
// is (or is not) worth checking. Each entry is a regular-expression fragment matched at word
// boundaries, ignoring case; stems end in \p{L}* where the language inflects ("заяви\p{L}*" covers заявив, заявила, заявили).

/** Cue kinds that are matched from word lists. Figures, money, dates, names, quotes and questions are found from the text's shape. */
export type CueKind =
  | 'attribution'
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

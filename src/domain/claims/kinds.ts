// The kinds of reason the claim engine gives, in a module of their own so that the renderer can
// rank and group reasons without loading the sentence splitter and the cue lists.

/** Evidence that makes a sentence worth checking. */
export const POSITIVE_KINDS = [
  'figure',
  'quantity',
  'percentage',
  'money',
  'date',
  'named-entity',
  'institution',
  'attribution',
  /** A denial with its speaker ("the ministry denied…", "опроверг"): a statement on the record. */
  'denial',
  'quotation',
  'comparison',
  'trend',
  'causal',
  'absolute-claim',
  'past-event',
  /** A named office or body, a past-tense action and its object ("Президент підписав закон"), in the rules-only languages. */
  'event',
  /** Who the statement is attributed to ("the finance minister said", "за словами міністра"). */
  'source',
] as const

/** Evidence that it is not: questions, opinions, courtesies, promotion and practical details. */
export const NEGATIVE_KINDS = [
  'question',
  'imperative',
  'first-person-opinion',
  'pleasantry',
  'hedged-prediction',
  'call-to-action',
  'event-details',
  'contact-details',
  'dateline',
] as const

export type ReasonKind = (typeof POSITIVE_KINDS)[number] | (typeof NEGATIVE_KINDS)[number]

const POSITIVE = new Set<string>(POSITIVE_KINDS)
export const isPositive = (kind: string): boolean => POSITIVE.has(kind) || kind === 'wording'

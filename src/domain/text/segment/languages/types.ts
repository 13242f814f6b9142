/**
 * What the sentence scanner knows about one language. Word lists are space-separated strings so the
 * data reads like a dictionary page; abbreviations are written without their final full stop.
 */
export interface LanguageData {
  /** Abbreviations written before a name or a number; they never end a sentence ("Mr.", "вул."). Matched as written, and capitalised. */
  titles: string
  /** Abbreviations that end a sentence only before a typical sentence opener ("Co. It…", "млн. В…"). Matched ignoring case. */
  abbreviations: string
  /** Abbreviations that never end a sentence ("e.g.", "vs.", "г."). Matched ignoring case. */
  neverEnd?: string
  /** Words that typically open a sentence: after an abbreviation they mark a boundary ("in the U.S. The…"). */
  starters: string
  /** A number followed by a full stop is an ordinal ("am 23. Mai"), not the end of a sentence. */
  ordinalDot?: boolean
  /** Names written with "!" that do not end a sentence ("Yahoo!"). */
  exclamationNames?: string
  /** Characters that end a sentence in this language besides . ! ? (Greek ";", Armenian ":"). */
  extraTerminals?: string
  /** False where "." is used inside sentences rather than at their end (Armenian). */
  periodEnds?: boolean
}

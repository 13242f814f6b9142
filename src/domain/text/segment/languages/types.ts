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
  /**
   * Unit and magnitude abbreviations written after a number ("10 тис.", "5 млн.", "300 м."): after a
   * number they end a sentence before a capital ("…5 млн. Уряд…") and never before lower case ("10 тис. осіб").
   * Elsewhere they keep the class the other lists give them ("м. Київ" stays a title).
   */
  afterNumber?: string
  /**
   * Year and century abbreviations after a number ("2025 р.", "XIX ст."): like `afterNumber`, except
   * where the sentence opens with the date ("У 2014 р. Росія анексувала Крим").
   */
  years?: string
  /** "etc." forms that close a list ("і т.д.", "и др."): they end a sentence before any capital. */
  listEnds?: string
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

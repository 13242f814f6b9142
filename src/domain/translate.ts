/**
 * Looks up a catalogue message by key and fills in its ICU arguments. The domain never holds
 * translation state: whoever renders (the engine, the CLI, the UI) passes one in, so a report is
 * written in the language the checker chose for it.
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string

/** The language a report or screen is written in, with its `t`. */
export interface Translator {
  /** BCP 47 tag of the catalogue in use ("uk", "en"): for `Intl` formatting and `lang` attributes. */
  language: string
  t: Translate
}

import i18next, { type i18n as I18n, type Module } from 'i18next'
import ICU from 'i18next-icu'
import type { Translator } from '@domain/translate'
import { pseudoCatalogue, PSEUDO_LANGUAGE } from './pseudo'

/** One language's messages, nested by screen or feature (`library.title`, `errors.NOT_FOUND`). */
export interface Catalogue {
  [key: string]: string | Catalogue
}

/** Every catalogue an edition found, by language tag (the file name without `.json`). */
export type Catalogues = Record<string, Catalogue>

/** English is the source of every key and what a missing message falls back to. */
export const SOURCE_LANGUAGE = 'en'

/** The catalogues with the generated pseudo-locale added; it is never listed for checkers to choose. */
export function withPseudo(catalogues: Catalogues): Catalogues {
  const source = catalogues[SOURCE_LANGUAGE]
  return source ? { ...catalogues, [PSEUDO_LANGUAGE]: pseudoCatalogue(source) } : catalogues
}

/**
 * The shipped language best matching the checker's preferences ("uk-UA" picks "uk"), else English.
 * Intl.LocaleMatcher is not in Node 20 or Electron's Chromium yet, hence this short lookup.
 */
export function matchLanguage(available: readonly string[], preferred: readonly string[]): string {
  const lower = new Map(available.map((tag) => [tag.toLowerCase(), tag]))
  for (const wanted of preferred) {
    const tag = wanted.toLowerCase()
    const found = lower.get(tag) ?? lower.get(tag.split('-')[0] ?? '')
    if (found) return found
  }
  return SOURCE_LANGUAGE
}

/** The app's own language: the checker's choice in Settings when a catalogue has it, else the system's (as the renderer chooses). */
export function appLanguage(catalogues: Catalogues, chosen: string, systemLanguage: string | undefined): string {
  return chosen in catalogues ? chosen : matchLanguage(shippedLanguages(catalogues), systemLanguage ? [systemLanguage] : [])
}

/** The languages a checker can choose: every catalogue but the pseudo-locale, English first. */
export function shippedLanguages(catalogues: Catalogues): string[] {
  return Object.keys(catalogues)
    .filter((tag) => tag !== PSEUDO_LANGUAGE)
    .sort((a, b) => (a === SOURCE_LANGUAGE ? -1 : b === SOURCE_LANGUAGE ? 1 : a.localeCompare(b)))
}

/** A language's own name for itself ("українська"), as the Settings list shows it. */
export function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1)
}

/**
 * An i18next instance reading ICU MessageFormat (`{count, plural, one {…} few {…} many {…}}`),
 * initialised synchronously so the first render and the first report already speak the language.
 */
export function createI18n(catalogues: Catalogues, language: string, plugins: readonly Module[] = []): I18n {
  const instance = i18next.createInstance()
  instance.use(ICU)
  for (const plugin of plugins) instance.use(plugin)
  void instance.init({
    initAsync: false,
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: Object.keys(catalogues),
    resources: Object.fromEntries(Object.entries(catalogues).map(([tag, catalogue]) => [tag, { translation: catalogue }])),
    // React and the report templates escape what they render; escaping here would escape twice.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}

/** A fixed-language `t` for one report or one CLI run. */
export function translatorFor(catalogues: Catalogues, language: string): Translator {
  const tag = language in catalogues ? language : matchLanguage(Object.keys(catalogues), [language])
  const instance = createI18n(catalogues, tag)
  return { language: tag, t: (key, params) => instance.t(key, params ?? {}) }
}

import { initReactI18next } from 'react-i18next'
import { setUiLanguage, uiLanguage } from './language'
import { createI18n, matchLanguage, shippedLanguages, withPseudo, type Catalogue, type Catalogues } from '@contract/i18n/translator'

// Every catalogue in resources/locales is bundled: a new xx.json is a new language, no code change.
const files = import.meta.glob<Catalogue>('../../../resources/locales/*.json', { eager: true, import: 'default' })

export const catalogues: Catalogues = withPseudo(
  Object.fromEntries(Object.entries(files).map(([path, catalogue]) => [path.replace(/^.*\/|\.json$/g, ''), catalogue])),
)

/** The languages the Settings list offers, English first. */
export const LANGUAGES = shippedLanguages(catalogues)

/**
 * The checker's choice when they made one (the pseudo-locale, never listed, only by writing it in
 * settings.json, as the layout tests do), else the system's: Electron's app.getLocale() on the desktop, the
 * browser's languages in the browser edition.
 */
export function resolveLanguage(chosen: string | undefined, systemLanguage: string | undefined): string {
  if (chosen && chosen in catalogues) return chosen
  return matchLanguage(LANGUAGES, [...(systemLanguage ? [systemLanguage] : []), ...navigator.languages])
}

export const i18n = createI18n(catalogues, resolveLanguage(undefined, undefined), [initReactI18next])
document.documentElement.lang = i18n.language
setUiLanguage(i18n.language)

/** Switches every screen at once, without a reload: the open project and selection stay as they are. */
export function applyLanguage(language: string): void {
  document.documentElement.lang = language
  setUiLanguage(language)
  if (i18n.language !== language) void i18n.changeLanguage(language)
}

export { uiLanguage }

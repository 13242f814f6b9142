let current = 'en'

/** The language screens are shown in, for Intl formatting and sorting (set by i18n.ts when it switches). */
export function uiLanguage(): string {
  return current
}

export function setUiLanguage(language: string): void {
  current = language
}

import { useTranslation } from 'react-i18next'
import type { ReadOnlyState } from '@contract/api'
import { SOURCE_LANGUAGE } from '@contract/i18n/translator'

type T = (key: string, params?: Record<string, string>) => string

/**
 * The engine's sentence names the exact file and cause: shown as it is while the app speaks
 * English, otherwise the catalogue's sentence built from what the contract gives.
 */
export function useEngineSentence(): (english: string, translated: () => string) => string {
  const { i18n } = useTranslation()
  return (english, translated) => (i18n.resolvedLanguage === SOURCE_LANGUAGE ? english : translated())
}

/** The folder of a project path, on either kind of separator; the engine names it in the read-only sentence. */
function folderOf(path: string): string {
  return path.replace(/[\\/][^\\/]*$/, '') || path
}

/** "Ana (ana on laptop, the desktop app, since 14:05 UTC)" in the app's language; the engine's English for a state saved without the data. */
function holderName(readOnly: ReadOnlyState, t: T): string {
  if (!readOnly.by) return readOnly.holder ?? ''
  return t('banners.holder', { ...readOnly.by, since: readOnly.by.since || 'none' })
}

/** Why the project is read-only, in the app's language (the banner and the top bar's Read-only say the same). */
export function readOnlySentence(readOnly: ReadOnlyState, path: string, t: T): string {
  switch (readOnly.reason) {
    case 'file-read-only':
      return t('banners.readOnlyFile')
    case 'folder-read-only':
      return t('banners.readOnlyFolder', { folder: folderOf(path) })
    case 'locked':
      return t('banners.readOnlyLocked', { holder: holderName(readOnly, t) })
    case 'taken-over':
      return readOnly.holder ? t('banners.readOnlyTakenOver', { holder: holderName(readOnly, t) }) : t('banners.readOnlyTakenOverUnknown')
  }
}

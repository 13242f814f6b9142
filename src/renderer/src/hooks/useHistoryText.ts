import { useTranslation } from 'react-i18next'
import { historyText } from '@contract/i18n/history-text'
import { uiLanguage } from '../language'

/** Renders a history entry or undo step in the app's language (the stored English when it is not in a format this Factdesk writes). */
export function useHistoryText(): (entry: { action: string; summary: string }) => string {
  const { t } = useTranslation()
  return (entry) => historyText(entry, { language: uiLanguage(), t: (key, params) => t(key, params ?? {}) })
}

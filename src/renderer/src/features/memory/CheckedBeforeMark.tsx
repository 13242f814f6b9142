import type { SeenBeforeItem } from '@contract/memory'
import { itemOrigin } from './memory-links'
import { useTranslation } from 'react-i18next'

/** A claim's mark in the list when an earlier check covers it closely. */
export function CheckedBeforeMark({ item }: { item: SeenBeforeItem }) {
  const { t } = useTranslation()
  const origin = itemOrigin(item, t)
  const said = item.verdict
    ? t('memory.checkedBeforeVerdict', { verdict: item.verdict, origin })
    : t('memory.checkedBeforeOrigin', { origin })
  return (
    <span className="checked-before" title={said} aria-label={said}>
      {t('memory.checkedBefore')}
      {item.verdict && <span translate="no">{` · ${item.verdict}`}</span>}
    </span>
  )
}

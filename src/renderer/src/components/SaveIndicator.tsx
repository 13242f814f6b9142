import { useApp } from '../store'
import { useTranslation } from 'react-i18next'

/** Saved / Saving / Error, always visible in the project's top bar. */
export function SaveIndicator() {
  const { t } = useTranslation()
  const save = useApp((s) => s.save)
  const readOnly = useApp((s) => s.current?.readOnly ?? null)
  if (!save) return null
  if (readOnly && save.state === 'saved') {
    return (
      <span className="save-indicator save-readonly" role="status" title={readOnly.message}>
        {t('save.readOnly')}
      </span>
    )
  }
  return (
    <>
      <span className={`save-indicator save-${save.state}`} role="status" title={save.message ?? undefined}>
        {t(`save.${save.state}`)}
      </span>
      {save.warning && (
        <span className="save-warning" role="note" title={save.warning}>
          {t('save.nearLimit')}
        </span>
      )}
    </>
  )
}

import { useApp } from '../store'
import { useTranslation } from 'react-i18next'
import { readOnlySentence, useEngineSentence } from './engine-sentences'

/** Saved / Saving / Error, always visible in the project's top bar. */
export function SaveIndicator() {
  const { t } = useTranslation()
  const save = useApp((s) => s.save)
  const readOnly = useApp((s) => s.current?.readOnly ?? null)
  const path = useApp((s) => s.current?.path ?? '')
  const sentence = useEngineSentence()
  if (!save) return null
  // The title says why, as the banner below the top bar does.
  const why =
    save.state === 'conflict'
      ? sentence(save.message ?? '', () => t('banners.conflict', { file: path }))
      : save.state === 'error'
        ? sentence(save.message ?? '', () => t('banners.saveError'))
        : undefined
  if (readOnly && save.state === 'saved') {
    return (
      <span
        className="save-indicator save-readonly"
        role="status"
        title={sentence(readOnly.message, () => readOnlySentence(readOnly, path, t))}
      >
        {t('save.readOnly')}
      </span>
    )
  }
  return (
    <>
      <span className={`save-indicator save-${save.state}`} role="status" title={why}>
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

import { useApp } from '../store'
import { useTranslation } from 'react-i18next'

/** Errors (kept until dismissed) and confirmations (one at a time, fading after a few seconds), read out by screen readers. */
export function Notices() {
  const notices = useApp((s) => s.notices)
  const dismiss = useApp((s) => s.dismissNotice)
  const { t } = useTranslation()
  if (notices.length === 0) return null
  return (
    <div className="notices" role="region" aria-label={t('common.notifications')}>
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.message}</p>
          <button type="button" className="button-quiet" onClick={() => dismiss(notice.id)} aria-label={t('common.dismissNotice')}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

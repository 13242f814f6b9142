import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useApp } from '../store'
import { useDialogStack } from './dialog-stack'

/**
 * Errors (kept until dismissed) and confirmations (one at a time, fading after a few seconds), read
 * out by screen readers; inside the innermost open dialog while one is open (dialog-stack.ts).
 */
export function Notices() {
  const notices = useApp((s) => s.notices)
  const dismiss = useApp((s) => s.dismissNotice)
  const host = useDialogStack((s) => s.open.at(-1))
  const { t } = useTranslation()
  if (notices.length === 0) return null
  const shown = (
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
  return host ? createPortal(shown, host) : shown
}

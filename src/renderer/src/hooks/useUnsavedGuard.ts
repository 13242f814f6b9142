import { useEffect } from 'react'
import { isDesktop } from '../api/client'
import { commitPendingFields, hasPendingFields } from '../components/pending-fields'
import { useApp } from '../store'

/**
 * Nothing typed is lost when the page goes away: hiding or leaving the page commits every text
 * field at once. In the browser edition, closing or reloading the tab while an edit is not yet on
 * disk asks first (the desktop app asks on quit, in the main process).
 */
export function useUnsavedGuard(): void {
  useEffect(() => {
    const commit = (): void => commitPendingFields()
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') commitPendingFields()
    }
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      const state = useApp.getState().save?.state
      if (hasPendingFields() || state === 'saving' || state === 'error' || state === 'conflict') {
        commitPendingFields()
        event.preventDefault()
      }
    }
    window.addEventListener('pagehide', commit)
    document.addEventListener('visibilitychange', onVisibility)
    if (!isDesktop) window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      window.removeEventListener('pagehide', commit)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [])
}

import { useEffect } from 'react'
import { useApp } from '../store'

/** How often an open project is compared with its file (a size-and-time look; the content only when they moved). */
const POLL_MS = 1500

/**
 * Keeps the project on screen in step with its file and with other windows: when the window comes
 * back to the front and every 1.5 s while it is visible, it asks whether the file changed on disk
 * (a sync client, a `git pull`, the checker holding the project in another app) or another window
 * edited it, so the change shows within 2 s and a conflict shows before the next edit.
 */
export function useDiskWatch(path: string): void {
  useEffect(() => {
    const check = (): void => {
      if (document.visibilityState === 'visible') void useApp.getState().checkDisk(path)
    }
    window.addEventListener('focus', check)
    const timer = window.setInterval(check, POLL_MS)
    return () => {
      window.removeEventListener('focus', check)
      window.clearInterval(timer)
    }
  }, [path])
}

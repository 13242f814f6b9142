import { useEffect } from 'react'
import { useApp } from '../store'

/**
 * When the window comes back to the front, asks whether the file changed on disk meanwhile (a
 * sync client, a `git pull`, another window), so a conflict shows before the next edit.
 */
export function useDiskWatch(path: string): void {
  useEffect(() => {
    const check = (): void => void useApp.getState().checkDisk(path)
    window.addEventListener('focus', check)
    return () => window.removeEventListener('focus', check)
  }, [path])
}

import { useEffect } from 'react'
import { useApp } from '../../store'

/** Marks the open project's claims that were checked before, once when it opens (a new project included). */
export function useCheckedBefore(path: string): void {
  const load = useApp((s) => s.loadCheckedBefore)
  useEffect(() => {
    void load(path)
  }, [load, path])
}

import { useEffect, useLayoutEffect, useRef } from 'react'
import { WORKFLOW } from '@domain/project/ops'
import type { Claim, Project } from '@domain/project/schema'
import type { Span } from '../features/article/highlight'
import { useApp } from '../store'

interface ShortcutContext {
  project: Project
  visible: readonly Claim[]
  selected: Claim | null
  articleSelection: Span | null
  takeSelection: (action: 'claim:create' | 'claim:adjust') => Promise<void>
  focusSearch: () => void
  focusRationale: () => void
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The project screen's keyboard: one listener, reading the latest state through a ref so it is
 * registered once. Single keys never fire while the checker types in a field or a dialog is open.
 */
export function useProjectShortcuts(context: ShortcutContext): void {
  const latest = useRef(context)
  useLayoutEffect(() => {
    latest.current = context
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const { project, visible, selected, articleSelection, takeSelection, focusSearch, focusRationale } = latest.current
      const { edit, select, openDialog, dialog } = useApp.getState()
      const mod = event.ctrlKey || event.metaKey
      const key = event.key

      if (mod && !event.altKey) {
        const lower = key.toLowerCase()
        if (lower === 'f') {
          event.preventDefault()
          focusSearch()
        } else if (lower === 'e') {
          event.preventDefault()
          openDialog('export')
        } else if (!isTyping(event.target) && dialog === null && ((lower === 'z' && event.shiftKey) || lower === 'y')) {
          event.preventDefault()
          void edit('project:redo', {})
        } else if (!isTyping(event.target) && dialog === null && lower === 'z') {
          event.preventDefault()
          void edit('project:undo', {})
        }
        return
      }
      if (event.altKey || isTyping(event.target) || dialog !== null) return

      const index = selected ? visible.findIndex((c) => c.id === selected.id) : -1
      const step = (by: 1 | -1): void => {
        const next = visible[index === -1 ? (by > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, index + by))]
        if (next) select(next.id)
      }
      let handled = true
      if (key === 'j' || key === 'ArrowDown') step(1)
      else if (key === 'k' || key === 'ArrowUp') step(-1)
      else if (key === '?') openDialog('shortcuts')
      else if (key === '/') focusSearch()
      else if (key === 'Escape') {
        document.getSelection()?.removeAllRanges()
        select(null)
      } else if (key === 'c' && articleSelection) void takeSelection('claim:create')
      else if (!selected) handled = false
      else if (/^[0-9]$/.test(key)) {
        const label = key === '0' ? null : project.ratingScale.labels[Number(key) - 1]
        if (label === undefined) handled = false
        else void edit('claim:setVerdict', { id: selected.id, verdict: label?.id ?? null })
      } else if (key === 's') {
        const at = WORKFLOW.indexOf(selected.status)
        void edit('claim:setStatus', { ids: [selected.id], status: WORKFLOW[(at + 1) % WORKFLOW.length] ?? 'to-check' })
      } else if (key === 'a') void edit('claim:accept', { ids: [selected.id] })
      else if (key === 'd') void edit('claim:dismiss', { ids: [selected.id] })
      else if (key === 'b' && articleSelection)
        void edit('claim:adjust', { id: selected.id, start: articleSelection.start, end: articleSelection.end })
      else if (key === 'm') {
        const all = project.claims.filter((c) => c.status !== 'dismissed')
        const next = all[all.findIndex((c) => c.id === selected.id) + 1]
        if (next) void edit('claim:merge', { ids: [selected.id, next.id] })
      } else if (key === 'r') focusRationale()
      else handled = false
      if (handled) event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Claim, Project } from '@domain/project/schema'
import type { Span } from '../features/article/highlight'
import { bindingFor } from '../features/shortcuts/keymap'
import { useApp } from '../store'

interface ShortcutContext {
  project: Project
  visible: readonly Claim[]
  selected: Claim | null
  articleSelection: Span | null
  takeSelection: (action: 'claim:create' | 'claim:adjust') => Promise<void>
  selectArticle: (span: Span) => void
  focusSearch: () => void
  focusRationale: () => void
  focusList: () => void
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The project screen's keyboard, as the keymap lists it: one listener, reading the latest state
 * through a ref so it is registered once.
 */
export function useProjectShortcuts(context: ShortcutContext): void {
  const latest = useRef(context)
  useLayoutEffect(() => {
    latest.current = context
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const { edit, select, openDialog, dialog } = useApp.getState()
      const { focusList, ...screen } = latest.current
      const typing = isTyping(event.target)
      const context = {
        ...screen,
        edit,
        select,
        openDialog,
        clearArticleSelection: () => document.getSelection()?.removeAllRanges(),
        leaveField: () => {
          if (!isTyping(document.activeElement)) return false
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
          focusList()
          return true
        },
      }
      const found = bindingFor(event, { typing, dialogOpen: dialog !== null }, context)
      if (!found) return
      event.preventDefault()
      found.binding.run(context, found.key)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

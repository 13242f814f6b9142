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
  focusSearch: () => void
  focusRationale: () => void
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
      const screen = {
        ...latest.current,
        edit,
        select,
        openDialog,
        clearArticleSelection: () => document.getSelection()?.removeAllRanges(),
      }
      const found = bindingFor(event, { typing: isTyping(event.target), dialogOpen: dialog !== null }, screen)
      if (!found) return
      event.preventDefault()
      found.binding.run(screen, found.key)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

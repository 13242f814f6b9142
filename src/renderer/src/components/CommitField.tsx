import { useEffect, useRef, useState } from 'react'

interface CommitFieldProps {
  id: string
  label: string
  value: string
  onCommit: (value: string) => void
  multiline?: boolean
  rows?: number
  placeholder?: string
}

const IDLE_MS = 700

/**
 * A text field that edits locally and commits the value when the checker pauses or leaves the
 * field, so typing stays instant and each pause is one undoable edit rather than one per key.
 */
export function CommitField({ id, label, value, onCommit, multiline, rows = 3, placeholder }: CommitFieldProps) {
  const [draft, setDraft] = useState(value)
  const [shown, setShown] = useState(value)
  const timer = useRef<number | undefined>(undefined)
  const committed = useRef(value)
  // A new value from outside (undo, another claim) replaces the draft.
  if (value !== shown) {
    setShown(value)
    setDraft(value)
  }
  useEffect(() => {
    committed.current = value
  }, [value])

  const commit = (next: string): void => {
    window.clearTimeout(timer.current)
    if (next !== committed.current) {
      committed.current = next
      onCommit(next)
    }
  }
  const change = (next: string): void => {
    setDraft(next)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => commit(next), IDLE_MS)
  }
  useEffect(() => () => window.clearTimeout(timer.current), [])

  return (
    <>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={draft}
          rows={rows}
          placeholder={placeholder}
          onChange={(e) => change(e.target.value)}
          onBlur={() => commit(draft)}
        />
      ) : (
        <input id={id} value={draft} placeholder={placeholder} onChange={(e) => change(e.target.value)} onBlur={() => commit(draft)} />
      )}
    </>
  )
}

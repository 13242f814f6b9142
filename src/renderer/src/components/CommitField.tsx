import { useEffect, useRef, useState } from 'react'

interface CommitFieldProps {
  id: string
  label: string
  value: string
  onCommit: (value: string) => void
  multiline?: boolean
  rows?: number
  placeholder?: string
  disabled?: boolean
  /** A sentence saying what is wrong with a value, or null; a wrong value is shown and not committed. */
  validate?: (value: string) => string | null
}

const IDLE_MS = 700

/**
 * A text field that edits locally and commits the value when the checker pauses or leaves the
 * field, so typing stays instant and each pause is one undoable edit rather than one per key.
 */
export function CommitField({ id, label, value, onCommit, multiline, rows = 3, placeholder, disabled, validate }: CommitFieldProps) {
  const [draft, setDraft] = useState(value)
  const [shown, setShown] = useState(value)
  const [problem, setProblem] = useState<string | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const committed = useRef(value)
  // A new value from outside (undo, another claim) replaces the draft.
  if (value !== shown) {
    setShown(value)
    setDraft(value)
    setProblem(null)
  }
  useEffect(() => {
    committed.current = value
  }, [value])

  const commit = (next: string): void => {
    window.clearTimeout(timer.current)
    const wrong = validate?.(next) ?? null
    setProblem(wrong)
    if (wrong) return
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
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => change(e.target.value)}
          onBlur={() => commit(draft)}
        />
      ) : (
        <input
          id={id}
          value={draft}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => change(e.target.value)}
          onBlur={() => commit(draft)}
        />
      )}
      {problem && (
        <p className="form-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </>
  )
}

import { useEffect, useRef, useState } from 'react'
import { trackPendingField } from './pending-fields'
import { FormProblem } from './FormProblem'

interface CommitFieldProps {
  id: string
  label: string
  value: string
  /**
   * Called with the committed text and the project version on screen when the checker began
   * typing it, so an edit of the same field in another window meanwhile shows as a conflict.
   */
  onCommit: (value: string, startedAt: number | undefined) => void
  /** The version of the project on screen (the store's), read when typing begins. */
  version?: number
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
export function CommitField({
  id,
  label,
  value,
  onCommit,
  version,
  multiline,
  rows = 3,
  placeholder,
  disabled,
  validate,
}: CommitFieldProps) {
  const [draft, setDraft] = useState(value)
  const [shown, setShown] = useState(value)
  const [problem, setProblem] = useState<string | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const committed = useRef(value)
  // A new value from outside (undo, another claim, another window) replaces the draft, unless the
  // checker has typed since: then their words stay, and committing them shows any conflict.
  if (value !== shown) {
    setShown(value)
    if (draft === shown) {
      setDraft(value)
      setProblem(null)
    }
  }
  useEffect(() => {
    committed.current = value
  }, [value])

  const untrack = useRef<(() => void) | null>(null)
  const startedAt = useRef<number | undefined>(undefined)
  const latestCommit = useRef<() => void>(() => undefined)
  const commit = (next: string): void => {
    window.clearTimeout(timer.current)
    const wrong = validate?.(next) ?? null
    setProblem(wrong)
    if (wrong) return
    latestCommit.current = () => undefined
    untrack.current?.()
    untrack.current = null
    if (next !== committed.current) {
      committed.current = next
      onCommit(next, startedAt.current)
    }
    startedAt.current = undefined
  }
  const change = (next: string): void => {
    setDraft(next)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => commit(next), IDLE_MS)
    latestCommit.current = () => commit(next)
    if (!untrack.current) {
      startedAt.current = version
      untrack.current = trackPendingField(() => latestCommit.current())
    }
  }
  // Leaving the field by any way (another claim, another screen) commits what was typed.
  useEffect(() => () => latestCommit.current(), [])

  const fieldProps = {
    id,
    value: draft,
    placeholder,
    disabled,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
    onChange: (e: { target: { value: string } }) => change(e.target.value),
    onBlur: () => commit(draft),
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...fieldProps} rows={rows} /> : <input {...fieldProps} />}
      <FormProblem problem={problem} id={`${id}-problem`} />
    </>
  )
}

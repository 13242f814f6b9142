import { useApp } from '../store'

const LABELS = { saved: 'Saved', saving: 'Saving…', error: 'Not saved', conflict: 'Changed on disk' } as const

/** Saved / Saving / Error, always visible in the project's top bar. */
export function SaveIndicator() {
  const save = useApp((s) => s.save)
  const readOnly = useApp((s) => s.current?.readOnly ?? null)
  if (!save) return null
  if (readOnly && save.state === 'saved') {
    return (
      <span className="save-indicator save-readonly" role="status" title={readOnly.message}>
        Read-only
      </span>
    )
  }
  return (
    <>
      <span className={`save-indicator save-${save.state}`} role="status" title={save.message ?? undefined}>
        {LABELS[save.state]}
      </span>
      {save.warning && (
        <span className="save-warning" role="note" title={save.warning}>
          Near the size limit
        </span>
      )}
    </>
  )
}

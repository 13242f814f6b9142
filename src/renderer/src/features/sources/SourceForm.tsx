import { useState, type SyntheticEvent } from 'react'
import type { SourceFields } from '@domain/project/ops'
import { httpUrl } from '@domain/report/escape'
import { FormActions } from '../../components/FormActions'

interface SourceFormProps {
  initial: SourceFields
  submitLabel: string
  onSubmit: (fields: SourceFields, file: File | null) => void
  onCancel: () => void
  /** Offered when editing: removes the source from the project and from every claim citing it. */
  onDelete?: () => void
}

const DATE = /^$|^\d{4}(-\d{2}(-\d{2})?)?$/

/** Add or edit a source: where it is, what it says, how far to trust it, and an optional local file. */
export function SourceForm({ initial, submitLabel, onSubmit, onCancel, onDelete }: SourceFormProps) {
  const [fields, setFields] = useState(initial)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const set = (key: keyof SourceFields) => (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value })

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fields.url.trim() && !fields.title.trim() && !file) return setProblem('Give the source a URL, a title or a file.')
    if (fields.url.trim() && !httpUrl(fields.url.trim())) return setProblem('The URL must start with http:// or https://.')
    if (fields.archiveUrl.trim() && !httpUrl(fields.archiveUrl.trim()))
      return setProblem('The archive URL must start with http:// or https://.')
    if (!DATE.test(fields.date.trim()) || !DATE.test(fields.accessedAt.trim()))
      return setProblem('Write the dates as 2026-11-27, 2026-11 or 2026.')
    onSubmit({ ...fields, date: fields.date.trim(), accessedAt: fields.accessedAt.trim() }, file)
  }

  return (
    <form className="source-form" onSubmit={submit} aria-label={submitLabel}>
      <label htmlFor="source-url">URL</label>
      <input id="source-url" type="url" value={fields.url} onChange={set('url')} placeholder="https://" />
      <label htmlFor="source-title">Title</label>
      <input id="source-title" value={fields.title} onChange={set('title')} />
      <div className="field-pair">
        <div>
          <label htmlFor="source-publisher">Publisher</label>
          <input id="source-publisher" value={fields.publisher} onChange={set('publisher')} />
        </div>
        <div>
          <label htmlFor="source-date">Date</label>
          <input id="source-date" value={fields.date} onChange={set('date')} placeholder="2026-11-27" />
        </div>
      </div>
      <label htmlFor="source-excerpt">Quoted excerpt</label>
      <textarea id="source-excerpt" value={fields.excerpt} onChange={set('excerpt')} rows={3} />
      <div className="field-pair">
        <div>
          <label htmlFor="source-accessed">Accessed on</label>
          <input
            id="source-accessed"
            value={fields.accessedAt}
            onChange={set('accessedAt')}
            placeholder={new Date().toISOString().slice(0, 10)}
          />
        </div>
      </div>
      <label htmlFor="source-archive">Archive URL</label>
      <input
        id="source-archive"
        type="url"
        value={fields.archiveUrl}
        onChange={set('archiveUrl')}
        placeholder="https://web.archive.org/…"
      />
      <label htmlFor="source-reliability">Reliability note</label>
      <input
        id="source-reliability"
        value={fields.reliability}
        onChange={set('reliability')}
        placeholder="Official statistics; primary document; …"
      />
      <label htmlFor="source-file">Attach a local file (copied beside the project)</label>
      <input id="source-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <FormActions submitLabel={submitLabel} onCancel={onCancel}>
        {onDelete && (
          <button
            type="button"
            className="button-quiet button-danger"
            onClick={() => (confirmDelete ? onDelete() : setConfirmDelete(true))}
          >
            {confirmDelete ? 'Delete it from every claim' : 'Delete from project…'}
          </button>
        )}
      </FormActions>
    </form>
  )
}

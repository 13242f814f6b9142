import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SourceFields } from '@domain/project/ops'
import { httpUrl } from '@domain/report/escape'
import { FormActions } from '../../components/FormActions'
import { FormProblem } from '../../components/FormProblem'

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
  const { t } = useTranslation()
  const [fields, setFields] = useState(initial)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const set = (key: keyof SourceFields) => (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value })

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fields.url.trim() && !fields.title.trim() && !file) return setProblem(t('sources.needSomething'))
    if (fields.url.trim() && !httpUrl(fields.url.trim())) return setProblem(t('sources.badUrl'))
    if (fields.archiveUrl.trim() && !httpUrl(fields.archiveUrl.trim())) return setProblem(t('sources.badArchiveUrl'))
    if (!DATE.test(fields.date.trim()) || !DATE.test(fields.accessedAt.trim())) return setProblem(t('sources.badDate'))
    onSubmit({ ...fields, date: fields.date.trim(), accessedAt: fields.accessedAt.trim() }, file)
  }

  return (
    <form className="source-form" onSubmit={submit} aria-label={submitLabel}>
      <label htmlFor="source-url">{t('sources.url')}</label>
      <input id="source-url" type="url" value={fields.url} onChange={set('url')} placeholder="https://" />
      <label htmlFor="source-title">{t('sources.title')}</label>
      <input id="source-title" value={fields.title} onChange={set('title')} />
      <div className="field-pair">
        <div>
          <label htmlFor="source-publisher">{t('sources.publisher')}</label>
          <input id="source-publisher" value={fields.publisher} onChange={set('publisher')} />
        </div>
        <div>
          <label htmlFor="source-date">{t('sources.date')}</label>
          <input id="source-date" value={fields.date} onChange={set('date')} placeholder="2026-11-27" />
        </div>
      </div>
      <label htmlFor="source-excerpt">{t('sources.excerpt')}</label>
      <textarea id="source-excerpt" value={fields.excerpt} onChange={set('excerpt')} rows={3} />
      <div className="field-pair">
        <div>
          <label htmlFor="source-accessed">{t('sources.accessedOn')}</label>
          <input
            id="source-accessed"
            value={fields.accessedAt}
            onChange={set('accessedAt')}
            placeholder={new Date().toISOString().slice(0, 10)}
          />
        </div>
      </div>
      <label htmlFor="source-archive">{t('sources.archiveUrl')}</label>
      <input
        id="source-archive"
        type="url"
        value={fields.archiveUrl}
        onChange={set('archiveUrl')}
        placeholder="https://web.archive.org/…"
      />
      <label htmlFor="source-reliability">{t('sources.reliabilityNote')}</label>
      <input
        id="source-reliability"
        value={fields.reliability}
        onChange={set('reliability')}
        placeholder={t('sources.reliabilityExample')}
      />
      <label htmlFor="source-file">{t('sources.attach')}</label>
      <input id="source-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <FormProblem problem={problem} />
      <FormActions submitLabel={submitLabel} onCancel={onCancel}>
        {onDelete && (
          <button
            type="button"
            className="button-quiet button-danger"
            onClick={() => (confirmDelete ? onDelete() : setConfirmDelete(true))}
          >
            {confirmDelete ? t('sources.deleteConfirm') : t('sources.delete')}
          </button>
        )}
      </FormActions>
    </form>
  )
}

import { useRef, useState, type SyntheticEvent } from 'react'
import type { ImportedFile } from '@contract/api'
import { useApp } from '../../store'
import { FormActions } from '../../components/FormActions'

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf'

/** The details read from an imported file, editable before the project is made. */
function ImportReview({ imported }: { imported: ImportedFile }) {
  const busy = useApp((s) => s.busy)
  const createProject = useApp((s) => s.createProject)
  const cancelImport = useApp((s) => s.cancelImport)
  const [fields, setFields] = useState({
    title: imported.title,
    outlet: imported.outlet,
    author: imported.author,
    url: imported.url,
    publishedAt: imported.publishedAt,
    language: imported.language,
  })
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value })
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    void createProject({ ...fields, language: fields.language.trim().toLowerCase() || 'und', text: imported.text })
  }
  return (
    <section className="panel new-project" aria-labelledby="import-heading">
      <h2 id="import-heading">New from {imported.fileName}</h2>
      {imported.warnings.length > 0 && (
        <ul className="export-warnings" aria-label="Import notes">
          {imported.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <label htmlFor="import-title">Title</label>
        <input id="import-title" value={fields.title} onChange={set('title')} />
        <div className="field-pair">
          <div>
            <label htmlFor="import-outlet">Outlet</label>
            <input id="import-outlet" value={fields.outlet} onChange={set('outlet')} />
          </div>
          <div>
            <label htmlFor="import-author">Author</label>
            <input id="import-author" value={fields.author} onChange={set('author')} />
          </div>
        </div>
        <label htmlFor="import-url">URL</label>
        <input id="import-url" value={fields.url} onChange={set('url')} placeholder="https://" />
        <div className="field-pair">
          <div>
            <label htmlFor="import-date">Published</label>
            <input id="import-date" value={fields.publishedAt} onChange={set('publishedAt')} placeholder="2026-11-27" />
          </div>
          <div>
            <label htmlFor="import-language">Language code</label>
            <input id="import-language" value={fields.language} onChange={set('language')} placeholder="en, uk, de… or und" />
          </div>
        </div>
        <label htmlFor="import-text">Text ({imported.text.length.toLocaleString()} characters)</label>
        <textarea id="import-text" value={imported.text} readOnly rows={10} />
        <FormActions submitLabel="Create project" onCancel={cancelImport} disabled={busy} />
      </form>
    </section>
  )
}

/** A new project from pasted text (the title is optional: the first line is used), or from a file. */
export function NewProjectPanel() {
  const busy = useApp((s) => s.busy)
  const createProject = useApp((s) => s.createProject)
  const importFile = useApp((s) => s.importFile)
  const pendingImport = useApp((s) => s.pendingImport)
  const notify = useApp((s) => s.notify)
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const picker = useRef<HTMLInputElement>(null)

  if (pendingImport) return <ImportReview key={`${pendingImport.fileName}:${pendingImport.text.length}`} imported={pendingImport} />

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!text.trim()) {
      notify('error', 'Paste the article text first.')
      return
    }
    void createProject({ title, text })
  }

  return (
    <section className="panel new-project" aria-labelledby="new-heading">
      <h2 id="new-heading">New from pasted text</h2>
      <form onSubmit={submit}>
        <label htmlFor="new-title">Title</label>
        <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Headline of the article" />
        <label htmlFor="new-text">Article text</label>
        <textarea
          id="new-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Paste the article here. Paragraphs are kept; formatting is dropped."
          rows={12}
        />
        <FormActions submitLabel="Create project" disabled={busy} />
      </form>
      <div className="import-zone">
        <p>Or bring in a file — text, Markdown, a saved web page, Word (.docx) or PDF. You can also drop it anywhere on this window.</p>
        <input
          ref={picker}
          type="file"
          accept={ACCEPT}
          aria-label="Choose an article file"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void importFile(file)
          }}
        />
        <button type="button" className="button-secondary" onClick={() => picker.current?.click()} disabled={busy}>
          From a file…
        </button>
      </div>
    </section>
  )
}

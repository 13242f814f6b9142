import { useState, type SyntheticEvent } from 'react'
import { call } from '../../api/client'
import { useApp } from '../../store'
import { ProjectList } from './ProjectList'

export function HomeScreen() {
  const info = useApp((s) => s.info)
  const library = useApp((s) => s.library)
  const busy = useApp((s) => s.busy)
  const createProject = useApp((s) => s.createProject)
  const notify = useApp((s) => s.notify)
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!text.trim()) {
      notify('error', 'Paste the article text first.')
      return
    }
    void createProject({ title, text })
  }

  const openSample = async () => {
    try {
      const sample = await call('app:sample', {})
      await createProject(sample)
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error))
    }
  }

  const empty = library !== null && library.projects.length === 0 && library.problems.length === 0

  return (
    <div className="home">
      <header className="topbar">
        <h1 className="brand">Factdesk</h1>
        {info && (
          <span className="topbar-meta" title={`Projects are kept in ${info.projectsDir}`}>
            {info.projectsDir}
          </span>
        )}
      </header>
      <main className="home-main">
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
              rows={14}
            />
            <div className="form-actions">
              <button type="submit" className="button-primary" disabled={busy}>
                Create project
              </button>
            </div>
          </form>
        </section>
        <section className="panel library" aria-labelledby="library-heading">
          <h2 id="library-heading">Projects</h2>
          {library === null ? (
            <p className="muted">Loading…</p>
          ) : empty ? (
            <div className="empty-state">
              <p>No projects yet. Paste an article, or start with a sample to see how Factdesk works.</p>
              <button type="button" className="button-secondary" onClick={() => void openSample()} disabled={busy}>
                Open the sample article
              </button>
            </div>
          ) : (
            <ProjectList listing={library} />
          )}
        </section>
      </main>
    </div>
  )
}

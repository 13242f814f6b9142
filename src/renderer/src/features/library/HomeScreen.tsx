import { useEffect, useMemo, useState } from 'react'
import type { ProjectSummary } from '@contract/api'
import { call } from '../../api/client'
import { messageOf, useApp } from '../../store'
import { RenameDialog, SettingsDialog, TrashDialog } from './LibraryDialogs'
import { NewProjectPanel } from './NewProjectPanel'
import { arrangeProjects, type LibrarySort } from './arrange'
import { ProjectList } from './ProjectList'

type HomeDialog = { kind: 'rename'; summary: ProjectSummary } | { kind: 'trash' } | { kind: 'settings' } | null

const RECENT_SHOWN = 4
/** Below this many projects the whole list fits on screen and a Recent section would only repeat it. */
const RECENT_FROM = 6

export function HomeScreen() {
  const info = useApp((s) => s.info)
  const library = useApp((s) => s.library)
  const busy = useApp((s) => s.busy)
  const openProject = useApp((s) => s.openProject)
  const createProject = useApp((s) => s.createProject)
  const refreshLibrary = useApp((s) => s.refreshLibrary)
  const notify = useApp((s) => s.notify)
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<LibrarySort>('edited')
  const [recent, setRecent] = useState<ProjectSummary[]>([])
  const [dialog, setDialog] = useState<HomeDialog>(null)

  useEffect(() => {
    call('project:recent', {}).then(setRecent, () => setRecent([]))
  }, [library])

  const shown = useMemo(() => arrangeProjects(library?.projects ?? [], search, sort), [library, search, sort])
  const empty = library !== null && library.projects.length === 0 && library.problems.length === 0
  const act = async (work: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await work()
      await refreshLibrary()
      notify('info', done)
    } catch (error) {
      notify('error', messageOf(error))
    }
  }
  const openSample = async (): Promise<void> => {
    try {
      await createProject(await call('app:sample', {}))
    } catch (error) {
      notify('error', messageOf(error))
    }
  }
  const openOther = async (): Promise<void> => {
    try {
      const { path } = await call('app:chooseProject', {})
      if (path) await openProject(path)
    } catch (error) {
      notify('error', messageOf(error))
    }
  }
  const listProps = {
    onOpen: (path: string) => void openProject(path),
    onRename: (summary: ProjectSummary) => setDialog({ kind: 'rename', summary }),
    onDuplicate: (summary: ProjectSummary) =>
      void act(() => call('project:duplicate', { path: summary.path }), `Duplicated “${summary.title}”.`),
    onTrash: (summary: ProjectSummary) =>
      void act(() => call('project:delete', { path: summary.path }), `Moved “${summary.title}” to the trash.`),
  }

  return (
    <div className="home">
      <header className="topbar">
        <h1 className="brand">Factdesk</h1>
        <span className="topbar-meta" title={info ? `Projects are kept in ${info.projectsDir}` : undefined}>
          {info?.projectsDir}
        </span>
        <div className="topbar-actions">
          {info?.desktop && (
            <button type="button" className="button-quiet" onClick={() => void openOther()}>
              Open…
            </button>
          )}
          <button type="button" className="button-quiet" onClick={() => setDialog({ kind: 'trash' })}>
            Trash
          </button>
          <button type="button" className="button-quiet" onClick={() => setDialog({ kind: 'settings' })}>
            Settings
          </button>
        </div>
      </header>
      <main className="home-main">
        <NewProjectPanel />
        <section className="panel library" aria-labelledby="library-heading">
          <div className="library-head">
            <h2 id="library-heading">Projects</h2>
            {!empty && (
              <>
                <input
                  type="search"
                  aria-label="Search projects"
                  placeholder="Search projects"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
                <select aria-label="Sort projects" value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
                  <option value="edited">Last edited</option>
                  <option value="title">Title</option>
                  <option value="progress">Least done first</option>
                </select>
              </>
            )}
          </div>
          {library === null ? (
            <p className="muted">Loading…</p>
          ) : empty ? (
            <div className="empty-state">
              <p>No projects yet. Paste an article or bring in a file, or start with a sample to see how Factdesk works.</p>
              <button type="button" className="button-secondary" onClick={() => void openSample()} disabled={busy}>
                Open the sample article
              </button>
            </div>
          ) : (
            <>
              {recent.length > 0 && library.projects.length >= RECENT_FROM && !search && (
                <>
                  <h3 className="list-heading">Recent</h3>
                  <ProjectList label="Recent projects" projects={recent.slice(0, RECENT_SHOWN)} {...listProps} />
                  <h3 className="list-heading">All projects ({library.projects.length})</h3>
                </>
              )}
              {shown.length === 0 ? (
                <p className="muted">No project matches “{search}”.</p>
              ) : (
                <ProjectList label="All projects" projects={shown} {...listProps} />
              )}
            </>
          )}
          {library && library.problems.length > 0 && (
            <div className="problems" role="group" aria-label="Files that could not be read">
              <h3>Files that could not be read</h3>
              <ul>
                {library.problems.map((p) => (
                  <li key={p.path}>
                    <strong>{p.file}</strong>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </main>
      {dialog?.kind === 'rename' && <RenameDialog summary={dialog.summary} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'trash' && <TrashDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
    </div>
  )
}

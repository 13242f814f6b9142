import { useEffect, useMemo, useState } from 'react'
import type { ProjectSummary } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { useApp } from '../../store'
import { RenameDialog, SettingsDialog, TrashDialog } from './LibraryDialogs'
import { NewProjectPanel } from './NewProjectPanel'
import { arrangeProjects, type LibrarySort } from './arrange'
import { ProjectList } from './ProjectList'
import { TeamBar } from '../team/TeamBar'

type HomeDialog = { kind: 'rename'; summary: ProjectSummary } | { kind: 'trash' } | { kind: 'settings' } | null

const RECENT_SHOWN = 4
/** Below this many projects the whole list fits on screen and a Recent section would only repeat it. */
const RECENT_FROM = 6

export function HomeScreen() {
  const info = useApp((s) => s.info)
  const library = useApp((s) => s.library)
  const busy = useApp((s) => s.busy)
  const openProject = useApp((s) => s.openProject)
  const openChosenProject = useApp((s) => s.openChosenProject)
  const createProject = useApp((s) => s.createProject)
  const duplicateProject = useApp((s) => s.duplicateProject)
  const trashProject = useApp((s) => s.trashProject)
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<LibrarySort>('edited')
  const [recent, setRecent] = useState<ProjectSummary[]>([])
  const [dialog, setDialog] = useState<HomeDialog>(null)

  useEffect(() => {
    // Recent is a shortcut into the full list below: when it cannot be read it is left out, quietly.
    void apiAction('project:recent', {}, { onError: () => setRecent([]) }).then((found) => found && setRecent(found))
  }, [library])

  const shown = useMemo(() => arrangeProjects(library?.projects ?? [], search, sort), [library, search, sort])
  const empty = library !== null && library.projects.length === 0 && library.problems.length === 0
  const openSample = async (): Promise<void> => {
    const sample = await apiAction('app:sample', {})
    if (sample) await createProject(sample)
  }
  const listProps = {
    onOpen: (path: string) => void openProject(path),
    onRename: (summary: ProjectSummary) => setDialog({ kind: 'rename', summary }),
    onDuplicate: (summary: ProjectSummary) => void duplicateProject(summary),
    onTrash: (summary: ProjectSummary) => void trashProject(summary),
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
            <button type="button" className="button-quiet" onClick={() => void openChosenProject()}>
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
      <TeamBar />
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

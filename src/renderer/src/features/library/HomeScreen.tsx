import { useEffect, useMemo, useState } from 'react'
import type { ProjectSummary } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { ApiError, messageOf } from '../../api/client'
import { useApp } from '../../store'
import { RenameDialog, SettingsDialog, TrashDialog } from './LibraryDialogs'
import { NewProjectPanel } from './NewProjectPanel'
import { arrangeProjects, type LibrarySort } from './arrange'
import { ProjectList } from './ProjectList'
import { TeamBar } from '../team/TeamBar'
import { useTranslation } from 'react-i18next'
import { SearchDialog } from '../memory/SearchDialog'

type HomeDialog = { kind: 'rename'; summary: ProjectSummary } | { kind: 'trash' } | { kind: 'settings' } | { kind: 'search' } | null

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
  const { t } = useTranslation()

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
        <span className="topbar-meta" title={info ? t('library.projectsKeptIn', { dir: info.projectsDir }) : undefined}>
          {info?.projectsDir}
        </span>
        <div className="topbar-actions">
          <button type="button" className="button-secondary" onClick={() => setDialog({ kind: 'search' })}>
            {t('library.searchEverything')}
          </button>
          {info?.desktop && (
            <button type="button" className="button-quiet" onClick={() => void openChosenProject()}>
              {t('library.open')}
            </button>
          )}
          <button type="button" className="button-quiet" onClick={() => setDialog({ kind: 'trash' })}>
            {t('library.trash')}
          </button>
          <button type="button" className="button-quiet" onClick={() => setDialog({ kind: 'settings' })}>
            {t('library.settings')}
          </button>
        </div>
      </header>
      <TeamBar />
      <main className="home-main">
        <NewProjectPanel />
        <section className="panel library" aria-labelledby="library-heading">
          <div className="library-head">
            <h2 id="library-heading">{t('library.projects')}</h2>
            {!empty && (
              <>
                <input
                  type="search"
                  aria-label={t('library.search')}
                  placeholder={t('library.search')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
                <select aria-label={t('library.sort')} value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
                  <option value="edited">{t('library.sortEdited')}</option>
                  <option value="title">{t('library.sortTitle')}</option>
                  <option value="progress">{t('library.sortProgress')}</option>
                </select>
              </>
            )}
          </div>
          {library === null ? (
            <p className="muted">{t('common.loading')}</p>
          ) : empty ? (
            <div className="empty-state">
              <p>{t('library.empty')}</p>
              <button type="button" className="button-secondary" onClick={() => void openSample()} disabled={busy}>
                {t('library.openSample')}
              </button>
            </div>
          ) : (
            <>
              {recent.length > 0 && library.projects.length >= RECENT_FROM && !search && (
                <>
                  <h3 className="list-heading">{t('library.recent')}</h3>
                  <ProjectList label={t('library.recentProjects')} projects={recent.slice(0, RECENT_SHOWN)} {...listProps} />
                  <h3 className="list-heading">{t('library.allCount', { count: library.projects.length })}</h3>
                </>
              )}
              {shown.length === 0 ? (
                <p className="muted">{t('library.noMatch', { search })}</p>
              ) : (
                <ProjectList label={t('library.all')} projects={shown} {...listProps} />
              )}
            </>
          )}
          {library && library.problems.length > 0 && (
            <div className="problems" role="group" aria-label={t('library.unreadable')}>
              <h3>{t('library.unreadable')}</h3>
              <ul>
                {library.problems.map((p) => (
                  <li key={p.path}>
                    <strong>{p.file}</strong>:{' '}
                    {p.error ? messageOf(new ApiError(p.error.code, p.error.message, [], p.error.key, p.error.params)) : p.message}
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
      {dialog?.kind === 'search' && <SearchDialog onClose={() => setDialog(null)} />}
    </div>
  )
}

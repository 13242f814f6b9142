import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { OpenedProject } from '@contract/api'
import { STATUS_LABELS } from '@domain/project/ops'
import { CLAIM_STATUSES } from '@domain/project/statuses'
import { countOf, formatCount, formatDate } from '../../components/format'
import { SaveIndicator } from '../../components/SaveIndicator'
import { useProjectShortcuts } from '../../hooks/useProjectShortcuts'
import { useApp } from '../../store'
import { ClaimList } from '../claims/ClaimList'
import { ClaimPanel } from '../claims/ClaimPanel'
import { countByStatus, filterClaims, type StatusFilter } from '../claims/claim-filter'
import { decidedCount } from '../claims/triage'
import { isReportFormat } from '@domain/report/formats'
import { ExportDialog } from '../export/ExportDialog'
import { ScaleDialog } from '../scale/ScaleDialog'
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog'
import { ArticleDetailsDialog } from './ArticleDetailsDialog'
import { ArticleView, SelectionActions, type ArticleSelection } from './ArticleView'
import { selectArticleText } from './select-text'
import { useDiskWatch } from '../../hooks/useDiskWatch'
import { ProjectBanners } from './ProjectBanners'
import { ProjectTeamBar } from '../team/ProjectTeamBar'
import { useIdentity } from '../team/identity'
import { useCheckedBefore } from '../memory/useCheckedBefore'
import { EvidenceBadge } from '../evidence/EvidenceBadge'
import { ArticleVersions } from '../evidence/ArticleVersions'

/** The workbench: claims on the left, the article in the middle, the selected claim on the right. */
export function ProjectScreen({ opened }: { opened: OpenedProject }) {
  const { project } = opened
  const closeProject = useApp((s) => s.closeProject)
  const selectedId = useApp((s) => s.selectedId)
  const select = useApp((s) => s.select)
  const filters = useApp((s) => s.filters)
  const setFilters = useApp((s) => s.setFilters)
  const dialog = useApp((s) => s.dialog)
  const dialogArgument = useApp((s) => s.dialogArgument)
  const openDialog = useApp((s) => s.openDialog)
  const edit = useApp((s) => s.edit)
  const [articleSelection, setArticleSelection] = useState<ArticleSelection | null>(null)
  useCheckedBefore(opened.path)
  const search = useRef<HTMLInputElement>(null)

  const me = useIdentity()
  const visible = useMemo(() => filterClaims(project, filters, me), [project, filters, me])
  const counts = useMemo(() => countByStatus(project), [project])
  const triage = useMemo(() => decidedCount(project), [project])
  const selected = selectedId ? (project.claims.find((c) => c.id === selectedId) ?? null) : null
  const { article } = project

  /** Makes a claim of the selection, or moves the selected claim's boundaries to it; the selection is used up. */
  const takeSelection = async (action: 'claim:create' | 'claim:adjust'): Promise<void> => {
    if (!articleSelection) return
    const { start, end } = articleSelection
    const done =
      action === 'claim:create'
        ? await edit('claim:create', { start, end })
        : selected
          ? await edit('claim:adjust', { id: selected.id, start, end })
          : null
    if (done) {
      document.getSelection()?.removeAllRanges()
      setArticleSelection(null)
    }
  }

  const focusList = useCallback((): void => {
    const list = document.querySelector<HTMLElement>('.claim-list, .claim-list-empty')
    list?.focus({ preventScroll: true })
  }, [])
  // The keyboard starts in the claim list: J, K, A and D work the moment a project is open.
  useEffect(() => focusList(), [opened.path, focusList])

  useDiskWatch(opened.path)
  useProjectShortcuts({
    project,
    visible,
    selected,
    articleSelection,
    takeSelection,
    // Taken in at once (not only on the browser's selectionchange), so the next key extends this selection.
    selectArticle: (span) => setArticleSelection(selectArticleText(span)),
    focusSearch: () => search.current?.focus(),
    focusRationale: () => document.getElementById('claim-rationale')?.focus(),
    focusList,
  })
  const onSelectionChange = useCallback((selection: ArticleSelection | null) => setArticleSelection(selection), [])

  return (
    <div className="project">
      <header className="topbar">
        <button type="button" className="button-quiet" onClick={() => void closeProject()}>
          ← Projects
        </button>
        <h1 className="topbar-title">{article.title}</h1>
        <div className="topbar-actions">
          <button
            type="button"
            className="button-quiet"
            onClick={() => void edit('project:undo', {})}
            disabled={!opened.undoable.undo}
            title={opened.undoable.undo ? `Undo: ${opened.undoable.undo}` : 'Nothing to undo'}
          >
            Undo
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => void edit('project:redo', {})}
            disabled={!opened.undoable.redo}
            title={opened.undoable.redo ? `Redo: ${opened.undoable.redo}` : 'Nothing to redo'}
          >
            Redo
          </button>
          <button type="button" className="button-secondary" onClick={() => openDialog('export')}>
            Export
          </button>
          <button type="button" className="button-quiet" onClick={() => openDialog('scale')}>
            Scale: {project.ratingScale.name}
          </button>
          <button type="button" className="button-quiet" onClick={() => openDialog('shortcuts')} aria-label="Keyboard shortcuts">
            ?
          </button>
          <EvidenceBadge opened={opened} />
          <SaveIndicator />
        </div>
      </header>
      <ProjectBanners opened={opened} />
      <ProjectTeamBar opened={opened} />
      <main className="workbench">
        <aside className="claims-pane" aria-label="Claim list">
          <div className="claim-filters">
            <input
              ref={search}
              type="search"
              aria-label="Search claims"
              placeholder="Search claims  /"
              value={filters.text}
              onChange={(e) => setFilters({ text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') focusList()
              }}
            />
            <div className="filter-row">
              <select
                aria-label="Filter by status"
                value={filters.status}
                onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}
              >
                <option value="all">All ({formatCount(counts.all ?? 0)})</option>
                <option value="suggested">Suggested ({formatCount(counts.suggested ?? 0)})</option>
                <option value="accepted">Accepted ({formatCount(counts.accepted ?? 0)})</option>
                {CLAIM_STATUSES.filter((s) => s !== 'suggested').map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]} ({formatCount(counts[status] ?? 0)})
                  </option>
                ))}
              </select>
              <select
                aria-label="Filter by team work"
                value={filters.team}
                onChange={(e) => setFilters({ team: e.target.value as 'any' | 'mine' | 'review' })}
              >
                <option value="any">Anyone’s</option>
                <option value="mine">Assigned to me</option>
                <option value="review">Waiting for my review</option>
              </select>
              <select aria-label="Filter by verdict" value={filters.verdict} onChange={(e) => setFilters({ verdict: e.target.value })}>
                <option value="any">Any verdict</option>
                <option value="none">No verdict yet</option>
                {project.ratingScale.labels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            </div>
            <p className="triage-count" aria-live="polite">
              <progress max={Math.max(triage.total, 1)} value={triage.decided} aria-hidden="true" />
              <span>
                {formatCount(triage.decided)} of {formatCount(triage.total)} decided
              </span>
            </p>
            <div className="claim-count-row">
              <p className="claim-count" aria-live="polite">
                {/* Dismissed claims are counted apart, so this agrees with "All (n)" in the filter. */}
                {formatCount(visible.length)} of {countOf(counts.all ?? 0, 'claim')} shown
                {counts.dismissed ? ` · ${formatCount(counts.dismissed)} dismissed` : ''}
              </p>
              <select
                aria-label="Sort claims"
                value={filters.sort}
                onChange={(e) => setFilters({ sort: e.target.value as 'position' | 'score' })}
              >
                <option value="position">In article order</option>
                <option value="score">By check-worthiness</option>
              </select>
            </div>
          </div>
          <ClaimList claims={visible} scale={project.ratingScale} selectedId={selectedId} onSelect={select} />
        </aside>
        <section className="article-pane" aria-label="Article">
          <article className="article">
            <button type="button" className="article-title-button" onClick={() => openDialog('article')} title="Edit the article’s details">
              <h2 className="article-title">{article.title}</h2>
            </button>
            <p className="article-meta">
              {[
                article.outlet,
                article.author,
                article.publishedAt && formatDate(article.publishedAt),
                article.language !== 'und' && article.language.toUpperCase(),
              ]
                .filter(Boolean)
                .join(' · ') || 'No details yet: click the title to add outlet, author, date.'}
            </p>
            <ArticleVersions project={project} />
            <ArticleView project={project} selectedId={selectedId} onSelectClaim={select} onSelectionChange={onSelectionChange} />
          </article>
          {articleSelection && (
            <SelectionActions
              selection={articleSelection}
              onMake={() => void edit('claim:create', { start: articleSelection.start, end: articleSelection.end })}
              onSetBoundaries={
                selected
                  ? () => void edit('claim:adjust', { id: selected.id, start: articleSelection.start, end: articleSelection.end })
                  : null
              }
            />
          )}
        </section>
        <aside className="panel-pane" aria-label="Claim details">
          {selected ? (
            <ClaimPanel claim={selected} project={project} />
          ) : (
            <div className="panel-empty">
              <p>Select a claim in the list or the article, or select any text in the article and press C to make it a claim.</p>
              <p className="muted">Press ? for every shortcut.</p>
            </div>
          )}
        </aside>
      </main>
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => openDialog(null)} />}
      {dialog === 'scale' && <ScaleDialog current={project.ratingScale} onClose={() => openDialog(null)} />}
      {dialog === 'article' && <ArticleDetailsDialog article={article} onClose={() => openDialog(null)} />}
      {dialog === 'export' && (
        <ExportDialog
          path={opened.path}
          initialFormat={dialogArgument && isReportFormat(dialogArgument) ? dialogArgument : undefined}
          onClose={() => openDialog(null)}
        />
      )}
    </div>
  )
}

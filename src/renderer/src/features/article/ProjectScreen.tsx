import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { OpenedProject } from '@contract/api'
import { CLAIM_STATUSES } from '@domain/project/statuses'
import { formatDate } from '../../components/format'
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
import { localiseScale } from '@domain/report/model'
import { SettingsDialog } from '../library/LibraryDialogs'
import { ArticleView, SelectionActions, type ArticleSelection } from './ArticleView'
import { selectArticleText } from './select-text'
import { useDiskWatch } from '../../hooks/useDiskWatch'
import { useHistoryText } from '../../hooks/useHistoryText'
import { ProjectBanners } from './ProjectBanners'
import { ProjectTeamBar } from '../team/ProjectTeamBar'
import { useIdentity } from '../team/identity'
import { useTranslation } from 'react-i18next'
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

  const { t } = useTranslation()
  const describe = useHistoryText()
  // A preset's labels as its owner publishes them in this language (report/model.ts); the project keeps its own.
  const shown = useMemo(() => ({ ...project, ratingScale: localiseScale(project.ratingScale, t) }), [project, t])
  const [settingsOpen, setSettingsOpen] = useState(false)
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
          {t('project.back')}
        </button>
        <h1 className="topbar-title" translate="no">
          {article.title}
        </h1>
        <div className="topbar-actions">
          <button
            type="button"
            className="button-quiet"
            onClick={() => void edit('project:undo', {})}
            disabled={!opened.undoable.undo}
            title={opened.undoable.undo ? t('project.undoWhat', { what: describe(opened.undoable.undo) }) : t('project.nothingToUndo')}
          >
            {t('project.undo')}
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => void edit('project:redo', {})}
            disabled={!opened.undoable.redo}
            title={opened.undoable.redo ? t('project.redoWhat', { what: describe(opened.undoable.redo) }) : t('project.nothingToRedo')}
          >
            {t('project.redo')}
          </button>
          <button type="button" className="button-secondary" onClick={() => openDialog('export')}>
            {t('project.export')}
          </button>
          <button type="button" className="button-quiet" onClick={() => openDialog('scale')}>
            {t('project.scale', { name: project.ratingScale.name })}
          </button>
          <button type="button" className="button-quiet" onClick={() => openDialog('shortcuts')} aria-label={t('project.shortcuts')}>
            ?
          </button>
          <EvidenceBadge opened={opened} />
          <button type="button" className="button-quiet" onClick={() => setSettingsOpen(true)}>
            {t('library.settings')}
          </button>
          <SaveIndicator />
        </div>
      </header>
      <ProjectBanners opened={opened} />
      <ProjectTeamBar opened={opened} />
      <main className="workbench">
        <aside className="claims-pane" aria-label={t('project.claimList')}>
          <div className="claim-filters">
            <input
              ref={search}
              type="search"
              aria-label={t('project.searchClaims')}
              placeholder={t('project.searchClaimsHint')}
              value={filters.text}
              onChange={(e) => setFilters({ text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') focusList()
              }}
            />
            <div className="filter-row">
              <select
                aria-label={t('project.filterStatus')}
                value={filters.status}
                onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}
              >
                <option value="all">{t('project.filterAll', { count: counts.all ?? 0 })}</option>
                <option value="suggested">{t('project.filterSuggested', { count: counts.suggested ?? 0 })}</option>
                <option value="accepted">{t('project.filterAccepted', { count: counts.accepted ?? 0 })}</option>
                {CLAIM_STATUSES.filter((s) => s !== 'suggested').map((status) => (
                  <option key={status} value={status}>
                    {t('project.filterStatusCount', { status: t(`status.${status}`), count: counts[status] ?? 0 })}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('project.filterTeam')}
                value={filters.team}
                onChange={(e) => setFilters({ team: e.target.value as 'any' | 'mine' | 'review' })}
              >
                <option value="any">{t('project.teamAny')}</option>
                <option value="mine">{t('project.teamMine')}</option>
                <option value="review">{t('project.teamReview')}</option>
              </select>
              <select
                aria-label={t('project.filterVerdict')}
                value={filters.verdict}
                onChange={(e) => setFilters({ verdict: e.target.value })}
              >
                <option value="any">{t('project.anyVerdict')}</option>
                <option value="none">{t('project.noVerdict')}</option>
                {shown.ratingScale.labels.map((l) => (
                  <option key={l.id} value={l.id} translate="no">
                    {l.label}
                  </option>
                ))}
              </select>
            </div>
            <p className="triage-count" aria-live="polite">
              <progress max={Math.max(triage.total, 1)} value={triage.decided} aria-hidden="true" />
              <span>{t('project.decided', { decided: triage.decided, total: triage.total })}</span>
            </p>
            <div className="claim-count-row">
              <p className="claim-count" aria-live="polite">
                {/* Dismissed claims are counted apart, so this agrees with "All (n)" in the filter. */}
                {t('project.shown', { shown: visible.length, count: counts.all ?? 0 })}
                {counts.dismissed ? t('project.dismissed', { count: counts.dismissed }) : ''}
              </p>
              <select
                aria-label={t('project.sortClaims')}
                value={filters.sort}
                onChange={(e) => setFilters({ sort: e.target.value as 'position' | 'score' })}
              >
                <option value="position">{t('project.sortPosition')}</option>
                <option value="score">{t('project.sortScore')}</option>
              </select>
            </div>
          </div>
          <ClaimList claims={visible} scale={shown.ratingScale} selectedId={selectedId} onSelect={select} />
        </aside>
        <section className="article-pane" aria-label={t('project.article')}>
          <article className="article">
            <button type="button" className="article-title-button" onClick={() => openDialog('article')} title={t('project.editDetails')}>
              <h2 className="article-title" translate="no">
                {article.title}
              </h2>
            </button>
            <p className="article-meta">
              {[
                article.outlet,
                article.author,
                article.publishedAt && formatDate(article.publishedAt),
                article.language !== 'und' && article.language.toUpperCase(),
              ]
                .filter(Boolean)
                .join(' · ') || t('project.noDetails')}
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
        <aside className="panel-pane" aria-label={t('project.claimDetails')}>
          {selected ? (
            <ClaimPanel claim={selected} project={shown} />
          ) : (
            <div className="panel-empty">
              <p>{t('project.selectHint')}</p>
              <p className="muted">{t('project.shortcutsHint')}</p>
            </div>
          )}
        </aside>
      </main>
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => openDialog(null)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
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

import type { ProjectSummary } from '@contract/api'
import { formatDate } from '../../components/format'
import { progressLabel } from './progress'
import { useTranslation } from 'react-i18next'

function Progress({ summary }: { summary: ProjectSummary }) {
  const { t } = useTranslation()
  const { done, total } = summary.progress
  const label = progressLabel(summary, t)
  return (
    <span className="project-progress">
      <progress max={Math.max(total, 1)} value={done} aria-label={label} />
      <span>{label}</span>
    </span>
  )
}

interface ProjectListProps {
  projects: readonly ProjectSummary[]
  onOpen: (path: string) => void
  onRename: (summary: ProjectSummary) => void
  onDuplicate: (summary: ProjectSummary) => void
  onTrash: (summary: ProjectSummary) => void
  label: string
}

export function ProjectList({ projects, onOpen, onRename, onDuplicate, onTrash, label }: ProjectListProps) {
  const { t } = useTranslation()
  return (
    <ul className="project-list" aria-label={label}>
      {projects.map((p) => (
        <li key={p.path} className="project-item">
          <button type="button" className="project-row" onClick={() => onOpen(p.path)}>
            <span className="project-title" translate="no">
              {p.title || p.file}
            </span>
            <span className="project-meta">
              {[
                p.outlet,
                p.publishedAt && formatDate(p.publishedAt),
                p.language !== 'und' && p.language.toUpperCase(),
                t('library.edited', { date: formatDate(p.updatedAt) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <Progress summary={p} />
          </button>
          <span className="project-actions">
            <button
              type="button"
              className="button-quiet button-small"
              onClick={() => onRename(p)}
              aria-label={t('library.renameProject', { title: p.title })}
            >
              {t('library.rename')}
            </button>
            <button
              type="button"
              className="button-quiet button-small"
              onClick={() => onDuplicate(p)}
              aria-label={t('library.duplicateProject', { title: p.title })}
            >
              {t('library.duplicate')}
            </button>
            <button
              type="button"
              className="button-quiet button-small"
              onClick={() => onTrash(p)}
              aria-label={t('library.trashProject', { title: p.title })}
            >
              {t('library.trash')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  )
}

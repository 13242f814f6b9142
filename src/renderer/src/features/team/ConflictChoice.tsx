import type { Project, RecordedConflict } from '@domain/project/schema'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'
import { conflictSubject, conflictValue } from './conflict-text'

/**
 * One field two checkers changed differently, met by a merge: both values with who set them and
 * when, and a button to keep each. Until one is kept the field shows the first value.
 */
export function ConflictChoice({ conflict, project }: { conflict: RecordedConflict; project: Project }) {
  const edit = useApp((s) => s.edit)
  const { t } = useTranslation()
  const textOnly = conflict.key === 'article.text'
  const what = conflictSubject(conflict.key, project, t)
  return (
    <div className="team-conflict" role="group" aria-label={t('team.conflictOver', { what })}>
      <p className="team-conflict-what">
        <strong>{t('team.conflict')}</strong> {t('team.conflictChanged', { what })}
        {textOnly && t('team.conflictText')}
      </p>
      <ul className="team-conflict-values">
        {conflict.values.map((side, pick) => (
          <li key={pick}>
            <span className="team-conflict-value">{conflictValue(project, conflict, side.value, t)}</span>
            <span className="muted">
              {' '}
              {side.by || t('team.unknown')}
              {side.at && <>, {formatDateTime(side.at)}</>}
            </span>
            {!textOnly && (
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => void edit('project:resolveConflict', { key: conflict.key, pick })}
              >
                {pick === 0 ? t('team.keepFirst') : t('team.keepSecond')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {textOnly && (
        <button
          type="button"
          className="button-quiet button-small"
          onClick={() => void edit('project:resolveConflict', { key: conflict.key, pick: 0 })}
        >
          {t('team.doneComparing')}
        </button>
      )}
    </div>
  )
}

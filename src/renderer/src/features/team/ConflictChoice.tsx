import type { Project, RecordedConflict } from '@domain/project/schema'
import { describeConflictValue } from '@domain/project/team-ops'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'

/**
 * One field two checkers changed differently, met by a merge: both values with who set them and
 * when, and a button to keep each. Until one is kept the field shows the first value.
 */
export function ConflictChoice({ conflict, project }: { conflict: RecordedConflict; project: Project }) {
  const edit = useApp((s) => s.edit)
  const textOnly = conflict.key === 'article.text'
  return (
    <div className="team-conflict" role="group" aria-label={`Conflict over ${conflict.what}`}>
      <p className="team-conflict-what">
        <strong>Conflict:</strong> {conflict.what} was changed by two checkers.
        {textOnly && ' The article text is never merged: their version was kept as a copy beside this project.'}
      </p>
      <ul className="team-conflict-values">
        {conflict.values.map((side, pick) => (
          <li key={pick}>
            <span className="team-conflict-value">{describeConflictValue(project, conflict, side.value)}</span>
            <span className="muted">
              {' '}
              {side.by || 'unknown'}
              {side.at && <>, {formatDateTime(side.at)}</>}
            </span>
            {!textOnly && (
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => void edit('project:resolveConflict', { key: conflict.key, pick })}
              >
                Keep {pick === 0 ? 'the first' : 'the second'}
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
          Done comparing
        </button>
      )}
    </div>
  )
}

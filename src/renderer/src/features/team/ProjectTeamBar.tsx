import { useEffect, useState } from 'react'
import type { OpenedProject } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { useApp } from '../../store'
import { ConflictChoice } from './ConflictChoice'
import { useTranslation } from 'react-i18next'
import { syncMessage } from './sync-message'

/**
 * The project's team settings and what a merge left to decide that belongs to no claim (the
 * article's details, the scale, a source): above the workbench, only when there is something.
 */
export function ProjectTeamBar({ opened }: { opened: OpenedProject }) {
  const edit = useApp((s) => s.edit)
  const notify = useApp((s) => s.notify)
  const checkDisk = useApp((s) => s.checkDisk)
  const [shared, setShared] = useState(false)
  const [syncing, setSyncing] = useState(false)
  const { t } = useTranslation()
  const { project } = opened
  useEffect(() => {
    void apiAction('team:status', {}, { onError: () => setShared(false) }).then((status) => status && setShared(status.shared))
  }, [opened.path])
  const select = useApp((s) => s.select)
  const conflicts = project.conflicts.filter((c) => !c.key.startsWith('claim:'))
  // Claims a merge left a decision on, each once, in article order.
  const conflicted = project.claims.filter((claim) =>
    project.conflicts.some((c) => c.key === `claim:${claim.id}` || c.key.startsWith(`claim:${claim.id}.`)),
  )
  const sync = async (): Promise<void> => {
    setSyncing(true)
    const result = await apiAction('team:sync', {})
    setSyncing(false)
    if (!result) return
    await checkDisk(opened.path)
    notify(
      result.offline ? 'error' : 'info',
      result.offline ? (syncMessage(result, t) ?? t('team.unreachable')) : t('team.syncedProject', { conflicts: result.conflicts }),
    )
  }
  if (!shared && !project.team.requireReview && project.conflicts.length === 0) return null
  return (
    <div className="project-team-bar" role="region" aria-label={t('team.teamWork')}>
      <label className="choice team-review-toggle">
        <input
          type="checkbox"
          checked={project.team.requireReview}
          disabled={opened.readOnly !== null}
          onChange={(e) => void edit('project:setRequireReview', { required: e.target.checked })}
        />{' '}
        {t('team.requireReview')}
      </label>
      {shared && (
        <button type="button" className="button-secondary button-small" onClick={() => void sync()} disabled={syncing}>
          {syncing ? t('team.syncing') : t('team.sync')}
        </button>
      )}
      {conflicted.length > 0 && (
        <p className="team-conflicted" role="status">
          <strong>{t('team.conflictedClaims', { count: conflicted.length })}</strong>{' '}
          {conflicted.map((claim) => (
            <button key={claim.id} type="button" className="button-link" translate="no" onClick={() => select(claim.id)}>
              “{claim.text.length > 40 ? `${claim.text.slice(0, 39)}…` : claim.text}”
            </button>
          ))}
        </p>
      )}
      {conflicts.map((conflict) => (
        <ConflictChoice key={conflict.key} conflict={conflict} project={project} />
      ))}
    </div>
  )
}

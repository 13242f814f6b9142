import { useEffect, useState, type SyntheticEvent } from 'react'
import type { SyncCopy, TeamStatus } from '@contract/team'
import { apiAction } from '../../api/api-action'
import { Dialog } from '../../components/Dialog'
import { FormActions } from '../../components/FormActions'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'
import { syncMessage } from './sync-message'
import type { TFunction } from 'i18next'
import { FormProblem } from '../../components/FormProblem'

const isHttp = (remote: string): boolean => /^https?:\/\//i.test(remote.trim())

/** "2 to send · 1 to receive · synced 14:02", or why the last sync did not reach the team. */
function syncSummary(status: TeamStatus, t: TFunction): string {
  const parts = [t('team.toSend', { count: status.ahead }), t('team.toReceive', { count: status.behind })]
  if (status.uncommitted) parts.push(t('team.uncommitted', { count: status.uncommitted }))
  parts.push(status.lastSync ? t('team.lastSynced', { time: formatDateTime(status.lastSync) }) : t('team.neverSynced'))
  return parts.join(' · ')
}

function StartSharingDialog({ onClose, onDone }: { onClose: () => void; onDone: (status: TeamStatus) => void }) {
  const [remote, setRemote] = useState('')
  const [token, setToken] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const { t } = useTranslation()
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setProblem(null)
    const input = {
      ...(remote.trim() ? { remote: remote.trim() } : {}),
      ...(isHttp(remote) && token.trim() ? { token: token.trim() } : {}),
    }
    const status = await apiAction('team:startSharing', input, { onError: setProblem })
    if (status) onDone(status)
  }
  return (
    <Dialog title={t('team.startSharing')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('team.startSharingHint')}</p>
        <label htmlFor="team-remote">{t('team.remote')}</label>
        <input
          id="team-remote"
          value={remote}
          onChange={(e) => setRemote(e.target.value)}
          placeholder={t('team.remotePlaceholder')}
          autoFocus
        />
        <p className="hint">{t('team.remoteHint')}</p>
        {isHttp(remote) && (
          <>
            <label htmlFor="team-token">{t('team.token')}</label>
            <input id="team-token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
            <p className="hint">{t('team.tokenHint')}</p>
          </>
        )}
        <FormProblem problem={problem} />
        <FormActions submitLabel={t('team.startSharing')} onCancel={onClose} />
      </form>
    </Dialog>
  )
}

/** The projects folder's team status in the library: Start sharing, Sync, and the copies sync clients left to merge. */
export function TeamBar() {
  const library = useApp((s) => s.library)
  const refreshLibrary = useApp((s) => s.refreshLibrary)
  const notify = useApp((s) => s.notify)
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [copies, setCopies] = useState<SyncCopy[]>([])
  const [starting, setStarting] = useState(false)
  const [syncing, setSyncing] = useState(false)
  const [token, setToken] = useState('')
  const { t } = useTranslation()

  useEffect(() => {
    void Promise.all([
      apiAction('team:status', {}, { onError: () => setStatus(null) }),
      apiAction('team:copies', {}, { onError: () => setCopies([]) }),
    ]).then(([found, left]) => {
      if (found) setStatus(found)
      if (left) setCopies(left)
    })
  }, [library])

  const sync = async (): Promise<void> => {
    setSyncing(true)
    const result = await apiAction('team:sync', token.trim() ? { token: token.trim() } : {})
    setSyncing(false)
    if (!result) return
    setStatus(result)
    setToken('')
    const received = result.received.length
    notify(
      result.offline ? 'error' : 'info',
      result.offline
        ? (syncMessage(result, t) ?? t('team.unreachableCommitted'))
        : t('team.syncedLibrary', { received, conflicts: result.conflicts }),
    )
    await refreshLibrary()
  }
  const merge = async (copy: SyncCopy): Promise<void> => {
    const merged = await apiAction('team:mergeCopy', { path: copy.path })
    if (!merged) return
    notify('info', t('team.mergedCopy', { file: copy.file, original: copy.originalFile, conflicts: merged.conflicts }))
    await refreshLibrary()
  }
  const needsToken = status?.remote?.kind === 'http' && !status.tokenReady

  return (
    <section className="team-bar" aria-label={t('team.label')}>
      {status?.shared ? (
        <>
          <p>
            <strong>{t('team.shared')}</strong>
            {status.remote ? t('team.sharedWith', { url: status.remote.url }) : t('team.noRemote')} · <span>{syncSummary(status, t)}</span>
            {status.offline && <span className="hint-warn">{t('team.offline', { message: syncMessage(status, t) ?? '' })}</span>}
          </p>
          {needsToken && (
            <input
              type="password"
              aria-label={t('team.token')}
              placeholder={t('team.token')}
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
          <button type="button" className="button-primary" onClick={() => void sync()} disabled={syncing || (needsToken && !token.trim())}>
            {syncing ? t('team.syncing') : t('team.sync')}
          </button>
        </>
      ) : (
        <>
          <p className="muted">{t('team.alone')}</p>
          <button type="button" className="button-secondary" onClick={() => setStarting(true)}>
            {t('team.startSharingMore')}
          </button>
        </>
      )}
      {copies.length > 0 && (
        <ul className="team-copies" aria-label={t('team.copies')}>
          {copies.map((copy) => (
            <li key={copy.path}>
              <span>
                <strong translate="no">{copy.file}</strong>
                {t('team.copyMade', { service: copy.service, original: copy.originalFile })}
              </span>
              <button type="button" className="button-secondary button-small" onClick={() => void merge(copy)}>
                {t('team.mergeInto', { original: copy.originalFile })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {starting && (
        <StartSharingDialog
          onClose={() => setStarting(false)}
          onDone={(next) => {
            setStarting(false)
            setStatus(next)
            notify('info', next.remote ? t('team.sharedNotice', { url: next.remote.url }) : t('team.repositoryNotice'))
            void refreshLibrary()
          }}
        />
      )}
    </section>
  )
}

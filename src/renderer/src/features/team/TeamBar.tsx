import { useEffect, useState, type SyntheticEvent } from 'react'
import type { SyncCopy, TeamStatus } from '@contract/team'
import { apiAction } from '../../api/api-action'
import { Dialog } from '../../components/Dialog'
import { FormActions } from '../../components/FormActions'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'

const isHttp = (remote: string): boolean => /^https?:\/\//i.test(remote.trim())

/** "2 to send · 1 to receive · synced 14:02", or why the last sync did not reach the team. */
function syncSummary(status: TeamStatus): string {
  const parts = [`${status.ahead} to send`, `${status.behind} to receive`]
  if (status.uncommitted) parts.push(`${status.uncommitted} changed file${status.uncommitted === 1 ? '' : 's'} not committed yet`)
  parts.push(status.lastSync ? `last synced ${formatDateTime(status.lastSync)}` : 'never synced')
  return parts.join(' · ')
}

function StartSharingDialog({ onClose, onDone }: { onClose: () => void; onDone: (status: TeamStatus) => void }) {
  const [remote, setRemote] = useState('')
  const [token, setToken] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
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
    <Dialog title="Start sharing" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="hint">
          The projects folder becomes a git repository: your saved work is committed with the claims it touched, and Sync exchanges it with
          the team. Nothing needs installing.
        </p>
        <label htmlFor="team-remote">Team folder or git host</label>
        <input
          id="team-remote"
          value={remote}
          onChange={(e) => setRemote(e.target.value)}
          placeholder="/Volumes/Share/team.git or https://git.example.org/desk/checks.git"
          autoFocus
        />
        <p className="hint">
          A folder on a network share or USB stick (an empty one becomes the team’s), or an HTTPS address. Empty: commit here only.
        </p>
        {isHttp(remote) && (
          <>
            <label htmlFor="team-token">Access token</label>
            <input id="team-token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
            <p className="hint">
              Kept in the system keychain in the desktop app (this session only in the browser edition), never in a project file.
            </p>
          </>
        )}
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <FormActions submitLabel="Start sharing" onCancel={onClose} />
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
        ? (result.message ?? 'The team could not be reached; your work is committed here.')
        : `Synced${received ? `: ${received} project${received === 1 ? '' : 's'} updated` : ''}${
            result.conflicts ? `, ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'} to resolve on their claims` : ''
          }.`,
    )
    await refreshLibrary()
  }
  const merge = async (copy: SyncCopy): Promise<void> => {
    const merged = await apiAction('team:mergeCopy', { path: copy.path })
    if (!merged) return
    notify(
      'info',
      `Merged “${copy.file}” into “${copy.originalFile}”${merged.conflicts ? `; ${merged.conflicts} conflicts to resolve` : ''}. The copy is in the trash.`,
    )
    await refreshLibrary()
  }
  const needsToken = status?.remote?.kind === 'http' && !status.tokenReady

  return (
    <section className="team-bar" aria-label="Team">
      {status?.shared ? (
        <>
          <p>
            <strong>Shared</strong>
            {status.remote ? <> with {status.remote.url}</> : ' (no team remote yet)'} · <span>{syncSummary(status)}</span>
            {status.offline && <span className="hint-warn"> · offline: {status.message}</span>}
          </p>
          {needsToken && (
            <input
              type="password"
              aria-label="Access token"
              placeholder="Access token"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
          <button type="button" className="button-primary" onClick={() => void sync()} disabled={syncing || (needsToken && !token.trim())}>
            {syncing ? 'Syncing…' : 'Sync'}
          </button>
        </>
      ) : (
        <>
          <p className="muted">This projects folder is yours alone. Share it with your team through a shared folder or a git host.</p>
          <button type="button" className="button-secondary" onClick={() => setStarting(true)}>
            Start sharing…
          </button>
        </>
      )}
      {copies.length > 0 && (
        <ul className="team-copies" aria-label="Copies left by a sync client">
          {copies.map((copy) => (
            <li key={copy.path}>
              <span>
                <strong>{copy.file}</strong> is a copy {copy.service} made when two people saved “{copy.originalFile}” at once.
              </span>
              <button type="button" className="button-secondary button-small" onClick={() => void merge(copy)}>
                Merge into {copy.originalFile}
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
            notify(
              'info',
              next.remote ? `Shared with ${next.remote.url}.` : 'This folder is now a git repository; add a team remote to sync.',
            )
            void refreshLibrary()
          }}
        />
      )}
    </section>
  )
}

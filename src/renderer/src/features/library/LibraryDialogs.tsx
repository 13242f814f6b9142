import { useEffect, useState, type SyntheticEvent } from 'react'
import type { ProjectSummary, Settings, TrashedProject } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { Dialog } from '../../components/Dialog'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'
import { FormActions } from '../../components/FormActions'
import { useGitIdentity } from '../team/identity'

export function RenameDialog({ summary, onClose }: { summary: ProjectSummary; onClose: () => void }) {
  const [title, setTitle] = useState(summary.title)
  const renameProject = useApp((s) => s.renameProject)
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (await renameProject(summary, title)) onClose()
  }
  return (
    <Dialog title="Rename project" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="rename-title">Title</label>
        <input id="rename-title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        <p className="hint">The file is renamed to match; nothing else changes.</p>
        <FormActions submitLabel="Rename" onCancel={onClose} disabled={!title.trim()} />
      </form>
    </Dialog>
  )
}

export function TrashDialog({ onClose }: { onClose: () => void }) {
  const [items, setItems] = useState<TrashedProject[] | null>(null)
  const refreshLibrary = useApp((s) => s.refreshLibrary)
  const notify = useApp((s) => s.notify)
  useEffect(() => {
    void apiAction('project:trash', {}).then((trashed) => trashed && setItems(trashed))
  }, [])
  const restore = async (item: TrashedProject): Promise<void> => {
    if (!(await apiAction('project:restore', { trashPath: item.trashPath }))) return
    setItems((list) => list?.filter((i) => i.trashPath !== item.trashPath) ?? null)
    await refreshLibrary()
    notify('info', `Restored “${item.title}”.`)
  }
  return (
    <Dialog title="Trash" onClose={onClose}>
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">The trash is empty.</p>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.trashPath}>
              <span>
                <strong>{item.title}</strong>
                <span className="muted"> · deleted {formatDateTime(item.deletedAt)}</span>
              </span>
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => void restore(item)}
                aria-label={`Restore ${item.title}`}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">Deleted projects are kept in the .trash folder inside the projects folder until you remove them there.</p>
    </Dialog>
  )
}

/** Who the checker is (history, claims) and which organisation publishes (ClaimReview author). */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useApp((s) => s.settings)
  const info = useApp((s) => s.info)
  const updateSettings = useApp((s) => s.updateSettings)
  const boot = useApp((s) => s.boot)
  const git = useGitIdentity()
  const [draft, setDraft] = useState<
    Pick<Settings, 'checkerName' | 'checkerEmail' | 'organisationName' | 'organisationUrl' | 'projectsDir'>
  >({
    checkerName: settings?.checkerName ?? '',
    checkerEmail: settings?.checkerEmail ?? '',
    organisationName: settings?.organisationName ?? '',
    organisationUrl: settings?.organisationUrl ?? '',
    projectsDir: settings?.projectsDir ?? '',
  })
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    await updateSettings(draft)
    await boot()
    onClose()
  }
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value })
  return (
    <Dialog title="Settings" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="settings-checker">Your name (shown on claims and in the history)</label>
        <input id="settings-checker" value={draft.checkerName} onChange={set('checkerName')} placeholder={git.name} />
        <label htmlFor="settings-email">Your e-mail (who you are to your team: assignments, reviews, commits)</label>
        <input id="settings-email" type="email" value={draft.checkerEmail} onChange={set('checkerEmail')} placeholder={git.email} />
        {(git.name || git.email) && (!draft.checkerName || !draft.checkerEmail) && (
          <p className="hint">
            Empty fields use git’s: {[git.name, git.email].filter(Boolean).join(', ')}.{' '}
            <button
              type="button"
              className="button-link"
              onClick={() =>
                setDraft({ ...draft, checkerName: draft.checkerName || git.name, checkerEmail: draft.checkerEmail || git.email })
              }
            >
              Use them
            </button>
          </p>
        )}
        <label htmlFor="settings-org">Organisation (author of published ClaimReview)</label>
        <input id="settings-org" value={draft.organisationName} onChange={set('organisationName')} />
        <label htmlFor="settings-org-url">Organisation website</label>
        <input id="settings-org-url" type="url" value={draft.organisationUrl} onChange={set('organisationUrl')} placeholder="https://" />
        <label htmlFor="settings-dir">Projects folder</label>
        <input
          id="settings-dir"
          value={draft.projectsDir}
          onChange={set('projectsDir')}
          placeholder={info?.projectsDir}
          disabled={info?.projectsDirSource === 'env'}
        />
        <p className="hint">
          {info?.projectsDirSource === 'env'
            ? 'Set by the FACTDESK_HOME variable for this session.'
            : 'An absolute path; empty for the default (Documents/Factdesk).'}
        </p>
        <FormActions submitLabel="Save settings" onCancel={onClose} />
      </form>
    </Dialog>
  )
}

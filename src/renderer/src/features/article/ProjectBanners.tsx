import type { OpenedProject } from '@contract/api'
import { Dialog } from '../../components/Dialog'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'

/** The file changed on disk behind Factdesk's back: reload it, or keep this version as a copy. */
function ConflictBanner() {
  const resolveConflict = useApp((s) => s.resolveConflict)
  const save = useApp((s) => s.save)
  if (save?.state !== 'conflict') return null
  return (
    <div className="banner banner-danger" role="alert">
      <p>{save.message}</p>
      <button type="button" className="button-secondary" onClick={() => void resolveConflict('project:reload')}>
        Reload from disk
      </button>
      <button type="button" className="button-primary" onClick={() => void resolveConflict('project:saveCopy')}>
        Save my version as a copy
      </button>
    </div>
  )
}

/** The last save failed (a full or read-only disk): the edits are in memory and retried; a copy can go elsewhere. */
function SaveErrorBanner({ opened }: { opened: OpenedProject }) {
  const resolveConflict = useApp((s) => s.resolveConflict)
  const save = useApp((s) => s.save)
  if (save?.state !== 'error' || opened.readOnly) return null
  return (
    <div className="banner banner-danger" role="alert">
      <p>
        <strong>Not saved.</strong> {save.message}
      </p>
      <button type="button" className="button-primary" onClick={() => void resolveConflict('project:saveCopy')}>
        Save a copy
      </button>
    </div>
  )
}

/** Why nothing can be changed here (someone else has it open, the file or folder is read-only), and the way out. */
function ReadOnlyBanner({ opened }: { opened: OpenedProject }) {
  const takeOver = useApp((s) => s.takeOver)
  const resolveConflict = useApp((s) => s.resolveConflict)
  const { readOnly } = opened
  if (!readOnly) return null
  return (
    <div className="banner banner-warn" role="status">
      <p>
        <strong>Read-only.</strong> {readOnly.message}
      </p>
      {readOnly.reason === 'locked' && (
        <button type="button" className="button-secondary" onClick={() => void takeOver()}>
          Take over
        </button>
      )}
      <button type="button" className="button-primary" onClick={() => void resolveConflict('project:saveCopy')}>
        Save a copy
      </button>
    </div>
  )
}

/** Edits kept from an earlier session that could not be saved then: bring them back, or let them go. */
function RecoveryBanner({ opened }: { opened: OpenedProject }) {
  const resolveRecovery = useApp((s) => s.resolveRecovery)
  const { recovery } = opened
  if (!recovery || opened.readOnly) return null
  const edits = recovery.edits === 1 ? 'the 1 unsaved edit' : `the ${recovery.edits} unsaved edits`
  return (
    <div className="banner banner-warn" role="alert">
      <p>
        Restore {edits} from {formatDateTime(recovery.at)}?{' '}
        {recovery.asCopy
          ? 'The project has changed since, so they come back as a copy beside it.'
          : 'They could not be saved then and were kept for you.'}
      </p>
      <button type="button" className="button-secondary" onClick={() => void resolveRecovery('project:discardRecovery')}>
        Discard them
      </button>
      <button type="button" className="button-primary" onClick={() => void resolveRecovery('project:restoreRecovery')}>
        Restore
      </button>
    </div>
  )
}

/** Another window changed the same field: both versions side by side, and the checker keeps one. */
function EditConflictDialog() {
  const conflict = useApp((s) => s.editConflict)
  const resolve = useApp((s) => s.resolveEditConflict)
  if (!conflict) return null
  return (
    <Dialog
      title="Changed in another window"
      onClose={() => void resolve('theirs')}
      wide
      footer={
        <>
          <button type="button" className="button-secondary" onClick={() => void resolve('theirs')}>
            Keep theirs
          </button>
          <button type="button" className="button-primary" onClick={() => void resolve('mine')}>
            Keep mine
          </button>
        </>
      }
    >
      <p>{conflict.message}</p>
      {conflict.conflicts.map((field) => (
        <div key={field.key} className="edit-conflict">
          <h3>{field.what}</h3>
          <div className="edit-conflict-sides">
            <figure>
              <figcaption>Theirs (now in the project)</figcaption>
              <p className="edit-conflict-text">{field.theirs || '(empty)'}</p>
            </figure>
            <figure>
              <figcaption>Yours</figcaption>
              <p className="edit-conflict-text">{field.yours || '(empty)'}</p>
            </figure>
          </div>
        </div>
      ))}
    </Dialog>
  )
}

/** Everything the project screen must tell before the checker works on: conflicts, read-only, kept edits. */
export function ProjectBanners({ opened }: { opened: OpenedProject }) {
  return (
    <>
      <ConflictBanner />
      <SaveErrorBanner opened={opened} />
      <ReadOnlyBanner opened={opened} />
      <RecoveryBanner opened={opened} />
      <EditConflictDialog />
    </>
  )
}

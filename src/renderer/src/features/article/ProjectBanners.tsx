import { useTranslation } from 'react-i18next'
import type { OpenedProject } from '@contract/api'
import { readOnlySentence, useEngineSentence } from '../../components/engine-sentences'
import { Dialog } from '../../components/Dialog'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'
import { conflictSubject, editConflictValue } from '../team/conflict-text'

/** The file changed on disk behind Factdesk's back: reload it, or keep this version as a copy. */
function ConflictBanner({ opened }: { opened: OpenedProject }) {
  const { t } = useTranslation()
  const sentence = useEngineSentence()
  const resolveConflict = useApp((s) => s.resolveConflict)
  const save = useApp((s) => s.save)
  if (save?.state !== 'conflict') return null
  return (
    <div className="banner banner-danger" role="alert">
      <p>{sentence(save.message ?? '', () => t('banners.conflict', { file: opened.path }))}</p>
      <button type="button" className="button-secondary" onClick={() => void resolveConflict('project:reload')}>
        {t('banners.reload')}
      </button>
      <button type="button" className="button-primary" onClick={() => void resolveConflict('project:saveCopy')}>
        {t('banners.saveMineAsCopy')}
      </button>
    </div>
  )
}

/** The last save failed (a full or read-only disk): the edits are in memory and retried; a copy can go elsewhere. */
function SaveErrorBanner({ opened }: { opened: OpenedProject }) {
  const { t } = useTranslation()
  const sentence = useEngineSentence()
  const resolveConflict = useApp((s) => s.resolveConflict)
  const save = useApp((s) => s.save)
  if (save?.state !== 'error' || opened.readOnly) return null
  return (
    <div className="banner banner-danger" role="alert">
      <p>
        <strong>{t('banners.notSaved')}</strong> {sentence(save.message ?? '', () => t('banners.saveError'))}
      </p>
      <button type="button" className="button-primary" onClick={() => void resolveConflict('project:saveCopy')}>
        {t('banners.saveCopy')}
      </button>
    </div>
  )
}

/** Why nothing can be changed here (someone else has it open, the file or folder is read-only), and the way out. */
function ReadOnlyBanner({ opened }: { opened: OpenedProject }) {
  const { t } = useTranslation()
  const sentence = useEngineSentence()
  const takeOver = useApp((s) => s.takeOver)
  const resolveConflict = useApp((s) => s.resolveConflict)
  const { readOnly } = opened
  if (!readOnly) return null
  return (
    <div className="banner banner-warn" role="status">
      <p>
        <strong>{t('banners.readOnly')}</strong> {sentence(readOnly.message, () => readOnlySentence(readOnly, opened.path, t))}
      </p>
      {readOnly.reason === 'locked' && (
        <button type="button" className="button-secondary" onClick={() => void takeOver()}>
          {t('banners.takeOver')}
        </button>
      )}
      <button type="button" className="button-primary" onClick={() => void resolveConflict('project:saveCopy')}>
        {t('banners.saveCopy')}
      </button>
    </div>
  )
}

/** Edits kept from an earlier session that could not be saved then: bring them back, or let them go. */
function RecoveryBanner({ opened }: { opened: OpenedProject }) {
  const { t } = useTranslation()
  const resolveRecovery = useApp((s) => s.resolveRecovery)
  const { recovery } = opened
  if (!recovery || opened.readOnly) return null
  return (
    <div className="banner banner-warn" role="alert">
      <p>
        {t('banners.restoreQuestion', { count: recovery.edits, at: formatDateTime(recovery.at) })}{' '}
        {recovery.asCopy ? t('banners.restoreAsCopy') : t('banners.restoreKept')}
      </p>
      <button type="button" className="button-secondary" onClick={() => void resolveRecovery('project:discardRecovery')}>
        {t('banners.discard')}
      </button>
      <button type="button" className="button-primary" onClick={() => void resolveRecovery('project:restoreRecovery')}>
        {t('banners.restore')}
      </button>
    </div>
  )
}

/** Another window changed the same field: both versions side by side, and the checker keeps one. */
function EditConflictDialog() {
  const { t } = useTranslation()
  const sentence = useEngineSentence()
  const conflict = useApp((s) => s.editConflict)
  const resolve = useApp((s) => s.resolveEditConflict)
  const project = useApp((s) => s.current?.project)
  if (!conflict) return null
  return (
    <Dialog
      title={t('banners.editConflictTitle')}
      onClose={() => void resolve('theirs')}
      wide
      footer={
        <>
          <button type="button" className="button-secondary" onClick={() => void resolve('theirs')}>
            {t('banners.keepTheirs')}
          </button>
          <button type="button" className="button-primary" onClick={() => void resolve('mine')}>
            {t('banners.keepMine')}
          </button>
        </>
      }
    >
      <p>{sentence(conflict.message, () => t('banners.editConflict'))}</p>
      {conflict.conflicts.map((field) => (
        <div key={field.key} className="edit-conflict">
          <h3>{project ? conflictSubject(field.key, project, t) : field.what}</h3>
          <div className="edit-conflict-sides">
            <figure>
              <figcaption>{t('banners.theirs')}</figcaption>
              <p className="edit-conflict-text">{editConflictValue(field.key, field.theirs, t) || t('banners.empty')}</p>
            </figure>
            <figure>
              <figcaption>{t('banners.yours')}</figcaption>
              <p className="edit-conflict-text">{editConflictValue(field.key, field.yours, t) || t('banners.empty')}</p>
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
      <ConflictBanner opened={opened} />
      <SaveErrorBanner opened={opened} />
      <ReadOnlyBanner opened={opened} />
      <RecoveryBanner opened={opened} />
      <EditConflictDialog />
    </>
  )
}

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'
import { useWork } from '../../components/use-work'
import { useApp } from '../../store'
import { useEvidence } from './evidence-store'
import { openCaseFile } from './open-case-file'
import { FormProblem } from '../../components/FormProblem'

/**
 * Opening a case file: its name, and optionally the public key of the organisation that signed it,
 * to check the signature against (never a key from the zip). Nothing is unpacked until Open; a key
 * that is not one stays in the dialog with what is wrong.
 */
export function CaseOpenDialog() {
  const { t } = useTranslation()
  const file = useEvidence((s) => s.pendingCase)
  const [publicKey, setPublicKey] = useState<File | null>(null)
  const { working, problem, setProblem, run } = useWork()
  if (!file) return null
  const close = (): void => {
    setPublicKey(null)
    setProblem(null)
    useEvidence.setState({ pendingCase: null })
  }
  const open = (): Promise<void> =>
    run(async () => {
      await openCaseFile(file, publicKey, useApp.getState)
      close()
    })
  return (
    <Dialog
      title={t('evidence.caseOpen.title')}
      onClose={close}
      footer={
        <>
          <button type="button" className="button-quiet" onClick={close}>
            {t('evidence.caseOpen.cancel')}
          </button>
          <button type="button" className="button-primary" onClick={() => void open()} disabled={working}>
            {working ? t('evidence.caseOpen.working') : t('evidence.caseOpen.open')}
          </button>
        </>
      }
    >
      <p>
        <strong translate="no">{file.name}</strong>
      </p>
      <p className="muted">{t('evidence.caseOpen.about')}</p>
      <label htmlFor="case-public-key">{t('evidence.caseOpen.publicKey')}</label>
      <input id="case-public-key" type="file" accept=".pub,.pem" onChange={(event) => setPublicKey(event.target.files?.[0] ?? null)} />
      <p className="muted">{t('evidence.caseOpen.publicKeyHint')}</p>
      <FormProblem problem={problem} />
    </Dialog>
  )
}

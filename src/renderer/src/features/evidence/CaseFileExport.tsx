import { useState } from 'react'
import type { CaseOmission } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { fileToBase64 } from '../../api/base64'
import { MAX_KEY_BYTES } from '@contract/uploads'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'
import { omissionText } from './omission-text'
import { FormProblem } from '../../components/FormProblem'

/** A command line, the same in every language. */
const VERIFY_COMMAND = 'factdesk verify'

function downloadZip(base64: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'application/zip' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Export ▸ Case file, in the export dialog: the same zip as `factdesk case` (the project as saved,
 * its attached files, the reports and a manifest of SHA-256 hashes), saved like the reports are.
 * `language` is the report language chosen in the dialog, for the case's reports too.
 *
 * Optionally signed with the organisation's private key: the desktop asks for the key file with
 * the system's open dialog (the key never reaches this window); the browser edition takes it from
 * a file input and sends its bytes with this one export. Either way it signs this export only and
 * is kept nowhere: the file input is cleared once the export is done.
 */
export function CaseFileExport({ path, language }: { path: string; language: string }) {
  const { t } = useTranslation()
  const desktop = useApp((s) => s.info?.desktop === true)
  const notify = useApp((s) => s.notify)
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [omitted, setOmitted] = useState<CaseOmission[]>([])
  const [sign, setSign] = useState(false)
  const [keyFile, setKeyFile] = useState<File | null>(null)
  // A new input each export, so a chosen key does not stay selected after it was used.
  const [keyInput, setKeyInput] = useState(0)

  const save = async (): Promise<void> => {
    setWorking(true)
    setProblem(null)
    try {
      const inPlace = { onError: setProblem }
      if (desktop) {
        const saved = await apiAction('evidence:saveCase', { path, language, chooseSigningKey: sign }, inPlace)
        if (saved?.path) {
          setOmitted(saved.omitted)
          notify('info', t(saved.signed ? 'evidence.case.exportedSigned' : 'evidence.case.exported', { file: saved.path }))
        }
      } else {
        if (sign && !keyFile) {
          setProblem(t('evidence.case.sign.chooseKey'))
          return
        }
        let signingKey: { fileName: string; dataBase64: string } | undefined
        if (sign && keyFile) {
          const dataBase64 = await useApp.getState().attempt(() => fileToBase64(keyFile, MAX_KEY_BYTES), inPlace)
          if (dataBase64 === undefined) return
          signingKey = { fileName: keyFile.name, dataBase64 }
        }
        const rendered = await apiAction('evidence:renderCase', { path, language, ...(signingKey ? { signingKey } : {}) }, inPlace)
        if (rendered) {
          setOmitted(rendered.omitted)
          downloadZip(rendered.content, rendered.fileName)
          notify('info', t(signingKey ? 'evidence.case.downloadedSigned' : 'evidence.case.downloaded', { file: rendered.fileName }))
        }
      }
    } finally {
      setWorking(false)
      setKeyFile(null)
      setKeyInput((n) => n + 1)
    }
  }

  return (
    <fieldset className="case-file-export">
      <legend>{t('evidence.case.legend')}</legend>
      <p className="muted">
        {t('evidence.case.about')} <code translate="no">{VERIFY_COMMAND}</code>.
      </p>
      <label className="choice">
        <input type="checkbox" checked={sign} onChange={(event) => setSign(event.target.checked)} /> {t('evidence.case.sign.label')}
      </label>
      {sign && (
        <div className="case-file-sign">
          {desktop ? (
            <p className="muted">{t('evidence.case.sign.desktopHint')}</p>
          ) : (
            <>
              <label htmlFor="case-signing-key">{t('evidence.case.sign.keyFile')}</label>
              <input
                key={keyInput}
                id="case-signing-key"
                type="file"
                accept=".key,.pem"
                onChange={(event) => setKeyFile(event.target.files?.[0] ?? null)}
              />
            </>
          )}
          <p className="muted">{t('evidence.case.sign.notKept')}</p>
        </div>
      )}
      <button type="button" className="button-secondary" onClick={() => void save()} disabled={working}>
        {working ? t('evidence.case.writing') : desktop ? t('evidence.case.exportEllipsis') : t('evidence.case.export')}
      </button>
      {omitted.length > 0 && <p className="case-file-omitted">{t('evidence.case.omitted')}</p>}
      {omitted.length > 0 && (
        <ul className="export-warnings" aria-label={t('evidence.case.omittedLabel')}>
          {omitted.map((o) => (
            <li key={o.what}>{omissionText(o, t)}</li>
          ))}
        </ul>
      )}
      <FormProblem problem={problem} />
    </fieldset>
  )
}

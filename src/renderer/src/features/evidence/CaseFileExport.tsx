import { useState } from 'react'
import type { CaseOmission } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'

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
 */
export function CaseFileExport({ path, language }: { path: string; language: string }) {
  const { t } = useTranslation()
  const desktop = useApp((s) => s.info?.desktop === true)
  const notify = useApp((s) => s.notify)
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [omitted, setOmitted] = useState<CaseOmission[]>([])

  const save = async (): Promise<void> => {
    setWorking(true)
    setProblem(null)
    try {
      const inPlace = { onError: setProblem }
      if (desktop) {
        const saved = await apiAction('evidence:saveCase', { path, language }, inPlace)
        if (saved?.path) {
          setOmitted(saved.omitted)
          notify('info', t('evidence.case.exported', { file: saved.path }))
        }
      } else {
        const rendered = await apiAction('evidence:renderCase', { path, language }, inPlace)
        if (rendered) {
          setOmitted(rendered.omitted)
          downloadZip(rendered.content, rendered.fileName)
          notify('info', t('evidence.case.downloaded', { file: rendered.fileName }))
        }
      }
    } finally {
      setWorking(false)
    }
  }

  return (
    <fieldset className="case-file-export">
      <legend>{t('evidence.case.legend')}</legend>
      <p className="muted">
        {t('evidence.case.about')} <code translate="no">{VERIFY_COMMAND}</code>.
      </p>
      <button type="button" className="button-secondary" onClick={() => void save()} disabled={working}>
        {working ? t('evidence.case.writing') : desktop ? t('evidence.case.exportEllipsis') : t('evidence.case.export')}
      </button>
      {omitted.length > 0 && <p className="case-file-omitted">{t('evidence.case.omitted')}</p>}
      {omitted.length > 0 && (
        <ul className="export-warnings" aria-label={t('evidence.case.omittedLabel')}>
          {omitted.map((o) => (
            <li key={o.what}>
              {o.what}: {o.reason}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  )
}

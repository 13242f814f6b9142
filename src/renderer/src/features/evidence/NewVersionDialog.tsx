import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportedFile } from '@contract/api'
import { call } from '../../api/client'
import { fileToBase64 } from '../../api/base64'
import { MAX_IMPORT_BYTES } from '@contract/uploads'
import { Dialog } from '../../components/Dialog'
import { useWork } from '../../components/use-work'
import { useApp } from '../../store'
import { FormProblem } from '../../components/FormProblem'

/**
 * Import a newer version of the article, pasted or from a file: read by the same import as a new
 * project's article (in its worker), then every claim is found again in it by the engine.
 */
export function NewVersionDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation()
  const edit = useApp((s) => s.edit)
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const { working, problem, run } = useWork()

  const submit = (): Promise<void> =>
    run(async () => {
      const imported: ImportedFile = file
        ? await call('project:importFile', { fileName: file.name, dataBase64: await fileToBase64(file, MAX_IMPORT_BYTES) })
        : await call('project:importText', { text })
      const done = await edit('evidence:importVersion', { text: imported.text, origin: imported.origin })
      if (done) onImported()
    })

  return (
    <Dialog
      title={t('evidence.newVersion.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button-quiet" onClick={onClose}>
            {t('evidence.newVersion.cancel')}
          </button>
          <button type="button" className="button-primary" onClick={() => void submit()} disabled={working || (!file && !text.trim())}>
            {working ? t('evidence.newVersion.working') : t('evidence.newVersion.submit')}
          </button>
        </>
      }
    >
      <p className="muted">{t('evidence.newVersion.about')}</p>
      <label htmlFor="new-version-text">{t('evidence.newVersion.paste')}</label>
      <textarea id="new-version-text" rows={10} value={text} onChange={(e) => setText(e.target.value)} disabled={file !== null} />
      <label htmlFor="new-version-file">{t('evidence.newVersion.file')}</label>
      <input
        id="new-version-file"
        type="file"
        accept=".txt,.text,.md,.markdown,.html,.htm,.docx,.pdf"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <FormProblem problem={problem} />
    </Dialog>
  )
}

import { useState } from 'react'
import type { ImportedFile } from '@contract/api'
import { call, messageOf } from '../../api/client'
import { fileToBase64 } from '../../api/base64'
import { Dialog } from '../../components/Dialog'
import { useApp } from '../../store'

/**
 * Import a newer version of the article, pasted or from a file: read by the same import as a new
 * project's article (in its worker), then every claim is found again in it by the engine.
 */
export function NewVersionDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const edit = useApp((s) => s.edit)
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async (): Promise<void> => {
    setWorking(true)
    setProblem(null)
    try {
      const imported: ImportedFile = file
        ? await call('project:importFile', { fileName: file.name, dataBase64: await fileToBase64(file) })
        : await call('project:importText', { text })
      const done = await edit('evidence:importVersion', { text: imported.text, origin: imported.origin })
      if (done) onImported()
    } catch (error) {
      setProblem(messageOf(error))
    } finally {
      setWorking(false)
    }
  }

  return (
    <Dialog
      title="Import a newer version of the article"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button-primary" onClick={() => void submit()} disabled={working || (!file && !text.trim())}>
            {working ? 'Finding the claims…' : 'Import and find the claims'}
          </button>
        </>
      }
    >
      <p className="muted">
        The text you have now is kept as an earlier version. Each claim is looked for in the new text: unchanged, moved, changed (with the
        old and new words) or gone. A claim is never guessed onto another sentence.
      </p>
      <label htmlFor="new-version-text">Paste the newer text</label>
      <textarea id="new-version-text" rows={10} value={text} onChange={(e) => setText(e.target.value)} disabled={file !== null} />
      <label htmlFor="new-version-file">Or choose its file</label>
      <input
        id="new-version-file"
        type="file"
        accept=".txt,.text,.md,.markdown,.html,.htm,.docx,.pdf"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  )
}

import { call } from '../../api/client'
import { fileToBase64 } from '../../api/base64'
import type { AppState } from '../../store'
import { useEvidence } from './evidence-store'

/** A case file is the one .zip the library takes; articles come as .docx, .pdf, .html, text. */
export function isCaseFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip')
}

/** Unpacks a case file into the projects folder, opens its project and keeps the case's check for the evidence badge. */
export async function openCaseFile(file: File, app: () => AppState): Promise<void> {
  const opened = await call('evidence:openCase', { fileName: file.name, dataBase64: await fileToBase64(file) })
  useEvidence.setState({ fromCase: { path: opened.path, fileName: file.name, report: opened.report } })
  await app().openProject(opened.path)
  const where = opened.renamedFrom ? ` as ${opened.path.split(/[\\/]/).pop() ?? ''} (${opened.renamedFrom} was taken)` : ''
  app().notify(
    opened.report.intact ? 'info' : 'error',
    opened.report.intact
      ? `Opened the case file ${file.name}${where}: every file matches its manifest and the history is intact.`
      : `Opened the case file ${file.name}${where}, but it is not intact: see the evidence badge for what changed.`,
  )
}

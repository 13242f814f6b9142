import { call } from '../../api/client'
import { fileToBase64 } from '../../api/base64'
import { MAX_IMPORT_BYTES, MAX_KEY_BYTES } from '@contract/uploads'
import { i18n } from '../../i18n'
import type { AppState } from '../../store'
import { useEvidence } from './evidence-store'

/** A case file is the one .zip the library takes; articles come as .docx, .pdf, .html, text. */
export function isCaseFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip')
}

/** A case file chosen or dropped: the open dialog asks for an optional public key before anything is unpacked. */
export function chooseCaseFile(file: File): Promise<void> {
  useEvidence.setState({ pendingCase: file })
  return Promise.resolve()
}

/**
 * Unpacks a case file into the projects folder, opens its project and keeps the case's check for
 * the evidence badge; with a public key, the case's signature is checked against it.
 */
export async function openCaseFile(file: File, publicKey: File | null, app: () => AppState): Promise<void> {
  const opened = await call('evidence:openCase', {
    fileName: file.name,
    dataBase64: await fileToBase64(file, MAX_IMPORT_BYTES),
    ...(publicKey ? { publicKey: { fileName: publicKey.name, dataBase64: await fileToBase64(publicKey, MAX_KEY_BYTES) } } : {}),
  })
  useEvidence.setState({ fromCase: { path: opened.path, fileName: file.name, report: opened.report } })
  await app().openProject(opened.path)
  const values = {
    file: file.name,
    saved: opened.path.split(/[\\/]/).pop() ?? '',
    taken: opened.renamedFrom ?? '',
    renamed: opened.renamedFrom ? 'yes' : 'no',
  }
  const signature = opened.report.checks.find((check) => check.id === 'signature')
  const intact = opened.report.intact
  const message = [
    i18n.t(intact ? 'evidence.case.openedIntact' : 'evidence.case.openedBroken', values),
    ...(publicKey && signature ? [i18n.t(`evidence.case.signature.${signature.status === 'intact' ? 'matches' : 'fails'}`)] : []),
  ].join(' ')
  app().notify(intact ? 'info' : 'error', message)
}

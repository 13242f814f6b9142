import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { withoutLines } from '@contract/import'
import type { ImportedFile } from '@contract/api'
import { titleFromFirstLine } from '@domain/project/create'
import { detectLanguage } from '@domain/text/language'
import { IMPORT_EXTENSIONS, type ImportedArticle } from '../import'
import { ImportJobs } from '../import/import-jobs'
import type { Engine } from '../services'
import { sha256 } from '../evidence/verify'
import type { HandlersFor } from './types'

/**
 * What the new-project form gets from a file or a paste: its text and metadata, the language
 * detected when the file names none, and the title the project will get: the file's own, else the
 * headline, else the first line (cut at a word) of the text as it stands once the recognised lines
 * are taken out (the form's default), so the form never shows an empty title for one that will be made.
 */
function importedFile(fileName: string, { encoding, ...imported }: ImportedArticle, bytes?: Uint8Array): ImportedFile {
  const origin = bytes ? { fileName, sha256: sha256(bytes), bytes: bytes.byteLength } : null
  const headline = imported.recognised.find((line) => line.fills.title)?.fills.title
  const title = imported.title || headline || titleFromFirstLine(withoutLines(imported.text, imported.recognised))
  return { ...imported, title, fileName, origin, language: imported.language ?? detectLanguage(imported.text) }
}

export function importHandlers({
  needDesktop,
  uiTranslator,
}: Engine): HandlersFor<
  'project:importFile' | 'project:importText' | 'project:importProgress' | 'project:cancelImport' | 'app:chooseImportFile'
> {
  // Every import runs in a worker under the limits of import/limits.ts (see import/worker-runner.ts).
  const jobs = new ImportJobs()
  return {
    'project:importFile': async ({ fileName, dataBase64, importId }) => {
      const bytes = Buffer.from(dataBase64, 'base64')
      return importedFile(fileName, await jobs.run(importId, { kind: 'bytes', bytes, fileName }), bytes)
    },
    'project:importText': async ({ text, title, importId }) => importedFile('', await jobs.run(importId, { kind: 'text', text, title })),
    'project:importProgress': ({ importId }) => Promise.resolve(jobs.progress(importId)),
    'project:cancelImport': ({ importId }) => Promise.resolve({ cancelled: jobs.cancel(importId) }),
    'app:chooseImportFile': async ({ importId }) => {
      const desktop = needDesktop('chooseArticle')
      const { t } = await uiTranslator()
      const path = await desktop.chooseOpenFile({
        title: t('nativeDialogs.importArticle'),
        filters: [{ name: t('nativeDialogs.articleFiles'), extensions: [...IMPORT_EXTENSIONS] }],
      })
      if (!path) return null
      const imported = await jobs.run(importId, { kind: 'file', path })
      // Hashed after the import read it, so a file the import refused (too large, not an article) is never read twice.
      return importedFile(basename(path), imported, await readFile(path))
    },
  }
}

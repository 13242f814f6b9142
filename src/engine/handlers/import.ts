import { basename } from 'node:path'
import { withoutLines } from '@contract/import'
import type { ImportedFile } from '@contract/api'
import { titleFromFirstLine } from '@domain/project/create'
import { detectLanguage } from '@domain/text/language'
import { IMPORT_EXTENSIONS, type ImportedArticle } from '../import'
import { ImportJobs } from '../import/import-jobs'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/**
 * What the new-project form gets from a file or a paste: its text and metadata, the language
 * detected when the file names none, and the title the project will get: the file's own, else the
 * headline, else the first line (cut at a word) of the text as it stands once the recognised lines
 * are taken out (the form's default), so the form never shows an empty title for one that will be made.
 */
function importedFile(fileName: string, { encoding, ...imported }: ImportedArticle): ImportedFile {
  const headline = imported.recognised.find((line) => line.fills.title)?.fills.title
  const title = imported.title || headline || titleFromFirstLine(withoutLines(imported.text, imported.recognised))
  return { ...imported, title, fileName, language: imported.language ?? detectLanguage(imported.text) }
}

export function importHandlers({
  needDesktop,
}: Engine): HandlersFor<
  'project:importFile' | 'project:importText' | 'project:importProgress' | 'project:cancelImport' | 'app:chooseImportFile'
> {
  // Every import runs in a worker under the limits of import/limits.ts (see import/worker-runner.ts).
  const jobs = new ImportJobs()
  return {
    'project:importFile': async ({ fileName, dataBase64, importId }) =>
      importedFile(fileName, await jobs.run(importId, { kind: 'bytes', bytes: Buffer.from(dataBase64, 'base64'), fileName })),
    'project:importText': async ({ text, title, importId }) => importedFile('', await jobs.run(importId, { kind: 'text', text, title })),
    'project:importProgress': ({ importId }) => Promise.resolve(jobs.progress(importId)),
    'project:cancelImport': ({ importId }) => Promise.resolve({ cancelled: jobs.cancel(importId) }),
    'app:chooseImportFile': async ({ importId }) => {
      const desktop = needDesktop('Choosing an article file with a dialog')
      const path = await desktop.chooseOpenFile({
        title: 'Import an article',
        filters: [{ name: 'Articles', extensions: [...IMPORT_EXTENSIONS] }],
      })
      return path ? importedFile(basename(path), await jobs.run(importId, { kind: 'file', path })) : null
    },
  }
}

import { basename } from 'node:path'
import type { ImportedFile } from '@contract/api'
import { detectLanguage } from '@domain/text/language'
import { IMPORT_EXTENSIONS, importBytes, importFile, type ImportedArticle } from '../import'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/** What the new-project form gets from a file: its text and metadata, the language detected when the file names none. */
function importedFile(fileName: string, { encoding, ...imported }: ImportedArticle): ImportedFile {
  return { ...imported, fileName, language: imported.language ?? detectLanguage(imported.text) }
}

export function importHandlers({ needDesktop }: Engine): HandlersFor<'project:importFile' | 'app:chooseImportFile'> {
  return {
    'project:importFile': async ({ fileName, dataBase64 }) =>
      importedFile(fileName, await importBytes(Buffer.from(dataBase64, 'base64'), fileName)),
    'app:chooseImportFile': async () => {
      const desktop = needDesktop('Choosing an article file with a dialog')
      const path = await desktop.chooseOpenFile({
        title: 'Import an article',
        filters: [{ name: 'Articles', extensions: [...IMPORT_EXTENSIONS] }],
      })
      return path ? importedFile(basename(path), await importFile(path)) : null
    },
  }
}

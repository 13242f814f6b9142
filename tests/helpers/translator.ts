import { join } from 'node:path'
import { translatorFor } from '@contract/i18n/translator'
import type { Translator } from '@domain/translate'
import { loadCatalogues } from '@engine/catalogues'

/** The shipped catalogues, read as every edition reads them. */
export const catalogues = loadCatalogues(join(import.meta.dirname, '..', '..', 'resources'))

export function translator(language: string): Translator {
  return translatorFor(catalogues, language)
}

import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Catalogue, Catalogues } from '@contract/i18n/translator'
import { AppError } from '@domain/errors'

/** Where the catalogues sit inside the resources folder: one `<language>.json` per language. */
export const LOCALES_DIR = 'locales'

const loaded = new Map<string, Catalogues>()

/**
 * Every catalogue in `resources/locales`, read once per folder. Reading the folder (not a list in
 * code) is what lets a new `xx.json` add a language to every edition without a code change. Read
 * synchronously: they are small and the shell's menu needs them before its first window.
 */
export function loadCatalogues(resourcesDir: string): Catalogues {
  const dir = join(resourcesDir, LOCALES_DIR)
  const cached = loaded.get(dir)
  if (cached) return cached
  let files: string[]
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json'))
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      `The language files are missing from this installation ("${dir}"): ${(error as Error).message}. Reinstall Factdesk.`,
      { key: 'install.missing', params: { file: dir } },
    )
  }
  const catalogues: Catalogues = {}
  for (const name of files) {
    const file = join(dir, name)
    try {
      catalogues[basename(name, '.json')] = JSON.parse(readFileSync(file, 'utf8')) as Catalogue
    } catch (error) {
      throw new AppError('INTERNAL', `The language file "${file}" is not valid JSON (${(error as Error).message}). Reinstall Factdesk.`, {
        key: 'install.damaged',
        params: { file },
      })
    }
  }
  loaded.set(dir, catalogues)
  return catalogues
}

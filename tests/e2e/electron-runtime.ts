import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ELECTRON_DIR = join(import.meta.dirname, '../../node_modules/electron')

/**
 * The Electron binary if its runtime is installed. Checked by looking for the files, never by
 * `require('electron')`, which would try to download the runtime.
 */
export function electronBinary(): string | null {
  const pathFile = join(ELECTRON_DIR, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(ELECTRON_DIR, 'dist'), readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export function electronMissingReason(): string | null {
  return electronBinary()
    ? null
    : "Electron's runtime is not installed here (node_modules/electron/path.txt and its binary under dist/ are missing; it downloads on first run on a connected machine)"
}

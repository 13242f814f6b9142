import { stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, resolve } from 'node:path'

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/**
 * Where File ▸ Open and Import start. Without a defaultPath, Electron ≥ 43 opens file dialogs in
 * the user's Downloads folder (OpenDialogOptions.defaultPath in electron.d.ts); a checker's
 * projects are in the projects folder. Before the first project that folder may not exist yet,
 * so the nearest folder above it that does is used.
 */
export async function dialogFolder(projectsDir: string): Promise<string> {
  for (let current = resolve(projectsDir); ; current = dirname(current)) {
    if ((await isDirectory(current)) || dirname(current) === current) return current
  }
}

/** A save dialog's suggestion: a bare file name goes into `folder`, a full path stays where it is. */
export function savePath(defaultPath: string, folder: string): string {
  return isAbsolute(defaultPath) ? defaultPath : join(folder, defaultPath)
}

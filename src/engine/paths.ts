import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

export type Env = Record<string, string | undefined>

/**
 * Where Factdesk keeps its settings: FACTDESK_CONFIG_DIR, or the folder Electron calls userData
 * for an app named "Factdesk", so the desktop app, the CLI and the browser edition share one.
 */
export function defaultConfigDir(env: Env = process.env, platform = process.platform): string {
  if (env.FACTDESK_CONFIG_DIR) return resolve(env.FACTDESK_CONFIG_DIR)
  const home = env.HOME || homedir()
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Factdesk')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Factdesk')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Factdesk')
}

/** The user's Documents folder, honouring XDG user-dirs on Linux as Electron does. */
export function documentsDir(env: Env = process.env, platform = process.platform): string {
  const home = env.HOME || homedir()
  if (platform === 'linux') {
    if (env.XDG_DOCUMENTS_DIR) return env.XDG_DOCUMENTS_DIR
    const dirsFile = join(env.XDG_CONFIG_HOME || join(home, '.config'), 'user-dirs.dirs')
    if (existsSync(dirsFile)) {
      const match = /^XDG_DOCUMENTS_DIR="(.+)"$/m.exec(readFileSync(dirsFile, 'utf8'))
      if (match?.[1]) return match[1].replace(/^\$HOME/, home)
    }
  }
  return join(home, 'Documents')
}

export interface ProjectsDirChoice {
  dir: string
  source: 'env' | 'setting' | 'default'
}

/** FACTDESK_HOME wins, then the setting, then "Factdesk" inside Documents. */
export function resolveProjectsDir(env: Env, setting: string, documents: string): ProjectsDirChoice {
  if (env.FACTDESK_HOME) return { dir: resolve(env.FACTDESK_HOME), source: 'env' }
  if (setting && isAbsolute(setting)) return { dir: setting, source: 'setting' }
  return { dir: join(documents, 'Factdesk'), source: 'default' }
}

import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path'
import { AppError } from '@domain/errors'
import { isWritableFolder } from './fs/durable'

/**
 * Which files the engine may touch for the API. The renderer is treated as untrusted (a page in
 * the browser edition, a compromised renderer in the app): it may name only projects inside the
 * projects folder, projects the checker chose this session (a native dialog, a file opened from the
 * OS, the command line), or ones it opened before (the recent list, which only the engine writes).
 */
export class PathAccess {
  private readonly granted = new Set<string>()

  constructor(
    private readonly projectsDir: () => Promise<string>,
    private readonly recent: () => Promise<readonly string[]>,
  ) {}

  /** The checker chose this file themselves (dialog, file manager, command line): it may be opened. */
  grant(path: string): void {
    this.granted.add(resolve(path))
  }

  /** Throws FORBIDDEN unless the API may open or change this project file. */
  async check(path: string): Promise<void> {
    const absolute = resolve(path)
    if (this.granted.has(absolute) || (await this.recent()).includes(absolute)) return
    const projectsDir = resolve(await this.projectsDir())
    // Real paths, so a symlink inside the projects folder cannot lead out of it; a folder that does
    // not exist yet is compared as written (opening then fails with NOT_FOUND).
    const [folder, projects] = await Promise.all([realFolder(dirname(absolute)), realFolder(projectsDir)])
    if (isInside(projects ?? projectsDir, folder ?? dirname(absolute))) return
    throw new AppError(
      'FORBIDDEN',
      `"${absolute}" is outside the projects folder (${await this.projectsDir()}), and it was not chosen in this session. Open it with File ▸ Open, or move it into the projects folder.`,
      { key: 'outsideProjects', params: { file: absolute, folder: await this.projectsDir() } },
    )
  }
}

async function realFolder(dir: string): Promise<string | null> {
  try {
    return await realpath(dir)
  } catch {
    return null
  }
}

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Folders that belong to the operating system: never a projects folder, whatever the settings say. */
const SYSTEM_FOLDERS: Record<'posix' | 'win32', readonly string[]> = {
  posix: [
    '/',
    '/bin',
    '/boot',
    '/dev',
    '/etc',
    '/lib',
    '/lib32',
    '/lib64',
    '/libx32',
    '/proc',
    '/root',
    '/run',
    '/sbin',
    '/srv',
    '/sys',
    '/usr',
    '/var',
    '/opt',
    '/snap',
    '/System',
    '/Library',
    '/Applications',
    '/private',
    '/cores',
    '/Volumes',
  ],
  win32: ['C:\\', 'C:\\Windows', 'C:\\Program Files', 'C:\\Program Files (x86)', 'C:\\ProgramData'],
}

export function isSystemFolder(dir: string, platform: NodeJS.Platform = process.platform): boolean {
  const list = platform === 'win32' ? SYSTEM_FOLDERS.win32 : SYSTEM_FOLDERS.posix
  const normal = platform === 'win32' ? dir.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase() : dir.replace(/\/+$/, '') || '/'
  return list.some((system) => {
    const candidate = platform === 'win32' ? system.replace(/\\$/, '').toLowerCase() : system
    if (normal === candidate) return true
    // Below a system folder too (/etc/factdesk, /usr/share), but not below / or C:\ themselves.
    return candidate !== '/' && candidate.length > 2 && normal.startsWith(`${candidate}${platform === 'win32' ? '\\' : '/'}`)
  })
}

/** Checks a projects folder a checker typed or chose: absolute, an existing writable folder, not the system's. */
export async function checkProjectsFolder(dir: string, platform: NodeJS.Platform = process.platform): Promise<string> {
  const field = 'Projects folder'
  const example = platform === 'win32' ? 'C:\\Users\\you\\Documents\\Factdesk' : '/home/you/Documents/Factdesk'
  if (!isAbsolute(dir))
    throw new AppError('INVALID_INPUT', `${field}: "${dir}" is not a full path; give one like ${example}.`, {
      key: 'folder.notAbsolute',
      params: { folder: dir, example },
    })
  const real = (await realFolder(dir)) ?? dir
  if (isSystemFolder(real, platform) || isSystemFolder(dir, platform)) {
    throw new AppError(
      'FORBIDDEN',
      `${field}: "${dir}" is a system folder; choose a folder of your own, such as Documents/Factdesk. Nothing was changed.`,
      { key: 'folder.system', params: { folder: dir } },
    )
  }
  const stats = await stat(dir).catch(() => null)
  if (!stats?.isDirectory())
    throw new AppError('NOT_FOUND', `${field}: "${dir}" does not exist or is not a folder; create it first. Nothing was changed.`, {
      key: 'folder.missing',
      params: { folder: dir },
    })
  if (!(await isWritableFolder(dir)))
    throw new AppError('FORBIDDEN', `${field}: "${dir}" cannot be written; choose a folder you may write to. Nothing was changed.`, {
      key: 'folder.notWritable',
      params: { folder: dir },
    })
  return dir
}

/** Files an export must never replace: a project, its backup, lock or recovery file, in any letter case. */
export function isProtectedFileName(path: string): boolean {
  const name = basename(path).toLowerCase()
  return /\.factdesk\.json(\.bak|\.lock)?$/.test(name) || name.endsWith('.recovery.json')
}

import * as fs from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import git from 'isomorphic-git'
import type { Env } from '../paths'

export interface GitIdentity {
  name: string
  email: string
}

const VIRTUAL_GITDIR = '/factdesk-global-git-config'

/**
 * git's `user.name` and `user.email`, read without a git binary: the projects folder's own
 * repository first, then `~/.gitconfig` (or $XDG_CONFIG_HOME/git/config). isomorphic-git reads only
 * a repository's `config`, so for the global file it is handed a file system in which that file
 * is a repository's config.
 */
export async function gitIdentity(env: Env, repoDir?: string): Promise<GitIdentity> {
  const home = env.HOME || homedir()
  const candidates = [
    ...(repoDir ? [join(repoDir, '.git', 'config')] : []),
    join(home, '.gitconfig'),
    join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config'),
  ]
  const found: GitIdentity = { name: '', email: '' }
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue
    const promises = {
      ...fs.promises,
      readFile: (path: string, options?: unknown) =>
        path === join(VIRTUAL_GITDIR, 'config')
          ? fs.promises.readFile(file, options as BufferEncoding)
          : fs.promises.readFile(path, options as BufferEncoding),
    }
    const read = async (path: string): Promise<string> => {
      const value: unknown = await git.getConfig({ fs: { promises }, gitdir: VIRTUAL_GITDIR, path }).catch(() => undefined)
      return typeof value === 'string' ? value.trim() : ''
    }
    found.name ||= await read('user.name')
    found.email ||= await read('user.email')
    if (found.name && found.email) break
  }
  return found
}

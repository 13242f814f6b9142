import * as fs from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import git, { type MergeDriverCallback } from 'isomorphic-git'
import http from 'isomorphic-git/http/node'
import type { SyncReason, SyncResult, TeamRemote, TeamStatus } from '@contract/team'
import { AppError } from '@domain/errors'
import { mergeProjectTexts } from '@domain/project/merge-files'
import type { Person } from '@domain/project/schema'
import { PROJECT_SUFFIX, sha256, writeNewProjectFile } from '../project-store'
import { commitMessage } from './commit-message'
import { BRANCH, fetchFromFolder, isBareRepository, pushToFolder } from './folder-remote'
import type { TokenStore } from './tokens'

/** What stays on each checker's laptop: locks, backups, temp files, caches, the trash. */
export const GITIGNORE = `# Written by Factdesk's "Start sharing": what stays on each checker's laptop.
*.lock
*.bak
*.tmp
.*.tmp
.factdesk/
.trash/
`
/** Project files merge with Factdesk's merge, for git on the command line too (`factdesk merge-driver`). */
export const GITATTRIBUTES = `# Written by Factdesk's "Start sharing": project files merge claim by claim, never with conflict markers.
*.factdesk.json merge=factdesk
`
const STATE_FILE = 'factdesk-sync.json'

interface SyncState {
  lastSync: string | null
  offline: boolean
  message: string | null
  /** The catalogue's key and values for `message` (absent in a state file an older Factdesk wrote). */
  reason?: SyncReason | null
}

/** What a sync outcome says, for the engine's log and the CLI, and which catalogue sentence (`errors.<key>`) says it in the UI. */
const NO_REMOTE = {
  message: 'No team remote is set: the work is committed here. Start sharing with a team folder or git host to sync.',
  reason: { key: 'teamNoRemote', params: {} },
}
const KEPT_MOVING = {
  message: 'The team’s copy kept moving while Factdesk pushed; sync again.',
  reason: { key: 'teamKeptMoving', params: {} },
}

export interface TeamSyncOptions {
  projectsDir: () => Promise<string>
  identity: () => Promise<Person>
  tokens: TokenStore
  now: () => Date
  /** Writes every open project's pending edits to disk, so they go into the commit. */
  flush: () => Promise<void>
  /**
   * A sync changed these project files on disk (absolute paths), each with the version its local
   * side had at the last commit: open projects merge their in-memory edits with the new file.
   */
  received: (changes: { path: string; committed: string | null }[]) => Promise<void>
}

const gitdirOf = (dir: string): string => join(dir, '.git')

/** Files that come and go while Factdesk runs (temp files of a save, locks, backups); git ignores them all. */
const TRANSIENT = /(\.tmp|\.lock|\.bak)$/

/**
 * The file system isomorphic-git reads the projects folder through. Its walk stats every name a
 * folder listing returns before it applies .gitignore, so a save's temp file that is renamed away
 * in between fails the whole status; names that are only ever transient are left out of listings.
 */
const teamFs = {
  ...fs,
  promises: {
    ...fs.promises,
    readdir: async (path: fs.PathLike, options?: unknown): Promise<string[]> => {
      const names = await fs.promises.readdir(path, options as undefined)
      return names.filter((name) => !TRANSIENT.test(name))
    },
  },
}

export function remoteOf(url: string): TeamRemote {
  if (/^https?:\/\//i.test(url)) return { kind: 'http', url }
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  return { kind: 'folder', url: resolve(path) }
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? ''
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH/.test(`${code} ${cause} ${String(error)}`)
}

/**
 * The projects folder as a git repository, driven with isomorphic-git (pure JavaScript, so a
 * checker's laptop needs no git installed): "Start sharing" makes it one (or clones the team's),
 * `commit` records the checker's saved work with the claims it touched, `sync` pulls, merges
 * project files with Factdesk's merge, and pushes. Offline first: commits wait here and go out at
 * the next sync that reaches the remote.
 */
export class TeamSync {
  private running: Promise<unknown> | null = null

  constructor(private readonly options: TeamSyncOptions) {}

  /** One git operation at a time per process: a sync, a commit or the start of sharing. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.running) await this.running.catch(() => undefined)
    const run = work()
    this.running = run
    try {
      return await run
    } finally {
      this.running = null
    }
  }

  async isShared(dir?: string): Promise<boolean> {
    const folder = dir ?? (await this.options.projectsDir())
    return fs.existsSync(join(gitdirOf(folder), 'HEAD'))
  }

  private async remote(dir: string): Promise<TeamRemote | null> {
    const url: unknown = await git.getConfig({ fs, dir, path: 'remote.origin.url' }).catch(() => undefined)
    return typeof url === 'string' && url ? remoteOf(url) : null
  }

  private async state(dir: string): Promise<SyncState> {
    try {
      return JSON.parse(await readFile(join(gitdirOf(dir), STATE_FILE), 'utf8')) as SyncState
    } catch {
      return { lastSync: null, offline: false, message: null }
    }
  }

  private async setState(dir: string, patch: Partial<SyncState>): Promise<void> {
    const next = { ...(await this.state(dir)), ...patch }
    await writeFile(join(gitdirOf(dir), STATE_FILE), JSON.stringify(next))
  }

  private async tip(dir: string, ref: string): Promise<string | null> {
    return git.resolveRef({ fs, dir, ref }).catch(() => null)
  }

  /** Commits reachable from `from` but not from `other` (counted along parents until their merge base). */
  private async countAhead(dir: string, from: string | null, other: string | null): Promise<number> {
    if (!from) return 0
    if (!other) return (await git.log({ fs, dir, ref: from })).length
    if (from === other) return 0
    const bases = new Set<string>(await git.findMergeBase({ fs, dir, oids: [from, other] }).catch(() => []))
    const seen = new Set<string>()
    const queue = [from]
    while (queue.length > 0) {
      const oid = queue.pop() as string
      if (seen.has(oid) || bases.has(oid)) continue
      seen.add(oid)
      const { commit } = await git.readCommit({ fs, dir, oid })
      queue.push(...commit.parent)
    }
    return seen.size
  }

  private async changedFiles(dir: string): Promise<{ path: string; deleted: boolean }[]> {
    const matrix = await git.statusMatrix({ fs: teamFs, dir })
    return matrix
      .filter(([, head, workdir, stage]) => !(head === 1 && workdir === 1 && stage === 1))
      .map(([path, , workdir]) => ({ path, deleted: workdir === 0 }))
  }

  async status(): Promise<TeamStatus> {
    const dir = await this.options.projectsDir()
    const empty: TeamStatus = {
      shared: false,
      dir,
      remote: null,
      ahead: 0,
      behind: 0,
      uncommitted: 0,
      lastSync: null,
      offline: false,
      message: null,
      reason: null,
      tokenReady: false,
    }
    if (!(await this.isShared(dir))) return empty
    const [remote, state, local, remoteTip, changed] = await Promise.all([
      this.remote(dir),
      this.state(dir),
      this.tip(dir, BRANCH),
      this.tip(dir, `refs/remotes/origin/${BRANCH}`),
      this.changedFiles(dir),
    ])
    return {
      ...empty,
      shared: true,
      remote,
      ahead: await this.countAhead(dir, local, remoteTip),
      behind: await this.countAhead(dir, remoteTip, local),
      uncommitted: changed.length,
      lastSync: state.lastSync,
      offline: state.offline,
      message: state.message,
      reason: state.reason ?? null,
      tokenReady: remote === null || remote.kind === 'folder' || (await this.options.tokens.has(remote.url)),
    }
  }

  private async auth(remote: TeamRemote, token?: string): Promise<{ onAuth?: () => { username: string; password: string } }> {
    if (remote.kind !== 'http') return {}
    if (token) await this.options.tokens.save(remote.url, token)
    const known = token ?? (await this.options.tokens.get(remote.url))
    if (!known) return {}
    // Git hosts take a token as the password; the user name is the one in the address, else any.
    const username = decodeURIComponent(new URL(remote.url).username) || 'factdesk'
    return { onAuth: () => ({ username, password: known }) }
  }

  /**
   * Makes the projects folder a shared repository: clones the team's remote into an empty folder,
   * or makes the folder a repository (with the .gitignore and .gitattributes that keep locks and
   * backups out and merge project files claim by claim), commits what is there and, with a
   * remote, syncs. A folder remote that does not exist yet is made a bare repository.
   */
  async startSharing(input: { remote?: string; token?: string }): Promise<TeamStatus> {
    const dir = await this.options.projectsDir()
    const remote = input.remote ? remoteOf(input.remote) : null
    await this.exclusive(async () => {
      await mkdir(dir, { recursive: true })
      if (remote?.kind === 'folder' && !(await isBareRepository(remote.url))) {
        if (fs.existsSync(remote.url) && fs.readdirSync(remote.url).length > 0) {
          throw new AppError(
            'INVALID_INPUT',
            `"${remote.url}" is neither empty nor a shared Factdesk repository; choose an empty folder or the team's existing one.`,
            { key: 'team.folderNotEmpty', params: { folder: remote.url } },
          )
        }
        await git.init({ fs, bare: true, dir: remote.url, defaultBranch: BRANCH })
      }
      const hasProjects = fs.readdirSync(dir).some((name) => !name.startsWith('.'))
      const fresh = !(await this.isShared(dir))
      if (fresh && remote?.kind === 'http' && !hasProjects) {
        await git.clone({ fs, http, dir, url: remote.url, ref: BRANCH, singleBranch: true, ...(await this.auth(remote, input.token)) })
      } else if (fresh) {
        await git.init({ fs, dir, defaultBranch: BRANCH })
        // An empty folder joining a team folder takes the team's history as it is, as a clone would.
        const tip = remote?.kind === 'folder' && !hasProjects ? await fetchFromFolder(gitdirOf(dir), remote.url) : null
        if (tip) {
          await git.writeRef({ fs, dir, ref: `refs/heads/${BRANCH}`, value: tip, force: true })
          await git.checkout({ fs: teamFs, dir, ref: BRANCH, force: true })
        }
      }
      await this.configure(dir, remote)
      await this.commitNow(dir, 'Start sharing')
    })
    if (remote) await this.sync({ ...(input.token ? { token: input.token } : {}) })
    return this.status()
  }

  private async configure(dir: string, remote: TeamRemote | null): Promise<void> {
    await writeFile(join(dir, '.gitignore'), GITIGNORE)
    await writeFile(join(dir, '.gitattributes'), GITATTRIBUTES)
    await git.setConfig({ fs, dir, path: 'merge.factdesk.name', value: 'Factdesk project merge (claims field by field)' })
    await git.setConfig({ fs, dir, path: 'merge.factdesk.driver', value: 'factdesk merge-driver %O %A %B' })
    if (remote) {
      await git.addRemote({ fs, dir, remote: 'origin', url: remote.url, force: true })
      await git.setConfig({ fs, dir, path: `branch.${BRANCH}.remote`, value: 'origin' })
      await git.setConfig({ fs, dir, path: `branch.${BRANCH}.merge`, value: `refs/heads/${BRANCH}` })
    }
  }

  /**
   * While the app runs, a commit every `intervalMs` as well as one per editing session, so that a
   * long session is not one huge commit; a commit with nothing changed is skipped. Returns the stop.
   */
  startAutoCommit(intervalMs: number): () => void {
    const timer = setInterval(() => void this.commit().catch(() => null), intervalMs)
    timer.unref()
    return () => clearInterval(timer)
  }

  /** Commits the checker's saved changes now (closing a project ends an editing session); null when there was nothing to commit. */
  async commit(): Promise<string | null> {
    const dir = await this.options.projectsDir()
    if (!(await this.isShared(dir))) return null
    await this.options.flush()
    return this.exclusive(() => this.commitNow(dir))
  }

  private async commitNow(dir: string, title?: string): Promise<string | null> {
    const changed = await this.changedFiles(dir)
    if (changed.length === 0) return null
    for (const { path, deleted } of changed) {
      if (deleted) await git.remove({ fs: teamFs, dir, filepath: path })
      else await git.add({ fs: teamFs, dir, filepath: path })
    }
    const person = await this.options.identity()
    const head = await this.tip(dir, 'HEAD')
    const message = await commitMessage(dir, head, changed, person, title)
    const author = {
      name: person.name || person.email || 'Factdesk',
      email: person.email,
      timestamp: Math.floor(this.options.now().getTime() / 1000),
    }
    return git.commit({ fs, dir, message, author, committer: author })
  }

  /** Fetches the remote's branch; null when it has none yet. Offline (unreachable) is an AppError with code IO. */
  private async fetch(dir: string, remote: TeamRemote, token?: string): Promise<string | null> {
    if (remote.kind === 'folder') {
      if (!(await isBareRepository(remote.url))) {
        throw Object.assign(
          new AppError('IO', `The team folder "${remote.url}" cannot be reached (is the share or USB stick connected?).`, {
            key: 'teamFolderUnreachable',
            params: { folder: remote.url },
          }),
          {
            offline: true,
          },
        )
      }
      return fetchFromFolder(gitdirOf(dir), remote.url)
    }
    try {
      await git.fetch({ fs, http, dir, remote: 'origin', ref: BRANCH, singleBranch: true, ...(await this.auth(remote, token)) })
    } catch (error) {
      if (isNetworkError(error)) {
        throw Object.assign(
          new AppError('IO', `The team's git host ${new URL(remote.url).host} cannot be reached; your commits wait here until it can.`, {
            key: 'teamHostUnreachable',
            params: { host: new URL(remote.url).host },
          }),
          {
            offline: true,
          },
        )
      }
      const name = (error as Error).name
      if (name === 'HttpError' && /401|403/.test(String(error))) {
        throw new AppError(
          'FORBIDDEN',
          `The team's git host refused the token (${(error as Error).message}); enter a valid token and sync again.`,
          { key: 'teamTokenRefused', params: { reason: (error as Error).message } },
        )
      }
      if (name === 'NotFoundError' || /Could not find/.test(String(error))) return null
      throw error
    }
    return this.tip(dir, `refs/remotes/origin/${BRANCH}`)
  }

  private async push(dir: string, remote: TeamRemote, tip: string, expected: string | null, token?: string): Promise<boolean> {
    if (remote.kind === 'folder') return pushToFolder(gitdirOf(dir), remote.url, tip, expected)
    const result = await git
      .push({ fs, http, dir, remote: 'origin', ref: BRANCH, ...(await this.auth(remote, token)) })
      .catch((error: unknown) => {
        if ((error as Error).name === 'PushRejectedError') return null
        throw error
      })
    return result?.ok ?? false
  }

  /** Merges project files with Factdesk's merge; anything else that both sides changed is a conflict git reports. */
  private driver(author: string, copies: { file: string; text: string }[], conflicts: { count: number }): MergeDriverCallback {
    return ({ path, contents }) => {
      const [base = '', ours = '', theirs = ''] = contents
      if (!path.endsWith(PROJECT_SUFFIX)) return { cleanMerge: false, mergedText: ours }
      const merged = mergeProjectTexts(base || null, ours, theirs, {
        now: this.options.now().toISOString(),
        author,
        theirsName: 'the team’s copy',
        sha256,
      })
      conflicts.count += merged.conflicts.length
      if (merged.articleConflict) copies.push({ file: path, text: theirs })
      return { cleanMerge: true, mergedText: merged.text }
    }
  }

  /** Project files that differ between two commits, with their content at `before`. */
  private async diff(dir: string, before: string, after: string): Promise<{ path: string; committed: string | null }[]> {
    const changed: { path: string; committed: string | null }[] = []
    await git.walk({
      fs,
      dir,
      trees: [git.TREE({ ref: before }), git.TREE({ ref: after })],
      map: async (path, [a, b]) => {
        if (path === '.') return true
        const [ta, tb] = [await a?.type(), await b?.type()]
        if (ta === 'tree' || tb === 'tree') return true
        const [oa, ob] = [await a?.oid(), await b?.oid()]
        if (oa === ob) return null
        const content = a ? await a.content() : undefined
        changed.push({ path, committed: content ? Buffer.from(content).toString('utf8') : null })
        return null
      },
    })
    return changed
  }

  /**
   * Pulls, merges and pushes. The checker's open projects are flushed and committed first; what
   * the remote brought in is checked out and handed to the open projects to merge with their
   * in-memory edits. Unreachable, the commits stay here and the status says so.
   */
  async sync(input: { token?: string } = {}): Promise<SyncResult> {
    const dir = await this.options.projectsDir()
    if (!(await this.isShared(dir))) {
      throw new AppError('INVALID_INPUT', `The projects folder "${dir}" is not shared yet; use Start sharing first.`, {
        key: 'team.notShared',
        params: { folder: dir },
      })
    }
    await this.options.flush()
    const received = new Map<string, string | null>()
    const copies: { file: string; text: string }[] = []
    const conflicts = { count: 0 }
    const outcome = await this.exclusive(async () => {
      await this.commitNow(dir)
      const remote = await this.remote(dir)
      if (!remote) return NO_REMOTE
      const person = await this.options.identity()
      const author = { name: person.name || person.email || 'Factdesk', email: person.email }
      for (let attempt = 0; attempt < 5; attempt++) {
        let remoteTip: string | null
        try {
          remoteTip = await this.fetch(dir, remote, input.token)
        } catch (error) {
          if ((error as { offline?: boolean }).offline) {
            const { key, params } = error as AppError
            await this.setState(dir, {
              offline: true,
              message: (error as Error).message,
              reason: key ? { key, params: params ?? {} } : null,
            })
            return null
          }
          throw error
        }
        const local = await this.tip(dir, BRANCH)
        if (
          remoteTip &&
          local &&
          remoteTip !== local &&
          !(await git.isDescendent({ fs, dir, oid: local, ancestor: remoteTip, depth: -1 }))
        ) {
          if (await git.isDescendent({ fs, dir, oid: remoteTip, ancestor: local, depth: -1 })) {
            await git.writeRef({ fs, dir, ref: `refs/heads/${BRANCH}`, value: remoteTip, force: true })
          } else {
            await git.merge({
              fs,
              dir,
              ours: BRANCH,
              theirs: `refs/remotes/origin/${BRANCH}`,
              author,
              committer: author,
              message: `${author.name}: merged the team's work`,
              mergeDriver: this.driver(author.name, copies, conflicts),
              allowUnrelatedHistories: true,
            })
          }
          const changed = await this.diff(dir, local, (await this.tip(dir, BRANCH)) as string)
          await git.checkout({ fs: teamFs, dir, ref: BRANCH, filepaths: changed.map((c) => c.path), force: true })
          for (const change of changed) if (!received.has(change.path)) received.set(change.path, change.committed)
        } else if (remoteTip && !local) {
          await git.writeRef({ fs, dir, ref: `refs/heads/${BRANCH}`, value: remoteTip, force: true })
          await git.checkout({ fs: teamFs, dir, ref: BRANCH, force: true })
        }
        const tip = await this.tip(dir, BRANCH)
        if (!tip || tip === remoteTip) break
        if (await this.push(dir, remote, tip, remoteTip, input.token)) break
        if (attempt === 4) return KEPT_MOVING
      }
      await this.setState(dir, { lastSync: this.options.now().toISOString(), offline: false, message: null, reason: null })
      return null
    })
    const kept: string[] = []
    for (const copy of copies) {
      const text = copy.text
      const project = mergeProjectTexts(null, text, text, { now: this.options.now().toISOString(), author: '' }).theirs
      kept.push(await writeNewProjectFile(dir, `${basename(copy.file, PROJECT_SUFFIX)} (theirs)`, project))
    }
    const projectChanges = [...received]
      .filter(([path]) => path.endsWith(PROJECT_SUFFIX))
      .map(([path, committed]) => ({ path: isAbsolute(path) ? path : join(dir, path), committed }))
    await this.options.received(projectChanges)
    if (outcome) await this.setState(dir, outcome)
    const status = await this.status()
    return {
      ...status,
      message: outcome?.message ?? status.message,
      reason: outcome?.reason ?? status.reason,
      received: projectChanges.map((c) => c.path),
      conflicts: conflicts.count,
      copies: kept,
    }
  }
}

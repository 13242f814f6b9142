import { randomBytes } from 'node:crypto'
import { hostname, userInfo } from 'node:os'
import { open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises'
import { writeFileAtomic } from './durable'

/**
 * One writer per project across processes: whoever opens a project for editing (the desktop app,
 * the browser edition, another checker on a shared folder) holds `<project>.lock`, a small JSON
 * file naming them, whose modification time is refreshed every few seconds. Written here rather
 * than with proper-lockfile: that library's lock is an empty folder, so a second opener could not
 * be told *who* holds the project, and it cannot see at once that the holder on the same machine
 * has died; both matter to a checker deciding whether to take over.
 */

export interface LockHolder {
  /** The checker's name from Settings, or the system user. */
  name: string
  user: string
  host: string
  pid: number
  edition: string
  /** ISO time the lock was taken. */
  since: string
}

interface LockFile extends LockHolder {
  token: string
}

/** The lock's modification time is refreshed this often while it is held. */
export const HEARTBEAT_MS = 5_000
/** A lock not refreshed for this long belongs to a process that is gone (or a machine that slept). */
export const STALE_MS = 30_000

export function lockPathFor(projectPath: string): string {
  return `${projectPath}.lock`
}

export function currentHolder(name: string, edition: string): LockHolder {
  let user = 'unknown'
  try {
    user = userInfo().username
  } catch {
    // Some containers have no passwd entry for the user; the name from Settings still tells who it is.
  }
  return { name: name || user, user, host: hostname(), pid: process.pid, edition, since: new Date().toISOString() }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readLock(path: string): Promise<{ lock: LockFile | null; mtimeMs: number } | null> {
  try {
    const [text, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    let lock: LockFile | null = null
    try {
      const parsed = JSON.parse(text) as Partial<LockFile>
      if (typeof parsed.token === 'string' && typeof parsed.pid === 'number' && typeof parsed.host === 'string') lock = parsed as LockFile
    } catch {
      lock = null
    }
    return { lock, mtimeMs: stats.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Whether the lock's holder is gone: not refreshed for STALE_MS, or a process on this machine that no longer runs. */
function isStale(found: { lock: LockFile | null; mtimeMs: number }, now = Date.now()): boolean {
  if (now - found.mtimeMs > STALE_MS) return true
  if (!found.lock) return false
  return found.lock.host === hostname() && found.lock.pid !== process.pid && !isAlive(found.lock.pid)
}

export type LockResult = { held: ProjectLock } | { heldBy: LockHolder }

/** A held lock: refreshed in the background, checked before every write, released on close. */
export class ProjectLock {
  private timer: NodeJS.Timeout | null = null
  private lostListener: ((by: LockHolder | null) => void) | null = null
  private released = false

  private constructor(
    readonly path: string,
    private readonly token: string,
    readonly holder: LockHolder,
  ) {}

  /**
   * Takes the lock of a project file. A stale lock is taken over; a live one is left alone and its
   * holder returned, unless `takeOver` says the checker chose to take the project over.
   */
  static async acquire(projectPath: string, holder: LockHolder, options: { takeOver?: boolean } = {}): Promise<LockResult> {
    const path = lockPathFor(projectPath)
    const token = randomBytes(12).toString('hex')
    const body = `${JSON.stringify({ ...holder, token } satisfies LockFile, null, 2)}\n`
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o644)
        try {
          await handle.writeFile(body)
        } finally {
          await handle.close()
        }
        return { held: new ProjectLock(path, token, holder).start() }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const found = await readLock(path)
      if (found === null) continue
      if (!options.takeOver && !isStale(found)) return { heldBy: holderOf(found.lock) }
      // Move the old lock aside under a unique name: of two openers racing for a stale lock, only
      // one rename finds it, and the other then meets the winner's fresh lock.
      const aside = `${path}.${token}.stale`
      try {
        await rename(path, aside)
        await unlink(aside)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    const found = await readLock(path)
    return { heldBy: holderOf(found?.lock ?? null) }
  }

  /** The holder named in a project's lock, or null when nobody holds it. */
  static async holderOf(projectPath: string): Promise<LockHolder | null> {
    const found = await readLock(lockPathFor(projectPath))
    return found && !isStale(found) ? holderOf(found.lock) : null
  }

  /** Called once if the lock is found taken by someone else (a take-over) or gone. */
  onLost(listener: (by: LockHolder | null) => void): void {
    this.lostListener = listener
  }

  /** Whether this process still holds the lock; checked right before each write. */
  async verify(): Promise<boolean> {
    if (this.released) return false
    const found = await readLock(this.path)
    if (found?.lock?.token === this.token) return true
    this.lose(found?.lock ? holderOf(found.lock) : null)
    return false
  }

  async release(): Promise<void> {
    if (this.released) return
    this.released = true
    if (this.timer) clearInterval(this.timer)
    const found = await readLock(this.path).catch(() => null)
    if (found?.lock?.token === this.token) await unlink(this.path).catch(() => undefined)
  }

  private start(): this {
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS)
    this.timer.unref()
    return this
  }

  private async beat(): Promise<void> {
    if (!(await this.verify().catch(() => true))) return
    const now = new Date()
    await utimes(this.path, now, now).catch(async () => {
      // A file system that refuses utimes (some network shares) still takes a rewrite.
      await writeFileAtomic(this.path, `${JSON.stringify({ ...this.holder, token: this.token }, null, 2)}\n`).catch(() => undefined)
    })
  }

  private lose(by: LockHolder | null): void {
    if (this.released) return
    this.released = true
    if (this.timer) clearInterval(this.timer)
    this.lostListener?.(by)
  }
}

function holderOf(lock: LockFile | null): LockHolder {
  if (!lock) return { name: 'another program', user: 'unknown', host: 'unknown', pid: 0, edition: 'unknown', since: '' }
  const { token: _token, ...holder } = lock
  return holder
}

/** "Sam Reyes (sam on laptop-2, the desktop app, since 14:02)", for banners and messages. */
/** A holder as catalogue values (`banners.holder`, `errors.openElsewhere`): the edition's id and the time the lock was taken, UTC. */
export function holderInfo(holder: LockHolder): { name: string; user: string; host: string; edition: string; since: string } {
  return {
    name: holder.name,
    user: holder.user,
    host: holder.host,
    edition: holder.edition,
    since: holder.since ? holder.since.slice(11, 16) : '',
  }
}

export function describeHolder(holder: LockHolder): string {
  const since = holder.since ? `, since ${holder.since.slice(11, 16)} UTC` : ''
  const edition = holder.edition === 'browser' ? 'the browser edition' : holder.edition === 'desktop' ? 'the desktop app' : holder.edition
  return `${holder.name} (${holder.user} on ${holder.host}, ${edition}${since})`
}

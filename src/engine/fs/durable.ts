import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { access, chmod, link, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * The one way Factdesk writes a file it cares about (projects, their .bak, attachments, reports,
 * settings). Every write goes to a temporary file with a random name created exclusively (two
 * writers, in one process or two, never share a temp file), is flushed to the disk (fsync), then
 * renamed over the target, and the folder is flushed too, so after a crash or a power cut the
 * target is either the old file or the complete new one. Node has no such function and lowdb's
 * writer (steno) uses one fixed temp name per file and no fsync, hence this module.
 */

const TEMP_SUFFIX = '.tmp'

/** `.name.<random>.tmp` beside the target: hidden, and recognisable as ours when cleaning up. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
}

/** Flushes a folder's entry list, so a rename in it survives a power cut. Windows cannot open folders. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Writes data to a new temp file beside target, flushed to disk; the caller renames or links it. */
async function writeTemp(target: string, data: string | Uint8Array, mode?: number): Promise<string> {
  const temp = tempPathFor(target)
  const handle = await open(temp, 'wx', mode ?? 0o666)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  // open()'s mode is masked by the umask; an explicit mode (a copied file's) must come through as it was.
  if (mode !== undefined) await chmod(temp, mode)
  return temp
}

export interface AtomicWriteOptions {
  /** File permissions for the new file; default: the replaced file's, else 0666 less the umask. */
  mode?: number
}

/** Replaces path with data atomically and durably (see the module comment). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const mode =
    options.mode ??
    (await stat(path).then(
      (s) => s.mode & 0o7777,
      () => undefined,
    ))
  const temp = await writeTemp(path, data, mode)
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncDir(dirname(path))
}

/**
 * Writes data under the first of `names` (in dir) that does not exist yet, and returns its path.
 * Nothing is ever replaced: the complete temp file is hard-linked to the name, which fails
 * atomically when the name is taken, even against another process.
 */
export async function createFileExclusive(dir: string, names: Iterable<string>, data: string | Uint8Array): Promise<string | null> {
  await mkdir(dir, { recursive: true })
  const temp = await writeTemp(join(dir, 'new'), data)
  try {
    for (const name of names) {
      const candidate = join(dir, name)
      try {
        await link(temp, candidate)
        await syncDir(dir)
        return candidate
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw Object.assign(error as Error, { path: candidate })
      }
    }
    return null
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/** Copies a file atomically (the copy is complete or absent); used for the .bak beside a project. */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  const handle = await open(from, 'r')
  let bytes: Buffer
  let mode: number
  try {
    bytes = await handle.readFile()
    mode = (await handle.stat()).mode & 0o7777
  } finally {
    await handle.close()
  }
  await writeFileAtomic(to, bytes, { mode: mode | 0o600 })
}

/** Whether a folder exists and may be written (a folder without write bits counts as read-only, even for root). */
export async function isWritableFolder(dir: string): Promise<boolean> {
  try {
    const stats = await stat(dir)
    if (!stats.isDirectory() || (stats.mode & 0o222) === 0) return false
    await access(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Temp files this module leaves only when a process dies mid-write; older than this, nobody is writing them. */
const STALE_TEMP_MS = 60_000

/**
 * Removes temp files of `target` left by a crash: older than a minute, so a live writer's is kept,
 * or any age when the caller knows nobody else writes the file (it holds the project's lock).
 */
export async function removeStaleTemps(target: string, olderThanMs = STALE_TEMP_MS, now = Date.now()): Promise<number> {
  const dir = dirname(target)
  const prefix = `.${basename(target)}.`
  let removed = 0
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX) || !/^[0-9a-f]{12}$/.test(name.slice(prefix.length, -TEMP_SUFFIX.length)))
      continue
    const path = join(dir, name)
    const stats = await stat(path).catch(() => null)
    if (stats?.isFile() && now - stats.mtimeMs >= olderThanMs) {
      await rm(path, { force: true })
      removed++
    }
  }
  return removed
}

/** A lowdb adapter that reads with JSON.parse and writes through writeFileAtomic. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly serialize: (data: T) => string = (data) => JSON.stringify(data, null, 2),
    /** Told the exact text each write put on disk (the project store keeps its hash). */
    private readonly onWritten?: (text: string) => void,
  ) {}

  async read(): Promise<T | null> {
    let handle
    try {
      handle = await open(this.path, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return JSON.parse(await handle.readFile('utf8')) as T
    } finally {
      await handle.close()
    }
  }

  write(data: T): Promise<void> {
    return this.writeText(this.serialize(data))
  }

  /** Writes text the caller already serialised (and checked) with this adapter's serialiser. */
  async writeText(text: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true })
    await writeFileAtomic(this.path, text)
    this.onWritten?.(text)
  }
}

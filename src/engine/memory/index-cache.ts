import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/durable'

/**
 * The library index's cache in `<projects>/.factdesk/index/`: the index itself (terms, postings and
 * per-record data as typed arrays, `index-<id>.bin`, described by `index.json`) and the records'
 * display fields (`records-<id>.jsonl`, record-store.ts). A warm start reads the arrays back as they
 * are, so it is mostly I/O; only files whose size or modification time changed are read again.
 * Never the source of truth: a missing, torn or older cache means a rebuild from the files, and
 * deleting the folder costs one rebuild. A `.gitignore` keeps the folder out of a team's git sync.
 */
export const INDEX_DIR = join('.factdesk', 'index')
/** Bumped when what the cache holds changes; an older cache is then ignored and made again. */
const CACHE_VERSION = 3
const META = 'index.json'

export type CachedArray =
  Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array } as const
type TypeName = keyof typeof TYPES

interface Meta<T> {
  version: number
  data: string
  arrays: { name: string; type: TypeName; length: number }[]
  value: T
}

export function indexDir(projectsDir: string): string {
  return join(projectsDir, INDEX_DIR)
}

export async function prepareIndexDir(projectsDir: string): Promise<void> {
  await mkdir(indexDir(projectsDir), { recursive: true })
  const ignore = join(projectsDir, '.factdesk', '.gitignore')
  const present = await readFile(ignore, 'utf8').catch(() => null)
  // The whole .factdesk folder is this machine's cache: nothing in it belongs in a shared repository.
  if (present === null) await writeFileAtomic(ignore, '# Factdesk caches: made again from the project files, never shared.\n*\n')
}

/** A name no other process picks: each index writes its own data and record files. */
export const uniqueName = (prefix: string, suffix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}${suffix}`

const align = (n: number): number => Math.ceil(n / 8) * 8

/**
 * Writes the cache: the arrays to a new data file, then (when `stillValid` says the arrays were not
 * changed in place meanwhile) `index.json` naming it, atomically, so a reader sees the old cache or
 * the new one; then removes the data files it replaced.
 */
export async function writeCache(
  projectsDir: string,
  value: unknown,
  arrays: Record<string, CachedArray>,
  stillValid: () => boolean = () => true,
): Promise<void> {
  await prepareIndexDir(projectsDir)
  const dir = indexDir(projectsDir)
  const data = uniqueName('index', '.bin')
  const list = Object.entries(arrays).map(([name, array]) => ({ name, type: array.constructor.name as TypeName, length: array.length }))
  const file = await open(join(dir, data), 'w')
  try {
    let at = 0
    for (const array of Object.values(arrays)) {
      await file.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 0, array.byteLength, at)
      at = align(at + array.byteLength)
    }
    await file.sync()
  } finally {
    await file.close()
  }
  // Arrays the index went on changing in place while they were written are not a cache.
  if (!stillValid()) {
    await rm(join(dir, data), { force: true })
    return
  }
  const meta: Meta<unknown> = { version: CACHE_VERSION, data, arrays: list, value }
  await writeFileAtomic(join(dir, META), JSON.stringify(meta))
  for (const name of await readdir(dir)) if (/^index-.*\.bin$/.test(name) && name !== data) await rm(join(dir, name), { force: true })
}

/** The cache as last written, or null when there is none of this version or it does not read whole. */
export async function readCache(projectsDir: string): Promise<{ value: unknown; arrays: Record<string, CachedArray> } | null> {
  const dir = indexDir(projectsDir)
  try {
    const meta = JSON.parse(await readFile(join(dir, META), 'utf8')) as Meta<unknown>
    if (meta.version !== CACHE_VERSION) return null
    const file = await open(join(dir, meta.data), 'r')
    const arrays: Record<string, CachedArray> = {}
    try {
      let at = 0
      for (const { name, type, length } of meta.arrays) {
        const array = new TYPES[type](length)
        const { bytesRead } = await file.read(new Uint8Array(array.buffer), 0, array.byteLength, at)
        if (bytesRead !== array.byteLength) return null
        arrays[name] = array
        at = align(at + array.byteLength)
      }
    } finally {
      await file.close()
    }
    return { value: meta.value, arrays }
  } catch {
    return null
  }
}

/**
 * Removes record files the cache no longer names, once they are a day old (one that another running
 * index still writes to is younger), and the first cache format's bucket files.
 */
export async function removeOldRecordFiles(projectsDir: string, keep: ReadonlySet<string>, olderThanMs = 86_400_000): Promise<void> {
  const dir = indexDir(projectsDir)
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const old = /^bucket-\d+\.json$/.test(name)
    if (keep.has(name) || (!old && !/^records-.*\.jsonl$/.test(name))) continue
    const stats = await stat(join(dir, name)).catch(() => null)
    if (stats && (old || Date.now() - stats.mtimeMs > olderThanMs)) await rm(join(dir, name), { force: true }).catch(() => undefined)
  }
}

import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { MemoryRecord } from '@domain/memory/records'
import { writeFileAtomic } from '../fs/durable'

/**
 * The library index's cache in `<projects>/.factdesk/index/`: what the index took from each project
 * or archive file, with the file's size and modification time then, in 64 bucket files (a file's
 * bucket is fixed by its name). A full build writes 64 files, not one per project (fsyncing 10,000
 * files took most of a minute); a save rewrites one bucket. Never the source of truth: a missing,
 * stale or torn entry is made again from its file, and deleting the folder costs one rebuild. A
 * `.gitignore` keeps the folder out of a team's git sync.
 */
export const INDEX_DIR = join('.factdesk', 'index')
/** Bumped when what the cache holds changes; older buckets are then ignored and made again. */
const CACHE_VERSION = 1
const BUCKETS = 64

export interface CachedFile {
  mtimeMs: number
  size: number
  records: MemoryRecord[]
}

interface Bucket {
  version: number
  files: Record<string, CachedFile>
}

export function indexDir(projectsDir: string): string {
  return join(projectsDir, INDEX_DIR)
}

export function bucketOf(file: string): number {
  return createHash('sha256').update(file).digest().readUInt16BE(0) % BUCKETS
}

const bucketName = (n: number): string => `bucket-${String(n).padStart(2, '0')}.json`

export async function prepareIndexDir(projectsDir: string): Promise<void> {
  await mkdir(indexDir(projectsDir), { recursive: true })
  const ignore = join(projectsDir, '.factdesk', '.gitignore')
  const present = await readFile(ignore, 'utf8').catch(() => null)
  // The whole .factdesk folder is this machine's cache: nothing in it belongs in a shared repository.
  if (present === null) await writeFileAtomic(ignore, '# Factdesk caches: made again from the project files, never shared.\n*\n')
}

/** Every cached file entry that reads and is of this version. */
export async function readCache(projectsDir: string): Promise<Map<string, CachedFile>> {
  const dir = indexDir(projectsDir)
  const cached = new Map<string, CachedFile>()
  const names = await readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((n) => /^bucket-\d+\.json$/.test(n))
      .map(async (name) => {
        try {
          const bucket = JSON.parse(await readFile(join(dir, name), 'utf8')) as Bucket
          if (bucket.version !== CACHE_VERSION) return
          for (const [file, entry] of Object.entries(bucket.files)) if (bucketName(bucketOf(file)) === name) cached.set(file, entry)
        } catch {
          // A torn bucket is made again from its projects.
          await rm(join(dir, name), { force: true })
        }
      }),
  )
  return cached
}

/** Rewrites the given buckets from the entries in `files`. */
export async function writeBuckets(projectsDir: string, buckets: Iterable<number>, files: ReadonlyMap<string, CachedFile>): Promise<void> {
  const wanted = new Set(buckets)
  const content = new Map<number, Record<string, CachedFile>>([...wanted].map((b) => [b, {}]))
  for (const [file, entry] of files) {
    const into = content.get(bucketOf(file))
    if (into) into[file] = entry
  }
  await prepareIndexDir(projectsDir)
  for (const [n, bucketFiles] of content) {
    const bucket: Bucket = { version: CACHE_VERSION, files: bucketFiles }
    await writeFileAtomic(join(indexDir(projectsDir), bucketName(n)), JSON.stringify(bucket))
  }
}

export const ALL_BUCKETS = [...Array(BUCKETS).keys()]

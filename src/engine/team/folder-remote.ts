import * as fs from 'node:fs'
import { open, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'

/**
 * A bare repository in a folder (a network share, a USB stick) as a git remote. isomorphic-git
 * speaks only HTTP to remotes, so fetching from and pushing to a folder is done here: the commits,
 * trees and blobs one repository lacks are copied from the other (a new commit's tree is compared
 * with its parents' so only what changed is read), and the branch is moved only if it still points
 * where it did when the push began, under git's own `<ref>.lock` convention.
 */

export const BRANCH = 'main'
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

async function has(gitdir: string, oid: string, cache: object): Promise<boolean> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- objects are copied still deflated; readBlob/readTree would inflate and re-deflate every one
    await git.readObject({ fs, gitdir, oid, format: 'deflated', cache })
    return true
  } catch {
    return false
  }
}

async function copyObject(from: string, to: string, oid: string, cache: object): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- objects are copied still deflated; readBlob/readTree would inflate and re-deflate every one
  const object = await git.readObject({ fs, gitdir: from, oid, format: 'deflated', cache })
  if (object.format === 'deflated') {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- objects are copied still deflated; readBlob/readTree would inflate and re-deflate every one
    await git.writeObject({ fs, gitdir: to, oid, format: 'deflated', object: object.object })
  } else if (object.type !== 'wrapped') {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- objects are copied still deflated; readBlob/readTree would inflate and re-deflate every one
    await git.writeObject({ fs, gitdir: to, type: object.type, format: 'content', object: object.object })
  }
}

type TreeEntries = Map<string, { oid: string; type: string }>

async function treeEntries(gitdir: string, oid: string, cache: object): Promise<TreeEntries> {
  if (oid === EMPTY_TREE) return new Map()
  const { tree } = await git.readTree({ fs, gitdir, oid, cache })
  return new Map(tree.map((entry) => [entry.path, { oid: entry.oid, type: entry.type }]))
}

/** Copies a tree and what it holds that its counterparts (the parents' trees at that path) do not. */
async function copyTree(from: string, to: string, oid: string, counterparts: string[], cache: object, copied: Set<string>): Promise<void> {
  if (copied.has(oid) || counterparts.includes(oid)) return
  copied.add(oid)
  const entries = await treeEntries(from, oid, cache)
  const others = await Promise.all(counterparts.map((c) => treeEntries(from, c, cache)))
  for (const [path, entry] of entries) {
    if (entry.type === 'commit') continue
    const before = others.flatMap((o) => {
      const same = o.get(path)
      return same?.type === entry.type ? [same.oid] : []
    })
    if (before.includes(entry.oid) || copied.has(entry.oid)) continue
    if (entry.type === 'tree') await copyTree(from, to, entry.oid, before, cache, copied)
    else if (!(await has(to, entry.oid, cache))) {
      copied.add(entry.oid)
      await copyObject(from, to, entry.oid, cache)
    }
  }
  if (!(await has(to, oid, cache))) await copyObject(from, to, oid, cache)
}

/**
 * Copies every object reachable from `tip` in `from` that `to` lacks. Commits `to` already has end
 * the walk (it then has their whole history, as every repository here is complete).
 */
export async function copyHistory(from: string, to: string, tip: string): Promise<number> {
  const cache = {}
  const missing: string[] = []
  const queue = [tip]
  const seen = new Set<string>()
  while (queue.length > 0) {
    const oid = queue.pop() as string
    if (seen.has(oid)) continue
    seen.add(oid)
    if (await has(to, oid, cache)) continue
    missing.push(oid)
    const { commit } = await git.readCommit({ fs, gitdir: from, oid, cache })
    queue.push(...commit.parent)
  }
  const copied = new Set<string>()
  // Oldest first, so a commit is only written once everything it points at is there.
  for (const oid of missing.reverse()) {
    const { commit } = await git.readCommit({ fs, gitdir: from, oid, cache })
    const parentTrees = await Promise.all(
      commit.parent.map(async (p) => (await git.readCommit({ fs, gitdir: from, oid: p, cache })).commit.tree),
    )
    await copyTree(from, to, commit.tree, parentTrees, cache, copied)
    await copyObject(from, to, oid, cache)
  }
  return missing.length
}

export async function isBareRepository(path: string): Promise<boolean> {
  return stat(join(path, 'HEAD')).then(
    (s) => s.isFile(),
    () => false,
  )
}

/** The remote's branch tip, or null when it has none yet. */
export async function remoteTip(remoteGitdir: string): Promise<string | null> {
  return git.resolveRef({ fs, gitdir: remoteGitdir, ref: `refs/heads/${BRANCH}` }).catch(() => null)
}

/** Brings the folder remote's branch into the local repository as refs/remotes/origin/main. */
export async function fetchFromFolder(localGitdir: string, remoteGitdir: string): Promise<string | null> {
  const tip = await remoteTip(remoteGitdir)
  if (!tip) return null
  await copyHistory(remoteGitdir, localGitdir, tip)
  await git.writeRef({ fs, gitdir: localGitdir, ref: `refs/remotes/origin/${BRANCH}`, value: tip, force: true })
  return tip
}

/**
 * Pushes the local branch to the folder remote: refused (false) when the remote moved on since
 * `expected`, so the caller fetches and merges first; never a forced update.
 */
export async function pushToFolder(localGitdir: string, remoteGitdir: string, tip: string, expected: string | null): Promise<boolean> {
  await copyHistory(localGitdir, remoteGitdir, tip)
  const refFile = join(remoteGitdir, 'refs', 'heads', BRANCH)
  const lockFile = `${refFile}.lock`
  await fs.promises.mkdir(join(remoteGitdir, 'refs', 'heads'), { recursive: true })
  // A lock older than a minute is a crashed push's: no push holds it that long.
  const old = await stat(lockFile).then(
    (s) => Date.now() - s.mtimeMs > 60_000,
    () => false,
  )
  if (old) await rm(lockFile, { force: true })
  let lock
  try {
    lock = await open(lockFile, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    if ((await remoteTip(remoteGitdir)) !== expected) return false
    await lock.writeFile(`${tip}\n`)
    await lock.sync()
    await lock.close()
    lock = null
    await fs.promises.rename(lockFile, refFile)
    await git.writeRef({ fs, gitdir: localGitdir, ref: `refs/remotes/origin/${BRANCH}`, value: tip, force: true })
    return true
  } finally {
    if (lock) {
      await lock.close()
      await rm(lockFile, { force: true })
    }
  }
}

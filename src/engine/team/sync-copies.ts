import * as fs from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import git from 'isomorphic-git'
import type { SyncCopy } from '@contract/team'
import { decodeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { readProjectFile } from '../project-store'

/**
 * The names sync clients give the second file when two people saved one at once. Each pattern
 * takes the part it added out of the name; what is left must be a project in the same folder.
 * - Dropbox: "story (Ana's conflicted copy 2026-11-30).factdesk.json"
 * - Nextcloud: "story (conflicted copy 2026-11-30 101500).factdesk.json"
 * - Syncthing: "story.factdesk.sync-conflict-20261130-101500-ABCDEFG.json" (before the last extension)
 * - Google Drive, Dropbox, OneDrive: "story (1).factdesk.json"
 * - OneDrive: "story-LAPTOP-7.factdesk.json" (the computer's name; project names are lower case)
 */
const PATTERNS: { service: string; original: (name: string) => string | null }[] = [
  {
    service: 'Dropbox or Nextcloud',
    original: (name) =>
      / \([^()]*conflicted copy[^()]*\)(?=\.factdesk\.json$)/i.test(name)
        ? name.replace(/ \([^()]*conflicted copy[^()]*\)(?=\.factdesk\.json$)/i, '')
        : null,
  },
  {
    service: 'Syncthing',
    original: (name) => {
      const match = /^(.*\.factdesk)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+\.json$/.exec(name)
      return match ? `${match[1]}.json` : null
    },
  },
  {
    service: 'Google Drive, Dropbox or OneDrive',
    original: (name) => (/ \(\d+\)\.factdesk\.json$/.test(name) ? name.replace(/ \(\d+\)(?=\.factdesk\.json$)/, '') : null),
  },
  {
    service: 'OneDrive',
    original: (name) =>
      /-[A-Z][A-Z0-9-]*[A-Z0-9]\.factdesk\.json$/.test(name) ? name.replace(/-[A-Z][A-Z0-9-]*[A-Z0-9](?=\.factdesk\.json$)/, '') : null,
  },
]

/** What a sync client's copy is a copy of, judged by its name alone; the original must exist beside it. */
export function syncCopyOriginal(name: string): { original: string; service: string } | null {
  for (const pattern of PATTERNS) {
    const original = pattern.original(name)
    if (original && original !== name) return { original, service: pattern.service }
  }
  return null
}

/** The sync clients' copies in the projects folder, each beside the project it is a copy of. */
export async function findSyncCopies(dir: string): Promise<SyncCopy[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const present = new Set(names)
  return names.flatMap((file) => {
    const found = syncCopyOriginal(file)
    if (!found || !present.has(found.original)) return []
    return [{ path: join(dir, file), file, original: join(dir, found.original), originalFile: found.original, service: found.service }]
  })
}

async function committedVersion(dir: string, file: string): Promise<Project | null> {
  if (!fs.existsSync(join(dir, '.git', 'HEAD'))) return null
  try {
    const head = await git.resolveRef({ fs, dir, ref: 'HEAD' })
    const { blob } = await git.readBlob({ fs, dir, oid: head, filepath: file })
    return decodeProject(blob, file).project
  } catch {
    return null
  }
}

/**
 * The copies' common ancestor: the project as last committed (a shared folder) or its backup,
 * whichever both copies grew from (every entry of its history is in both) with the longest
 * history; null when neither is, and the merge is two-way.
 */
export async function commonAncestor(
  dir: string,
  original: { path: string; project: Project },
  copy: Project,
): Promise<{ project: Project; from: 'git' | 'backup' } | null> {
  const candidates: { project: Project; from: 'git' | 'backup' }[] = []
  const committed = await committedVersion(dir, basename(original.path))
  if (committed) candidates.push({ project: committed, from: 'git' })
  const backup = await readProjectFile(`${original.path}.bak`).catch(() => null)
  if (backup) candidates.push({ project: backup.project, from: 'backup' })
  const ids = (p: Project): Set<string> => new Set(p.history.map((e) => e.id))
  const [inOriginal, inCopy] = [ids(original.project), ids(copy)]
  const grewFrom = candidates.filter(({ project }) => project.history.every((e) => inOriginal.has(e.id) && inCopy.has(e.id)))
  grewFrom.sort((a, b) => b.project.history.length - a.project.history.length)
  return grewFrom[0] ?? null
}

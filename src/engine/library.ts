import { link, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { LibraryListing, ProjectSummary, TrashedProject } from '@contract/api'
import { AppError, errorInfoOf } from '@domain/errors'
import { newId } from '@domain/ids'
import { CLAIM_STATUSES, historyEntry, type ClaimStatus, type Project } from '@domain/project/schema'
import { slugify } from '@domain/slug'
import { describeHolder, holderInfo, ProjectLock } from './fs/lock'
import { isLegacyFile } from '@domain/evidence/chain'
import { PROJECT_SUFFIX, readProjectFile, rewriteProjectFile, writeNewProjectFile } from './project-store'

export const TRASH_DIR = '.trash'

/** Renaming or trashing a project someone else has open would pull it from under them. */
async function refuseIfHeld(path: string): Promise<void> {
  const holder = await ProjectLock.holderOf(path)
  if (holder)
    throw new AppError('READ_ONLY', `"${path}" is open in ${describeHolder(holder)}; close it there first. Nothing was changed.`, {
      key: 'openElsewhere',
      params: { file: path, ...holderInfo(holder) },
    })
}
const READ_CONCURRENCY = 16

export function isProjectFileName(name: string): boolean {
  return name.endsWith(PROJECT_SUFFIX) && !name.startsWith('.')
}

export function summarize(path: string, project: Project, bytes: number): ProjectSummary {
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
  const byVerdict: Record<string, number> = {}
  for (const claim of project.claims) {
    byStatus[claim.status]++
    if (claim.verdict) byVerdict[claim.verdict] = (byVerdict[claim.verdict] ?? 0) + 1
  }
  const total = project.claims.length - byStatus.suggested - byStatus.dismissed
  return {
    path,
    file: basename(path),
    title: project.article.title,
    outlet: project.article.outlet,
    publishedAt: project.article.publishedAt,
    language: project.article.language,
    claims: project.claims.length,
    byStatus,
    byVerdict,
    progress: { done: byStatus.done, total },
    updatedAt: project.updatedAt,
    bytes,
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

interface CachedSummary {
  mtimeMs: number
  size: number
  summary: ProjectSummary
}

/**
 * The projects folder: listing with summaries (cached by modification time, so re-listing a
 * large library reads only what changed), rename, duplicate, delete to a recoverable trash.
 */
export class Library {
  private readonly cache = new Map<string, CachedSummary>()

  /** `inMemory` returns the live version of a project that is open, so the list shows unsaved edits. */
  constructor(private readonly inMemory: (path: string) => Project | undefined = () => undefined) {}

  async list(dir: string): Promise<LibraryListing> {
    let names: string[]
    try {
      names = (await readdir(dir)).filter(isProjectFileName)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { dir, projects: [], problems: [] }
      const reason = (error as Error).message
      throw new AppError('IO', `Could not read the projects folder "${dir}": ${reason}.`, {
        key: 'library.unreadable',
        params: { folder: dir, reason },
      })
    }
    const listing: LibraryListing = { dir, projects: [], problems: [] }
    await mapLimited(names, READ_CONCURRENCY, async (name) => {
      const path = join(dir, name)
      try {
        listing.projects.push(await this.summaryOf(path))
      } catch (error) {
        listing.problems.push({
          path,
          file: name,
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof AppError ? { error: errorInfoOf(error) } : {}),
        })
      }
    })
    listing.problems.sort((a, b) => a.file.localeCompare(b.file))
    listing.projects.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.file.localeCompare(b.file))
    return listing
  }

  async summaryOf(path: string): Promise<ProjectSummary> {
    const stats = await stat(path)
    const live = this.inMemory(path)
    if (live) return summarize(path, live, stats.size)
    const cached = this.cache.get(path)
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.summary
    const { project } = await readProjectFile(path)
    const summary = summarize(path, project, stats.size)
    this.cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, summary })
    return summary
  }

  /** A new file with a new title and file name; the old name is removed only once the new one exists. */
  async rename(path: string, title: string, now: Date, author: string): Promise<ProjectSummary> {
    await refuseIfHeld(path)
    const { project, fromVersion, laterFields } = await readProjectFile(path)
    const legacy = isLegacyFile({ schemaVersion: fromVersion, laterFields })
    const at = now.toISOString()
    const renamed: Project = {
      ...project,
      updatedAt: at,
      article: { ...project.article, title },
      history: [
        ...project.history,
        historyEntry({
          at,
          author,
          action: 'project.rename',
          claimId: null,
          summary: `Renamed from "${project.article.title}" to "${title}".`,
        }),
      ],
    }
    this.cache.delete(path)
    if (slugify(title) === basename(path, PROJECT_SUFFIX).replace(/-\d+$/, '')) {
      await rewriteProjectFile(path, renamed, { legacy })
      return this.summaryOf(path)
    }
    const target = await writeNewProjectFile(join(path, '..'), title, renamed, { legacy })
    await unlink(path)
    await rename(`${path}.bak`, `${target}.bak`).catch(() => undefined)
    return this.summaryOf(target)
  }

  async duplicate(path: string, now: Date, author: string): Promise<ProjectSummary> {
    const { project, fromVersion, laterFields } = await readProjectFile(path)
    const at = now.toISOString()
    const title = `${project.article.title} (copy)`
    const copy: Project = {
      ...project,
      id: newId('p'),
      createdAt: at,
      updatedAt: at,
      article: { ...project.article, title },
      history: [
        ...project.history,
        historyEntry({ at, author, action: 'project.duplicate', claimId: null, summary: `Duplicated from ${basename(path)}.` }),
      ],
    }
    return this.summaryOf(
      await writeNewProjectFile(join(path, '..'), title, copy, { legacy: isLegacyFile({ schemaVersion: fromVersion, laterFields }) }),
    )
  }

  /** Moves the file (and its .bak) into the folder's .trash, under a name that records when. */
  async delete(path: string, now: Date): Promise<TrashedProject> {
    await refuseIfHeld(path)
    const { project } = await readProjectFile(path).catch(() => ({ project: null }))
    const trash = join(path, '..', TRASH_DIR)
    await mkdir(trash, { recursive: true })
    const stamp = now.toISOString().replace(/[:.]/g, '-')
    const trashPath = join(trash, `${stamp}__${basename(path)}`)
    await link(path, trashPath)
    await unlink(path)
    await rename(`${path}.bak`, `${trashPath}.bak`).catch(() => undefined)
    this.cache.delete(path)
    return { trashPath, file: basename(path), title: project?.article.title ?? basename(path), deletedAt: now.toISOString() }
  }

  async trash(dir: string): Promise<TrashedProject[]> {
    const trash = join(dir, TRASH_DIR)
    let names: string[]
    try {
      names = (await readdir(trash)).filter((n) => n.endsWith(PROJECT_SUFFIX))
    } catch {
      return []
    }
    const items = await mapLimited(names, READ_CONCURRENCY, async (name): Promise<TrashedProject> => {
      const trashPath = join(trash, name)
      const [stamp = '', file = name] = name.split('__', 2)
      const deletedAt = stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')
      const title = await readProjectFile(trashPath).then(
        (r) => r.project.article.title,
        () => file,
      )
      return { trashPath, file, title, deletedAt }
    })
    return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
  }

  /** Puts a trashed project back under its old name, or the next free one. */
  async restore(dir: string, trashPath: string): Promise<ProjectSummary> {
    const trash = join(dir, TRASH_DIR)
    if (join(trashPath, '..') !== trash || !trashPath.endsWith(PROJECT_SUFFIX)) {
      throw new AppError('FORBIDDEN', `"${trashPath}" is not in this library's trash.`, {
        key: 'library.notInTrash',
        params: { file: trashPath },
      })
    }
    const { project, fromVersion, laterFields } = await readProjectFile(trashPath)
    const name = basename(trashPath).split('__', 2)[1] ?? basename(trashPath)
    const target = await writeNewProjectFile(dir, slugify(basename(name, PROJECT_SUFFIX)), project, {
      legacy: isLegacyFile({ schemaVersion: fromVersion, laterFields }),
    })
    await unlink(trashPath)
    await rename(`${trashPath}.bak`, `${target}.bak`).catch(() => undefined)
    return this.summaryOf(target)
  }
}

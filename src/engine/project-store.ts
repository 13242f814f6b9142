import { open, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Low } from 'lowdb'
import type { OpenedProject, SaveStatus } from '@contract/api'
import { AppError } from '@domain/errors'
import { decodeProject, MAX_PROJECT_BYTES, serializeProject, validateProject } from '@domain/project/codec'
import type { EditOutcome } from '@domain/project/ops'
import type { HistoryEntry, Project } from '@domain/project/schema'
import { slugify } from '@domain/slug'
import { copyFileAtomic, createFileExclusive, DurableJsonFile } from './fs/durable'

export const PROJECT_SUFFIX = '.factdesk.json'
/** Edits are written this long after the last one, well inside the 300 ms the checker is promised. */
export const AUTOSAVE_DEBOUNCE_MS = 200
const RETRY_AFTER_ERROR_MS = 2000

interface DiskStamp {
  mtimeMs: number
  size: number
  ino: number
}

interface OpenDocument {
  path: string
  db: Low<Project>
  /** The version on disk as Factdesk last read or wrote it; null if it was never on disk. */
  saved: Project
  disk: DiskStamp | null
  dirty: boolean
  conflict: string | null
  status: SaveStatus
  timer: NodeJS.Timeout | null
  writing: Promise<void> | null
  waiters: (() => void)[]
  migratedFrom: number | null
  undo: UndoStep[]
  redo: UndoStep[]
}

/** One undoable edit: the project before and after it, and what it was. */
interface UndoStep {
  before: Project
  after: Project
  summary: string
  claimId: string | null
}

const UNDO_LIMIT = 200

export interface EditMeta {
  action: string
  author: string
  at: string
}

function stampOf(stats: { mtimeMs: number; size: number; ino: number }): DiskStamp {
  return { mtimeMs: stats.mtimeMs, size: stats.size, ino: stats.ino }
}

async function statOrNull(path: string): Promise<DiskStamp | null> {
  try {
    return stampOf(await stat(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function sameStamp(a: DiskStamp | null, b: DiskStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino)
}

function ioError(path: string, action: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission was denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'ENOENT'
          ? 'it does not exist'
          : (error as Error).message
  return new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `Could not ${action} "${path}": ${reason}.`, { cause: error })
}

/**
 * Reads a project file without ever modifying it. The size is checked before the bytes are read,
 * so a huge stray file never lands in memory.
 */
export async function readProjectFile(path: string): Promise<{ project: Project; fromVersion: number; disk: DiskStamp }> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw ioError(path, 'open', error)
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new AppError('INVALID_PROJECT', `"${path}" is not a file. Nothing was changed.`)
    if (stats.size > MAX_PROJECT_BYTES) {
      throw new AppError(
        'TOO_LARGE',
        `"${path}" is ${(stats.size / 1048576).toFixed(1)} MB, over the ${MAX_PROJECT_BYTES / 1048576} MB limit for a project file; it is probably not a Factdesk project. Nothing was changed.`,
      )
    }
    const bytes = await handle.readFile()
    return { ...decodeProject(bytes, path), disk: stampOf(stats) }
  } finally {
    await handle.close()
  }
}

/**
 * New project files never replace anything: the text goes to a temporary file that is then
 * hard-linked to the target name, which fails atomically when the name is taken.
 */
async function linkNewFile(dir: string, project: Project, label: string, names: Iterable<string>): Promise<string> {
  const validated = validateProject(project, label)
  let created: string | null
  try {
    created = await createFileExclusive(dir, names, serializeProject(validated))
  } catch (error) {
    throw ioError((error as { path?: string }).path ?? join(dir, label), 'create', error)
  }
  if (created === null) {
    throw new AppError(
      'ALREADY_EXISTS',
      `"${join(dir, label)}" already exists, and Factdesk never overwrites a project file. Choose another name.`,
    )
  }
  return created
}

/** lowdb's document for a project file, written in the project's canonical form by the durable writer. */
function projectAdapter(path: string): DurableJsonFile<Project> {
  return new DurableJsonFile<Project>(path, serializeProject)
}

/** Writes a new project as `slug.factdesk.json` in dir, or `slug-2…` when that is taken. */
export function writeNewProjectFile(dir: string, title: string, project: Project): Promise<string> {
  const slug = slugify(title)
  function* names(): Generator<string> {
    for (let n = 1; n < 10_000; n++) yield `${slug}${n === 1 ? '' : `-${n}`}${PROJECT_SUFFIX}`
  }
  return linkNewFile(dir, project, `${slug}${PROJECT_SUFFIX}`, names())
}

/** Writes a new project at exactly this path; refuses if anything is there already. */
export function writeProjectFileAt(path: string, project: Project): Promise<string> {
  return linkNewFile(dirname(path), project, basename(path), [basename(path)])
}

/** Rewrites a project file that is not open, atomically (lowdb), keeping the old bytes as `.bak`. */
export async function rewriteProjectFile(path: string, project: Project): Promise<void> {
  const validated = validateProject(project, path)
  await copyFileAtomic(path, `${path}.bak`)
  await new Low<Project>(projectAdapter(path), validated).write()
}

export interface ProjectStoreOptions {
  debounceMs?: number
}

/**
 * The open projects of one process (the Electron main process, the browser-edition server or a
 * CLI run). It owns one lowdb instance per open file, applies edits in memory, autosaves them
 * (debounced, atomic temp-file-and-rename through lowdb, previous version kept as `.bak`), and
 * refuses to overwrite a file that changed on disk behind its back.
 */
export class ProjectStore {
  private readonly docs = new Map<string, OpenDocument>()
  private readonly debounceMs: number

  constructor(options: ProjectStoreOptions = {}) {
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS
  }

  isOpen(path: string): boolean {
    return this.docs.has(path)
  }

  openPaths(): string[] {
    return [...this.docs.keys()]
  }

  /** The in-memory version of an open project, or undefined. */
  peek(path: string): Project | undefined {
    return this.docs.get(path)?.db.data
  }

  async open(path: string): Promise<OpenedProject> {
    const existing = this.docs.get(path)
    if (existing) return this.view(existing)
    const { project, fromVersion, disk } = await readProjectFile(path)
    const doc: OpenDocument = {
      path,
      db: new Low<Project>(projectAdapter(path), project),
      saved: project,
      disk,
      dirty: false,
      conflict: null,
      status: { state: 'saved', savedAt: null, message: null },
      timer: null,
      writing: null,
      waiters: [],
      migratedFrom: fromVersion < project.schemaVersion ? fromVersion : null,
      undo: [],
      redo: [],
    }
    this.docs.set(path, doc)
    // An upgraded file is written back in the current schema; its old bytes stay in the .bak.
    if (doc.migratedFrom !== null) this.markDirty(doc)
    return this.view(doc)
  }

  /**
   * Applies an edit. The result is validated (offset invariant included) before it replaces the
   * in-memory project, and the history may only grow: an edit that drops entries is refused.
   */
  mutate(path: string, edit: (project: Project) => Project): OpenedProject {
    const doc = this.get(path)
    if (doc.conflict) throw new AppError('CONFLICT', doc.conflict)
    const before = doc.db.data
    const next = validateProject(edit(before), path)
    const lastBefore = before.history.at(-1)
    const sameIndex = next.history[before.history.length - 1]
    if (next.history.length < before.history.length || (lastBefore && JSON.stringify(sameIndex) !== JSON.stringify(lastBefore))) {
      throw new AppError('INVALID_INPUT', 'The edit would rewrite the project history, which is append-only. It was not applied.')
    }
    doc.db.data = next
    this.markDirty(doc)
    return this.view(doc)
  }

  /**
   * A checker's edit: applies it, appends its history entry (time, author, what changed) and
   * makes it undoable. Returns the outcome so the caller can select what the edit produced.
   */
  edit<T extends EditOutcome>(path: string, meta: EditMeta, apply: (project: Project) => T): { opened: OpenedProject; outcome: T } {
    const doc = this.get(path)
    const before = doc.db.data
    let outcome: T | undefined
    this.mutate(path, (project) => {
      outcome = apply(project)
      const entry: HistoryEntry = {
        at: meta.at,
        author: meta.author,
        action: meta.action,
        claimId: outcome.claimId,
        summary: outcome.summary,
      }
      return { ...outcome.project, updatedAt: meta.at, history: [...project.history, entry] }
    })
    if (!outcome) throw new Error('edit did not run')
    doc.undo.push({ before, after: doc.db.data, summary: outcome.summary, claimId: outcome.claimId })
    if (doc.undo.length > UNDO_LIMIT) doc.undo.shift()
    doc.redo = []
    return { opened: this.view(doc), outcome }
  }

  /**
   * Steps back to the project as it was before the last edit. History only grows: the undo is
   * itself recorded ("Undid: …"), and so is a redo.
   */
  undo(path: string, meta: Omit<EditMeta, 'action'>): OpenedProject {
    return this.step(path, meta, 'undo')
  }

  redo(path: string, meta: Omit<EditMeta, 'action'>): OpenedProject {
    return this.step(path, meta, 'redo')
  }

  private step(path: string, meta: Omit<EditMeta, 'action'>, direction: 'undo' | 'redo'): OpenedProject {
    const doc = this.get(path)
    const [from, to] = direction === 'undo' ? [doc.undo, doc.redo] : [doc.redo, doc.undo]
    const step = from.at(-1)
    if (!step) throw new AppError('INVALID_INPUT', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.')
    const target = direction === 'undo' ? step.before : step.after
    this.mutate(path, (project) => ({
      ...target,
      updatedAt: meta.at,
      history: [
        ...project.history,
        {
          at: meta.at,
          author: meta.author,
          action: `edit.${direction}`,
          claimId: step.claimId,
          summary: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.summary}`,
        },
      ],
    }))
    from.pop()
    to.push(step)
    return this.view(doc)
  }

  status(path: string): SaveStatus {
    return { ...this.get(path).status }
  }

  /** Resolves after the next write attempt (at once when nothing is pending), with the resulting status. */
  async awaitSave(path: string): Promise<SaveStatus> {
    const doc = this.get(path)
    if (doc.dirty && !doc.conflict) {
      await new Promise<void>((resolve) => doc.waiters.push(resolve))
    } else if (doc.writing) {
      await doc.writing
    }
    return { ...doc.status }
  }

  /** Writes pending edits now (close, quit, Ctrl+C). */
  async flush(path: string): Promise<SaveStatus> {
    const doc = this.get(path)
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = null
    await this.write(doc)
    return { ...doc.status }
  }

  async flushAll(): Promise<void> {
    await Promise.all(this.openPaths().map((path) => this.flush(path)))
  }

  /** Flushes and forgets an open project. A project in conflict is dropped unsaved, as the checker chose. */
  async close(path: string): Promise<SaveStatus> {
    if (!this.docs.has(path)) return { state: 'saved', savedAt: null, message: null }
    const status = await this.flush(path)
    this.docs.delete(path)
    return status
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.openPaths().map((path) => this.close(path)))
  }

  /** Compares the file on disk with what Factdesk last read or wrote; marks a conflict if it moved on. */
  async checkDisk(path: string): Promise<SaveStatus> {
    const doc = this.get(path)
    if (!doc.conflict && (await this.changedOnDisk(doc))) this.setConflict(doc)
    return { ...doc.status }
  }

  /** Drops the in-memory version and reads the file again (after an external change). */
  async reload(path: string): Promise<OpenedProject> {
    const doc = this.get(path)
    const { project, disk } = await readProjectFile(path)
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = null
    doc.db.data = project
    doc.saved = project
    doc.disk = disk
    doc.dirty = false
    doc.conflict = null
    doc.undo = []
    doc.redo = []
    doc.status = { state: 'saved', savedAt: doc.status.savedAt, message: null }
    this.release(doc)
    return this.view(doc)
  }

  /**
   * Keeps the checker's in-memory version by writing it to a new file beside the original, which
   * is left as it is on disk. The copy is opened; the original is closed.
   */
  async saveCopy(path: string): Promise<OpenedProject> {
    const doc = this.get(path)
    const project = doc.db.data
    const copyPath = await writeNewProjectFile(dirname(path), `${basename(path, PROJECT_SUFFIX)} copy`, project)
    if (doc.timer) clearTimeout(doc.timer)
    doc.dirty = false
    this.release(doc)
    this.docs.delete(path)
    return this.open(copyPath)
  }

  private get(path: string): OpenDocument {
    const doc = this.docs.get(path)
    if (!doc) throw new AppError('NOT_OPEN', `The project "${path}" is not open. Open it again from the library.`)
    return doc
  }

  private view(doc: OpenDocument): OpenedProject {
    return {
      path: doc.path,
      project: doc.db.data,
      save: { ...doc.status },
      migratedFrom: doc.migratedFrom,
      undoable: { undo: doc.undo.at(-1)?.summary ?? null, redo: doc.redo.at(-1)?.summary ?? null },
    }
  }

  private markDirty(doc: OpenDocument): void {
    doc.dirty = true
    doc.status = { state: 'saving', savedAt: doc.status.savedAt, message: null }
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = setTimeout(() => {
      doc.timer = null
      void this.write(doc)
    }, this.debounceMs)
  }

  private async changedOnDisk(doc: OpenDocument): Promise<boolean> {
    const now = await statOrNull(doc.path)
    if (sameStamp(now, doc.disk)) return false
    if (now === null) return true
    // Same content with a new timestamp (a `touch`, a sync client re-writing it) is not a change.
    try {
      const onDisk = await readFile(doc.path, 'utf8')
      if (onDisk === serializeProject(doc.saved)) {
        doc.disk = now
        return false
      }
    } catch {
      return true
    }
    return true
  }

  private setConflict(doc: OpenDocument): void {
    doc.conflict = `"${doc.path}" was changed or removed outside Factdesk since it was opened, so Factdesk did not overwrite it. Reload it from disk, or save your version as a copy.`
    doc.status = { state: 'conflict', savedAt: doc.status.savedAt, message: doc.conflict }
    this.release(doc)
  }

  private release(doc: OpenDocument): void {
    const waiters = doc.waiters
    doc.waiters = []
    for (const resolve of waiters) resolve()
  }

  private async write(doc: OpenDocument): Promise<void> {
    while (doc.writing) await doc.writing
    if (!doc.dirty || doc.conflict) {
      this.release(doc)
      return
    }
    const run = async (): Promise<void> => {
      try {
        if (await this.changedOnDisk(doc)) {
          this.setConflict(doc)
          return
        }
        if (doc.disk) await copyFileAtomic(doc.path, `${doc.path}.bak`)
        // No await between taking the snapshot and handing it to lowdb (which serialises it at
        // once): an edit arriving during the checks above is part of this write, not lost.
        const snapshot = doc.db.data
        doc.dirty = false
        // lowdb writes doc.db.data through the durable writer: a temp file, fsynced, renamed over the original.
        await doc.db.write()
        doc.saved = snapshot
        doc.disk = await statOrNull(doc.path)
        // An edit that arrived during the write keeps the status at "saving" for its own write.
        if (doc.db.data === snapshot) doc.status = { state: 'saved', savedAt: new Date().toISOString(), message: null }
      } catch (error) {
        doc.dirty = true
        const problem = ioError(doc.path, 'save', error)
        doc.status = {
          state: 'error',
          savedAt: doc.status.savedAt,
          message: `${problem.message} Your edits are kept in memory; Factdesk will try again.`,
        }
        if (!doc.timer) {
          doc.timer = setTimeout(() => {
            doc.timer = null
            void this.write(doc)
          }, RETRY_AFTER_ERROR_MS)
        }
      }
    }
    doc.writing = run()
    try {
      await doc.writing
    } finally {
      doc.writing = null
    }
    this.release(doc)
  }
}

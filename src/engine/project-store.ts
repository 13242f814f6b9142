import { constants } from 'node:fs'
import { access, open, realpath, stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { Low } from 'lowdb'
import type { ZodType } from 'zod'
import type { ClosedProject, OpenedProject, ReadOnlyState, RecoveryOffer, SaveStatus } from '@contract/api'
import { AppError, type FieldConflict } from '@domain/errors'
import { changedKeys, describeKey, overlapping, restoreKeys, type ChangeKey } from '@domain/project/changes'
import {
  decodeProject,
  decodeProjectData,
  MAX_PROJECT_BYTES,
  parseProjectJson,
  serializeProject,
  validateProject,
  type DecodedProject,
} from '@domain/project/codec'
import { isLegacyFile, sealHistory, startChain, type FileProvenance } from '@domain/evidence/chain'
import { mergeProjects } from '@domain/project/merge'
import type { EditOutcome } from '@domain/project/ops'
import { historyEntry, SCHEMA_VERSION, type HistoryEntry, type Project } from '@domain/project/schema'
import { slugify } from '@domain/slug'
import { currentSession } from './call-session'
import { createFileExclusive, DurableJsonFile, removeStaleTemps, writeFileAtomic } from './fs/durable'
import { currentHolder, describeHolder, holderInfo, ProjectLock, type LockHolder } from './fs/lock'
import type { RecoveryStore } from './recovery'

export const PROJECT_SUFFIX = '.factdesk.json'
/** Edits are written this long after the last one, well inside the 300 ms the checker is promised. */
export const AUTOSAVE_DEBOUNCE_MS = 200
const RETRY_AFTER_ERROR_MS = 2000
/** Opening or reading a file that takes longer than this (a hung network share) is given up. */
const OPEN_TIMEOUT_MS = 15_000
/** Above this share of the size limit the status bar warns that the project is getting too large. */
const WARN_SHARE = 0.8
/** The most one edit can add (a 200,000-character rationale in UTF-8, with room): below the limit by more, no exact size check is needed. */
const LARGEST_EDIT_BYTES = 8 * 1024 * 1024

interface OpenDocument {
  /** The path the checker opened it by. */
  path: string
  /** Where its bytes are: the path itself, or a symlink's target (written through, the link stays). */
  target: string
  db: Low<Project>
  /** lowdb's adapter for this project: the durable writer. */
  file: DurableJsonFile<Project>
  /** The version on disk as Factdesk last read or wrote it. */
  saved: Project
  /** SHA-256 of the file's bytes as last read or written; null when it was not on disk. */
  diskHash: string | null
  diskBytes: number
  dirty: boolean
  /** Edits not yet on disk, for the recovery message ("the 3 edits from 14:02"). */
  unsaved: number
  conflict: string | null
  /** Why the last save failed, as a sentence (without the advice the status adds). */
  problem: string | null
  readOnly: ReadOnlyState | null
  lock: ProjectLock | null
  /** Set while the project is being made read-only after a take-over (its edits kept first). */
  losing: Promise<void> | null
  status: SaveStatus
  timer: NodeJS.Timeout | null
  writing: Promise<void> | null
  waiters: (() => void)[]
  migratedFrom: number | null
  /** What the file said about itself when opened, for the evidence check of the open project. */
  provenance: FileProvenance
  /** Grows with every edit from any window; a window's edit says which version it was made on. */
  version: number
  /** What each recent edit changed, and from which window, to merge edits made on older versions. */
  log: { version: number; client: string; keys: ChangeKey[] }[]
  /** Undo and redo stacks per window: undo undoes the edits of the window it is pressed in. */
  undo: Map<string, UndoStep[]>
  redo: Map<string, UndoStep[]>
  recovery: RecoveryOffer | null
}

/** One undoable edit: the keys it changed, the project before and after, and what it was. */
interface UndoStep {
  keys: ChangeKey[]
  before: Project
  after: Project
  version: number
  /** The edit's history action and summary, which the UI renders in the checker's language. */
  action: string
  summary: string
  claimId: string | null
}

const UNDO_LIMIT = 200
const LOG_LIMIT = 1000

export interface EditMeta {
  action: string
  author: string
  at: string
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** What a file operation on a project was: the catalogue's `errors.store.*` sentences say it in the checker's language. */
type StoreAction = 'open' | 'read' | 'create' | 'save'

function ioError(path: string, action: StoreAction, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code
  const retry = 'Check the disk and the folder’s permissions, and try again.'
  const [key, reason, advice]: [string, string, string] =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? [
          'denied',
          'permission was denied (the file or its folder is read-only)',
          'Make them writable, or save a copy in a folder you may write to.',
        ]
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? ['diskFull', 'the disk is full', 'Free some space on the disk and try again.']
        : code === 'ENOENT'
          ? ['missing', 'it does not exist', 'It may have been moved, renamed or deleted; open it again from the projects list.']
          : code === 'ETIMEDOUT'
            ? [
                'timeout',
                `it did not answer within ${OPEN_TIMEOUT_MS / 1000} s`,
                'Check that its disk or network share is connected, and try again.',
              ]
            : code === 'EISDIR' || code === 'ENOTDIR'
              ? [
                  'wrongKind',
                  'a folder is where a file should be (or the other way round) beside it',
                  'Move what is in the way aside, and try again.',
                ]
              : code
                ? ['system', `the system refused (${code})`, retry]
                : ['other', (error as Error).message, retry]
  return new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `Could not ${action} "${path}": ${reason}. ${advice}`, {
    cause: error,
    key: `store.${key}`,
    params: { file: path, action, code: code ?? '', seconds: OPEN_TIMEOUT_MS / 1000, reason },
  })
}

/**
 * READ_ONLY for an edit to a project opened read-only: the same reason the banner gives, with the
 * folder or the holder as values for the catalogue (`errors.readOnly.*`).
 */
function readOnlyError(state: ReadOnlyState, path: string): AppError {
  const by = state.by ?? { name: '', user: '', host: '', edition: '', since: '' }
  const params = {
    file: path,
    folder: dirname(path),
    name: by.name,
    user: by.user,
    host: by.host,
    edition: by.edition,
    since: by.since || 'none',
  }
  const key =
    state.reason === 'file-read-only'
      ? 'readOnly.file'
      : state.reason === 'folder-read-only'
        ? 'readOnly.folder'
        : state.reason === 'locked'
          ? 'readOnly.locked'
          : state.by
            ? 'readOnly.takenOver'
            : 'readOnly.takenOverUnknown'
  return new AppError('READ_ONLY', state.message, { key, params })
}

/** A size in MB to one decimal, as a catalogue number. */
function megabytesOf(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEDOUT' })), OPEN_TIMEOUT_MS)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * A project file's bytes, never modifying it. Anything but a regular file (a FIFO, a device, a
 * folder) is refused before a byte is read: the file is opened non-blocking (a FIFO would
 * otherwise hang the open) and checked with fstat. The size is checked before the bytes are read.
 */
async function readProjectBytes(path: string): Promise<{ bytes: Buffer; mode: number }> {
  let handle
  try {
    handle = await withTimeout(open(path, constants.O_RDONLY | constants.O_NONBLOCK), `Opening ${path}`)
  } catch (error) {
    throw ioError(path, 'open', error)
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) {
      throw new AppError(
        'INVALID_PROJECT',
        `"${path}" is not a regular file (it is a folder, a pipe or a device), so it is not a project. Nothing was changed.`,
        { key: 'project.notRegular', params: { file: path } },
      )
    }
    if (stats.size > MAX_PROJECT_BYTES) {
      throw new AppError(
        'TOO_LARGE',
        `"${path}" is ${(stats.size / 1048576).toFixed(1)} MB, over the ${MAX_PROJECT_BYTES / 1048576} MB limit for a project file; it is probably not a Factdesk project. Nothing was changed.`,
        { key: 'project.tooLarge', params: { file: path, size: megabytesOf(stats.size), limit: MAX_PROJECT_BYTES / 1048576 } },
      )
    }
    const bytes = await withTimeout(handle.readFile(), `Reading ${path}`).catch((error: unknown) => {
      throw ioError(path, 'read', error)
    })
    return { bytes, mode: stats.mode }
  } finally {
    await handle.close()
  }
}

/** Reads and validates a project file without ever modifying it. */
export async function readProjectFile(path: string): Promise<DecodedProject & { hash: string; bytes: number }> {
  const { bytes } = await readProjectBytes(path)
  return { ...decodeProject(bytes, path), hash: sha256(bytes), bytes: bytes.byteLength }
}

/**
 * The parts of a project file `part` names, for a reader that needs only those (the library
 * index): a file of the current schema is checked against `part` alone, neither hashed nor
 * validated whole; an older one is migrated and validated whole. Throws as readProjectFile does.
 */
export async function readProjectPart<T>(path: string, part: ZodType<T>): Promise<T | Project> {
  const { bytes } = await readProjectBytes(path)
  const { data, version } = parseProjectJson(bytes, path)
  if (version === SCHEMA_VERSION) {
    const result = part.safeParse(data)
    if (result.success) return result.data
  }
  // An older file, or one whose parts are wrong: the whole decode migrates it or says what is wrong.
  return decodeProjectData(data, version, path).project
}

/** The bytes on disk now, or null when the file is gone. */
async function currentBytes(path: string): Promise<Buffer | null> {
  try {
    return (await readProjectBytes(path)).bytes
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

async function hashOnDisk(path: string): Promise<string | null> {
  const bytes = await currentBytes(path)
  return bytes ? sha256(bytes) : null
}

async function writable(path: string, mode: number): Promise<boolean> {
  // Root may write anything, so a file or folder without write permission bits is read-only by intent.
  if ((mode & 0o222) === 0) return false
  try {
    await access(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** The project in canonical form, refused when it would be larger than a project file may be (so it could never be read back). */
function checkedText(project: Project, path: string): string {
  const text = serializeProject(project)
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_PROJECT_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `"${path}" would be ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_PROJECT_BYTES / 1048576} MB a project file may be, so Factdesk did not write it. Split the article into several projects, or remove long notes or excerpts.`,
      { key: 'project.wouldBeTooLarge', params: { file: path, size: megabytesOf(bytes), limit: MAX_PROJECT_BYTES / 1048576 } },
    )
  }
  return text
}

/** How a project to write came to have no chain, when it has none: from a legacy file (start one), or not (leave it so). */
export interface WriteOptions {
  /** The project was read from a file genuinely from before the chain (isLegacyFile). */
  legacy?: boolean
}

/**
 * The project as Factdesk writes a file: validated, its new entries sealed, and, when it comes from
 * a legacy file, its chain started, since a file in the current schema without a chain is reported
 * as stripped of it. A project without a chain from anywhere else is written as it is, so a copy or
 * rename of a stripped file still shows the break instead of starting a clean chain over it.
 */
function chained(project: Project, file: string, options: WriteOptions): Project {
  const sealed = sealHistory(validateProject(project, file), sha256)
  return options.legacy ? startChain(sealed, sha256, new Date().toISOString()) : sealed
}

/**
 * New project files never replace anything: the text goes to a temporary file that is then
 * hard-linked to the target name, which fails atomically when the name is taken.
 */
async function linkNewFile(dir: string, project: Project, label: string, names: Iterable<string>, options: WriteOptions): Promise<string> {
  const text = checkedText(chained(project, label, options), join(dir, label))
  let created: string | null
  try {
    created = await createFileExclusive(dir, names, text)
  } catch (error) {
    throw ioError((error as { path?: string }).path ?? join(dir, label), 'create', error)
  }
  if (created === null) {
    throw new AppError(
      'ALREADY_EXISTS',
      `"${join(dir, label)}" already exists, and Factdesk never overwrites a project file. Choose another name.`,
      { key: 'projectExists', params: { file: join(dir, label) } },
    )
  }
  return created
}

/** Writes a new project as `slug.factdesk.json` in dir, or `slug-2…` when that is taken. */
export function writeNewProjectFile(dir: string, title: string, project: Project, options: WriteOptions = {}): Promise<string> {
  const slug = slugify(title)
  function* names(): Generator<string> {
    for (let n = 1; n < 10_000; n++) yield `${slug}${n === 1 ? '' : `-${n}`}${PROJECT_SUFFIX}`
  }
  return linkNewFile(dir, project, `${slug}${PROJECT_SUFFIX}`, names(), options)
}

/** Writes a new project at exactly this path; refuses if anything is there already. */
export function writeProjectFileAt(path: string, project: Project, options: WriteOptions = {}): Promise<string> {
  return linkNewFile(dirname(path), project, basename(path), [basename(path)], options)
}

/**
 * Rewrites a project file that is not open, durably, keeping the old bytes as `.bak`. Refused
 * while another process holds the project open.
 */
export async function rewriteProjectFile(path: string, project: Project, options: WriteOptions = {}): Promise<void> {
  const holder = await ProjectLock.holderOf(path)
  if (holder)
    throw new AppError('READ_ONLY', `"${path}" is open in ${describeHolder(holder)}; close it there first.`, {
      key: 'openElsewhere',
      params: { file: path, ...holderInfo(holder) },
    })
  const text = checkedText(chained(project, path, options), path)
  const old = await currentBytes(path)
  if (old) await writeFileAtomic(`${path}.bak`, old, { mode: 0o600 })
  await writeFileAtomic(path, text)
}

export interface ProjectStoreOptions {
  debounceMs?: number
  /** Who this process is, for the lock a second opener sees (the checker's name and the edition). */
  holder?: () => Promise<LockHolder> | LockHolder
  /** Where edits that cannot be written are kept; without one, a project with unsaved edits cannot be closed. */
  recovery?: RecoveryStore
  /** Told of every project written to disk, as written (the claim memory's index follows saves). */
  onSaved?: (path: string, project: Project) => void
}

/**
 * The open projects of one process (the Electron main process, the browser-edition server or a
 * CLI run). It holds each open project's lock, applies edits in memory (from any number of windows,
 * merged by what they change), autosaves them (debounced, through the durable writer, previous
 * version kept as `.bak`), refuses to overwrite a file that changed on disk behind its back, and
 * keeps edits it cannot write in a recovery file rather than dropping them.
 */
export class ProjectStore {
  private readonly docs = new Map<string, OpenDocument>()
  private readonly debounceMs: number
  private readonly holder: () => Promise<LockHolder> | LockHolder
  private readonly recovery: RecoveryStore | null
  private readonly onSaved: (path: string, project: Project) => void

  constructor(options: ProjectStoreOptions = {}) {
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS
    this.holder = options.holder ?? (() => currentHolder('', 'test'))
    this.recovery = options.recovery ?? null
    this.onSaved = options.onSaved ?? (() => undefined)
  }

  isOpen(path: string): boolean {
    return this.docs.has(path)
  }

  openPaths(): string[] {
    return [...this.docs.keys()]
  }

  /** What an open project's file said about itself when it was opened (its schema, any field out of place). */
  provenance(path: string): FileProvenance {
    return this.get(path).provenance
  }

  /** The in-memory version of an open project, or undefined. */
  peek(path: string): Project | undefined {
    return this.docs.get(path)?.db.data
  }

  async open(path: string, options: { takeOver?: boolean } = {}): Promise<OpenedProject> {
    const existing = this.docs.get(path)
    if (existing) {
      if (options.takeOver && existing.readOnly?.reason === 'locked') {
        this.docs.delete(path)
        return this.open(path, options)
      }
      return this.view(existing)
    }
    const target = await realpath(path).catch((error: unknown) => {
      throw ioError(path, 'open', error)
    })
    const { bytes, mode } = await readProjectBytes(target)
    const { project: decoded, fromVersion, laterFields } = decodeProject(bytes, path)
    const folderMode = (await stat(dirname(target))).mode
    const [fileOk, folderOk] = await Promise.all([writable(target, mode), writable(dirname(target), folderMode)])
    let readOnly: ReadOnlyState | null = null
    let lock: ProjectLock | null = null
    if (!fileOk) {
      readOnly = {
        reason: 'file-read-only',
        message: `This project file is read-only, so Factdesk will not change it. Save a copy to work on it.`,
        holder: null,
        by: null,
      }
    } else if (!folderOk) {
      readOnly = {
        reason: 'folder-read-only',
        message: `The folder "${dirname(target)}" is read-only, so this project cannot be saved there. Save a copy to work on it.`,
        holder: null,
        by: null,
      }
    } else {
      const result = await ProjectLock.acquire(target, await this.holder(), options)
      if ('held' in result) lock = result.held
      else {
        const who = describeHolder(result.heldBy)
        readOnly = {
          reason: 'locked',
          message: `${who} has this project open, so it is read-only here. Take it over only if they are done, or save a copy.`,
          holder: who,
          by: holderInfo(result.heldBy),
        }
      }
    }
    // Holding the lock, no other Factdesk writes this project: any temp file of it (or of its backup) is a crash's leftover.
    if (lock) await Promise.all([removeStaleTemps(target, 0), removeStaleTemps(`${target}.bak`, 0)])
    const hash = sha256(bytes)
    const migratedFrom = fromVersion < decoded.schemaVersion ? fromVersion : null
    // An upgraded file is written back at once, so its chain starts now; never for a file whose
    // schema number was lowered by hand, which would launder the chain it was stripped of.
    const upgrade = migratedFrom !== null && !readOnly && isLegacyFile({ schemaVersion: fromVersion, laterFields })
    const project = upgrade ? startChain(decoded, sha256, new Date().toISOString()) : decoded
    const doc: OpenDocument = {
      path,
      target,
      db: null as unknown as Low<Project>,
      file: null as unknown as DurableJsonFile<Project>,
      saved: project,
      diskHash: hash,
      diskBytes: bytes.byteLength,
      dirty: false,
      unsaved: 0,
      conflict: null,
      problem: null,
      readOnly,
      lock,
      losing: null,
      status: { state: 'saved', savedAt: null, message: null, version: 0, warning: null },
      timer: null,
      writing: null,
      waiters: [],
      migratedFrom,
      provenance: { schemaVersion: fromVersion, laterFields },
      version: 0,
      log: [],
      undo: new Map(),
      redo: new Map(),
      recovery: null,
    }
    doc.file = new DurableJsonFile<Project>(target, serializeProject, (text) => {
      doc.diskHash = sha256(text)
      doc.diskBytes = Buffer.byteLength(text)
    })
    doc.db = new Low<Project>(doc.file, project)
    doc.status.warning = this.sizeWarning(doc)
    lock?.onLost((by) => {
      doc.losing = this.lost(doc, by)
    })
    if (this.recovery) {
      const found = await this.recovery.find(path, hash)
      if (found) doc.recovery = { at: found.at, edits: found.edits, file: found.file, asCopy: found.asCopy }
    }
    this.docs.set(path, doc)
    // An upgraded file is written back in the current schema; its old bytes stay in the .bak.
    if (doc.migratedFrom !== null && !readOnly) this.markDirty(doc)
    return this.view(doc)
  }

  /**
   * Applies a change made by code (migrations, tests) as the latest version. The result is
   * validated (offset invariant included) and the history may only grow.
   */
  mutate(path: string, change: (project: Project) => Project): OpenedProject {
    const doc = this.writableDoc(path)
    const next = this.checked(doc, doc.db.data, change(doc.db.data))
    this.commit(doc, next, changedKeys(doc.db.data, next), currentSession().client)
    return this.view(doc)
  }

  /**
   * A checker's edit from one window: applies it to the latest version, appends its history entry
   * and makes it undoable in that window. An edit made on an older version is merged when it
   * changes other things than the edits since; when another window changed the same field since,
   * it is refused with both values, never applied over the other.
   */
  edit<T extends EditOutcome>(path: string, meta: EditMeta, apply: (project: Project) => T): { opened: OpenedProject; outcome: T } {
    const doc = this.writableDoc(path)
    const session = currentSession()
    const before = doc.db.data
    const outcome = apply(before)
    const entry: HistoryEntry = historyEntry({
      at: meta.at,
      author: meta.author,
      action: meta.action,
      claimId: outcome.claimId,
      summary: outcome.summary,
    })
    const next = this.checked(doc, before, { ...outcome.project, updatedAt: meta.at, history: [...before.history, entry] })
    const keys = changedKeys(before, next)
    // An edit that changes nothing (the same verdict again, an unchanged field) is not history.
    if (keys.size === 0) return { opened: this.view(doc), outcome }
    this.refuseConflicts(doc, session, keys, before, next)
    this.commit(doc, next, keys, session.client)
    const undo = this.stack(doc.undo, session.client)
    undo.push({
      keys: [...keys],
      before,
      after: next,
      version: doc.version,
      action: meta.action,
      summary: outcome.summary,
      claimId: outcome.claimId,
    })
    if (undo.length > UNDO_LIMIT) undo.shift()
    doc.redo.set(session.client, [])
    return { opened: this.view(doc), outcome }
  }

  /**
   * Undoes this window's last edit: only what that edit changed is put back, so another window's
   * later edits stay; refused when another window has changed the same thing since. History only
   * grows: the undo is itself recorded ("Undid: …"), and so is a redo.
   */
  undo(path: string, meta: Omit<EditMeta, 'action'>): OpenedProject {
    return this.step(path, meta, 'undo')
  }

  redo(path: string, meta: Omit<EditMeta, 'action'>): OpenedProject {
    return this.step(path, meta, 'redo')
  }

  private step(path: string, meta: Omit<EditMeta, 'action'>, direction: 'undo' | 'redo'): OpenedProject {
    const doc = this.writableDoc(path)
    const { client } = currentSession()
    const from = this.stack(direction === 'undo' ? doc.undo : doc.redo, client)
    const to = this.stack(direction === 'undo' ? doc.redo : doc.undo, client)
    const step = from.at(-1)
    if (!step)
      throw new AppError('INVALID_INPUT', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.', {
        key: direction === 'undo' ? 'nothingToUndo' : 'nothingToRedo',
      })
    const current = doc.db.data
    const changedSince = doc.log.filter((e) => e.version > step.version && e.client !== client).flatMap((e) => e.keys)
    const clash = overlapping(step.keys, changedSince)
    if (clash.length > 0) {
      const { what } = describeKey(current, clash[0] ?? '')
      throw new AppError(
        'EDIT_CONFLICT',
        `Cannot ${direction} “${step.summary}”: ${what} was changed in another window since. Change it by hand instead.`,
        { key: 'project.undoClash', params: { direction } },
      )
    }
    const restored = restoreKeys(current, direction === 'undo' ? step.before : step.after, step.keys, meta.at)
    const next = this.checked(doc, current, {
      ...restored,
      history: [
        ...current.history,
        historyEntry({
          at: meta.at,
          author: meta.author,
          action: `edit.${direction}`,
          claimId: step.claimId,
          summary: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.summary}`,
        }),
      ],
    })
    this.commit(doc, next, changedKeys(current, next), client)
    from.pop()
    to.push({ ...step, version: doc.version })
    return this.view(doc)
  }

  status(path: string): SaveStatus {
    return { ...this.get(path).status }
  }

  /** Resolves after the next write attempt (at once when nothing is pending), with the resulting status. */
  async awaitSave(path: string): Promise<SaveStatus> {
    const doc = this.get(path)
    if (doc.dirty && !doc.conflict && !doc.readOnly) {
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

  /**
   * Saves and forgets an open project. Edits that cannot be written (a full or read-only disk, a
   * change on disk, a take-over) are kept in a recovery file first and the status names it; with no
   * recovery store the project stays open and the close is refused, so nothing is ever dropped.
   */
  async close(path: string): Promise<ClosedProject> {
    const doc = this.docs.get(path)
    if (!doc) return { state: 'saved', savedAt: null, message: null, version: 0, warning: null, recoveryFile: null }
    const status = await this.flush(path)
    let recoveryFile: string | null = null
    if (doc.unsaved > 0) {
      const [edits, them] = doc.unsaved === 1 ? ['Your unsaved edit is', 'it'] : [`Your ${doc.unsaved} unsaved edits are`, 'them']
      recoveryFile = await this.keepInRecovery(doc)
      status.message = `${doc.conflict ?? doc.problem ?? 'The last edits could not be saved.'} ${edits} kept in "${recoveryFile}"; opening the project again offers ${them} back.`
    }
    this.docs.delete(path)
    await doc.lock?.release()
    if (doc.timer) clearTimeout(doc.timer)
    this.release(doc)
    return { ...status, recoveryFile }
  }

  /** How many edits of an open project are not on disk yet (0 for a project that is not open). */
  unsavedEdits(path: string): number {
    return this.docs.get(path)?.unsaved ?? 0
  }

  /** The open projects with edits that are not on disk. */
  unsavedPaths(): string[] {
    return this.openPaths().filter((path) => this.unsavedEdits(path) > 0)
  }

  /** Forgets an open project and its unsaved edits, as the checker explicitly chose (quit ▸ Discard). */
  async discard(path: string): Promise<void> {
    const doc = this.docs.get(path)
    if (!doc) return
    if (doc.timer) clearTimeout(doc.timer)
    doc.dirty = false
    doc.unsaved = 0
    this.docs.delete(path)
    this.release(doc)
    await doc.lock?.release()
  }

  /** Closes every project; returns those whose edits went to a recovery file instead of their project. */
  async closeAll(): Promise<{ path: string; recoveryFile: string; message: string }[]> {
    const results = await Promise.all(this.openPaths().map(async (path) => ({ path, closed: await this.close(path) })))
    return results.flatMap(({ path, closed }) =>
      closed.recoveryFile ? [{ path, recoveryFile: closed.recoveryFile, message: closed.message ?? '' }] : [],
    )
  }

  /** Compares the file on disk with what Factdesk last read or wrote (by content); marks a conflict if it moved on. */
  async checkDisk(path: string): Promise<SaveStatus> {
    const doc = this.get(path)
    if (doc.conflict || doc.writing) return { ...doc.status }
    const hash = await hashOnDisk(doc.target).catch(() => 'unreadable')
    if (hash === doc.diskHash) return { ...doc.status }
    // Nothing of ours is waiting: show their version at once (a git pull, the holder of the lock saving).
    if (hash !== null && hash !== 'unreadable' && doc.unsaved === 0 && !doc.dirty) {
      const reloaded = await this.reload(path).catch(() => null)
      if (reloaded) return reloaded.save
    }
    this.setConflict(doc)
    return { ...doc.status }
  }

  /** Drops the in-memory version and reads the file again (after an outside change, or to keep "theirs"). */
  async reload(path: string): Promise<OpenedProject> {
    const doc = this.get(path)
    const { project, hash, bytes } = await readProjectFile(doc.target)
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = null
    doc.db.data = project
    doc.saved = project
    doc.diskHash = hash
    doc.diskBytes = bytes
    doc.dirty = false
    doc.unsaved = 0
    doc.conflict = null
    doc.version++
    doc.log = []
    doc.undo.clear()
    doc.redo.clear()
    doc.status = { state: 'saved', savedAt: doc.status.savedAt, message: null, version: doc.version, warning: this.sizeWarning(doc) }
    this.release(doc)
    return this.view(doc)
  }

  /**
   * The file was changed on disk by a team sync (a pull): the open project takes the new version
   * with its own edits since `committed` (the version the sync committed; by default the one last
   * saved) merged in by the project merge, rather than stopping at a conflict. A read-only project
   * simply shows the new version.
   */
  async mergeExternal(path: string, committed: Project | null, meta: Omit<EditMeta, 'action'>): Promise<OpenedProject> {
    const doc = this.get(path)
    while (doc.writing) await doc.writing
    const { project: disk, hash, bytes } = await readProjectFile(doc.target)
    if (hash === doc.diskHash && !doc.conflict) return this.view(doc)
    const ours = doc.db.data
    const base = committed ?? doc.saved
    const untouched = JSON.stringify(ours) === JSON.stringify(base)
    const merged =
      untouched || doc.readOnly
        ? disk
        : sealHistory(mergeProjects(base, ours, disk, { now: meta.at, author: meta.author, theirsName: 'the team’s copy' }).project, sha256)
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = null
    doc.saved = disk
    doc.diskHash = hash
    doc.diskBytes = bytes
    doc.conflict = null
    doc.version++
    doc.log = []
    doc.undo.clear()
    doc.redo.clear()
    if (JSON.stringify(merged) === JSON.stringify(disk)) {
      doc.db.data = disk
      doc.dirty = false
      doc.unsaved = 0
      doc.status = { state: 'saved', savedAt: doc.status.savedAt, message: null, version: doc.version, warning: this.sizeWarning(doc) }
      this.release(doc)
    } else {
      doc.db.data = validateProject(merged, doc.path)
      doc.unsaved = Math.max(1, doc.unsaved)
      this.markDirty(doc)
    }
    return this.view(doc)
  }

  /**
   * Keeps the checker's in-memory version by writing it to a new file (beside the original, or in
   * `dir` when the original's folder is read-only); the original is left as it is and closed, the
   * copy opened.
   */
  async saveCopy(path: string, dir?: string): Promise<OpenedProject> {
    const doc = this.get(path)
    const copyPath = await writeNewProjectFile(dir ?? dirname(doc.path), `${basename(path, PROJECT_SUFFIX)} copy`, doc.db.data, {
      legacy: isLegacyFile(doc.provenance),
    })
    if (doc.timer) clearTimeout(doc.timer)
    doc.dirty = false
    doc.unsaved = 0
    this.release(doc)
    this.docs.delete(path)
    await doc.lock?.release()
    return this.open(copyPath)
  }

  /** Puts kept edits back: into the project when it did not change since, else as a copy beside it. */
  async restoreRecovery(path: string, meta: Omit<EditMeta, 'action'>, copyDir?: string): Promise<OpenedProject> {
    const doc = this.writableDoc(path)
    const noKeptEdits = (): AppError =>
      new AppError('NOT_FOUND', `There are no kept edits for "${path}".`, { key: 'project.noKeptEdits', params: { file: path } })
    if (!this.recovery) throw noKeptEdits()
    const found = await this.recovery.find(path, doc.diskHash)
    if (!found) throw noKeptEdits()
    const when = found.at.slice(11, 16)
    const restored = (summary: string): Project => ({
      ...found.project,
      updatedAt: meta.at,
      history: [
        ...found.project.history,
        historyEntry({ at: meta.at, author: meta.author, action: 'project.recover', claimId: null, summary }),
      ],
    })
    if (found.asCopy) {
      const copy = await writeNewProjectFile(
        copyDir ?? dirname(doc.path),
        `${basename(path, PROJECT_SUFFIX)} recovered`,
        restored(`Restored ${found.edits} unsaved edits from ${when} UTC as a copy, because the project had changed since.`),
      )
      await this.recovery.discard(path)
      doc.recovery = null
      return this.open(copy)
    }
    const current = doc.db.data
    const next = this.checked(doc, current, restored(`Restored ${found.edits} unsaved edits from ${when} UTC.`))
    this.commit(doc, next, changedKeys(current, next), currentSession().client)
    await this.recovery.discard(path)
    doc.recovery = null
    return this.view(doc)
  }

  async discardRecovery(path: string): Promise<OpenedProject> {
    const doc = this.get(path)
    await this.recovery?.discard(path)
    doc.recovery = null
    return this.view(doc)
  }

  private stack(stacks: Map<string, UndoStep[]>, client: string): UndoStep[] {
    let stack = stacks.get(client)
    if (!stack) stacks.set(client, (stack = []))
    return stack
  }

  private get(path: string): OpenDocument {
    const doc = this.docs.get(path)
    if (!doc)
      throw new AppError('NOT_OPEN', `The project "${path}" is not open. Open it again from the library.`, {
        key: 'notOpen',
        params: { file: path },
      })
    return doc
  }

  private writableDoc(path: string): OpenDocument {
    const doc = this.get(path)
    if (doc.readOnly) throw readOnlyError(doc.readOnly, doc.path)
    if (doc.conflict) throw new AppError('CONFLICT', doc.conflict, { key: 'project.changedOnDisk', params: { file: doc.path } })
    return doc
  }

  /** Validates an edit's result, keeps history append-only and the project within the size limit. */
  private checked(doc: OpenDocument, before: Project, next: Project): Project {
    // Every entry an edit appends is sealed into the tamper-evident chain with the state it produced.
    const valid = sealHistory(validateProject(next, doc.path), sha256, before.history.length)
    const lastBefore = before.history.at(-1)
    const sameIndex = valid.history[before.history.length - 1]
    if (valid.history.length < before.history.length || (lastBefore && JSON.stringify(sameIndex) !== JSON.stringify(lastBefore))) {
      throw new AppError('INVALID_INPUT', 'The edit would rewrite the project history, which is append-only. It was not applied.')
    }
    if (doc.diskBytes > MAX_PROJECT_BYTES - LARGEST_EDIT_BYTES) checkedText(valid, doc.path)
    return valid
  }

  private refuseConflicts(
    doc: OpenDocument,
    session: { client: string; base: number | null },
    keys: Set<ChangeKey>,
    current: Project,
    next: Project,
  ): void {
    if (session.base === null || session.base >= doc.version) return
    const base = session.base
    const since = doc.log.filter((entry) => entry.version > base && entry.client !== session.client).flatMap((entry) => entry.keys)
    if (doc.log.length > 0 && (doc.log[0]?.version ?? 0) > base + 1) {
      throw new AppError(
        'EDIT_CONFLICT',
        'This window shows an old version of the project; it has been refreshed. Make the change again.',
        {
          key: 'staleWindow',
        },
      )
    }
    const clash = overlapping(keys, since)
    if (clash.length === 0) return
    const conflicts: FieldConflict[] = clash.map((key) => {
      const theirs = describeKey(current, key)
      return { key, what: theirs.what, theirs: theirs.value, yours: describeKey(next, key).value }
    })
    throw new AppError(
      'EDIT_CONFLICT',
      `Another window changed ${conflicts.map((c) => c.what).join(' and ')} since this one last showed it. Keep their version or yours.`,
      { conflicts, key: 'project.editConflict', params: { count: conflicts.length } },
    )
  }

  private commit(doc: OpenDocument, next: Project, keys: Iterable<ChangeKey>, client: string): void {
    doc.db.data = next
    doc.version++
    doc.log.push({ version: doc.version, client, keys: [...keys] })
    if (doc.log.length > LOG_LIMIT) doc.log.splice(0, doc.log.length - LOG_LIMIT)
    doc.unsaved++
    this.markDirty(doc)
  }

  private sizeWarning(doc: OpenDocument): string | null {
    if (doc.diskBytes < MAX_PROJECT_BYTES * WARN_SHARE) return null
    return `This project is ${(doc.diskBytes / 1048576).toFixed(0)} MB of the ${MAX_PROJECT_BYTES / 1048576} MB a project file may be. Split the article into several projects before it grows further.`
  }

  private view(doc: OpenDocument): OpenedProject {
    const { client } = currentSession()
    const undo = doc.undo.get(client)?.at(-1)
    const redo = doc.redo.get(client)?.at(-1)
    return {
      path: doc.path,
      project: doc.db.data,
      save: { ...doc.status },
      migratedFrom: doc.migratedFrom,
      undoable: {
        undo: undo ? { action: undo.action, summary: undo.summary } : null,
        redo: redo ? { action: redo.action, summary: redo.summary } : null,
      },
      version: doc.version,
      readOnly: doc.readOnly,
      recovery: doc.recovery,
    }
  }

  private markDirty(doc: OpenDocument): void {
    doc.dirty = true
    doc.status = { state: 'saving', savedAt: doc.status.savedAt, message: null, version: doc.version, warning: doc.status.warning }
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = setTimeout(() => {
      doc.timer = null
      void this.write(doc)
    }, this.debounceMs)
  }

  private setConflict(doc: OpenDocument): void {
    doc.conflict = `"${doc.path}" was changed or removed outside Factdesk since it was opened, so Factdesk did not overwrite it. Reload it from disk, or save your version as a copy.`
    doc.status = {
      state: 'conflict',
      savedAt: doc.status.savedAt,
      message: doc.conflict,
      version: doc.version,
      warning: doc.status.warning,
    }
    this.release(doc)
  }

  /** Someone took the project over (or its lock vanished): stop writing, keep unsaved edits, say who. */
  private async lost(doc: OpenDocument, by: LockHolder | null): Promise<void> {
    const who = by ? describeHolder(by) : 'another program'
    doc.readOnly = {
      reason: 'taken-over',
      message: `${who} took this project over, so it is read-only here now.`,
      holder: by ? who : null,
      by: by ? holderInfo(by) : null,
    }
    if (doc.timer) clearTimeout(doc.timer)
    doc.timer = null
    let message = doc.readOnly.message
    if (doc.unsaved > 0) {
      const file = await this.keepInRecovery(doc).catch(() => null)
      message += file
        ? ` Your ${doc.unsaved} unsaved edits are kept in "${file}".`
        : ' Your unsaved edits are still in this window: save a copy.'
    }
    doc.status = { state: 'error', savedAt: doc.status.savedAt, message, version: doc.version, warning: doc.status.warning }
    this.release(doc)
  }

  private async keepInRecovery(doc: OpenDocument): Promise<string> {
    if (!this.recovery) {
      throw new AppError(
        'IO',
        `The edits to "${doc.path}" could not be saved (${doc.status.message ?? 'unknown reason'}), and there is nowhere to keep them; the project stays open. Save a copy elsewhere.`,
        { key: 'project.nowhereToKeep', params: { file: doc.path } },
      )
    }
    return this.recovery.keep(doc.path, doc.db.data, doc.unsaved, doc.diskHash, new Date())
  }

  private release(doc: OpenDocument): void {
    const waiters = doc.waiters
    doc.waiters = []
    for (const resolve of waiters) resolve()
  }

  private async write(doc: OpenDocument): Promise<void> {
    while (doc.writing) await doc.writing
    if (!doc.dirty || doc.conflict || doc.readOnly) {
      this.release(doc)
      return
    }
    const run = async (): Promise<void> => {
      try {
        // Under the lock: nobody else's Factdesk writes this file now. The content check catches
        // everyone else (a git pull, a sync client, an editor), whatever size or time they left.
        if (doc.lock && !(await doc.lock.verify())) {
          await doc.losing
          return
        }
        const onDisk = await currentBytes(doc.target)
        if ((onDisk ? sha256(onDisk) : null) !== doc.diskHash) {
          this.setConflict(doc)
          return
        }
        const snapshot = doc.db.data
        const text = checkedText(snapshot, doc.path)
        const edits = doc.unsaved
        doc.dirty = false
        if (onDisk) await writeFileAtomic(`${doc.target}.bak`, onDisk, { mode: 0o600 })
        // The snapshot was serialised with no await since it was taken: an edit arriving during the
        // checks above is part of this write, and one arriving from here on marks the project dirty again.
        await doc.file.writeText(text)
        doc.saved = snapshot
        this.onSaved(doc.target, snapshot)
        doc.problem = null
        doc.unsaved = Math.max(0, doc.unsaved - edits)
        doc.status.warning = this.sizeWarning(doc)
        if (doc.db.data === snapshot) {
          doc.unsaved = 0
          doc.status = {
            state: 'saved',
            savedAt: new Date().toISOString(),
            message: null,
            version: doc.version,
            warning: doc.status.warning,
          }
        }
      } catch (error) {
        doc.dirty = true
        const problem = error instanceof AppError ? error : ioError(doc.path, 'save', error)
        doc.problem = problem.message
        doc.status = {
          state: 'error',
          savedAt: doc.status.savedAt,
          message: `${problem.message} Your edits are kept in memory and Factdesk keeps trying; closing the project keeps them in a recovery file.`,
          version: doc.version,
          warning: doc.status.warning,
        }
        if (!doc.timer) {
          doc.timer = setTimeout(() => {
            doc.timer = null
            void this.write(doc)
          }, RETRY_AFTER_ERROR_MS)
          doc.timer.unref()
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

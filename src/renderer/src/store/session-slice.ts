import type { Edited, ImportedFile, InputOf, NewProjectInput, OpenedProject, SaveStatus } from '@contract/api'
import type { FieldConflict } from '@domain/errors'
import { fileToBase64 } from '../api/base64'
import { MAX_IMPORT_BYTES } from '@contract/uploads'
import { ApiError, call, followShownVersion, messageOf } from '../api/client'
import { commitPendingFields } from '../components/pending-fields'
import { i18n } from '../i18n'
import { DEFAULT_FILTERS } from '../features/claims/claim-filter'
import { chooseCaseFile, isCaseFileName } from '../features/evidence/open-case-file'
import { countEditStarted } from './edit-counter'
import type { EditAction } from './edit-channel'
import type { AppSlice } from './index'

/** The project on screen, its autosave, and a file read for a new project. */
export interface SessionSlice {
  current: OpenedProject | null
  save: SaveStatus | null
  /** A file read for a new project, waiting for the checker to review its details. */
  pendingImport: ImportedFile | null
  createProject: (input: NewProjectInput) => Promise<void>
  openProject: (path: string) => Promise<void>
  /** Asks the desktop for a project file (native dialog) and opens it. */
  openChosenProject: () => Promise<void>
  closeProject: () => Promise<void>
  /** Reads a file (chosen or dropped) for a new project; the home screen then shows its details. */
  importFile: (file: File) => Promise<void>
  /** Shows a file the desktop has already read for review as a new project. */
  reviewImport: (imported: ImportedFile) => void
  cancelImport: () => void
  /** Runs an edit channel; the project on screen becomes the edited one and the save is tracked. */
  edit: EditAction
  /** After a conflict: take the version on disk, or keep the checker's as a copy. */
  resolveConflict: (how: 'project:reload' | 'project:saveCopy') => Promise<void>
  /**
   * Asks whether the file changed on disk meanwhile, and shows it only when it did. A failed check
   * stays quiet: it is a background look, and the next edit reports the problem.
   */
  checkDisk: (path: string) => Promise<void>
  /** An edit another window's later edit collides with, waiting for the checker to keep one. */
  editConflict: { message: string; conflicts: FieldConflict[] } | null
  resolveEditConflict: (keep: 'theirs' | 'mine') => Promise<void>
  /** Opens the project for editing here although someone else holds it (they become read-only). */
  takeOver: () => Promise<void>
  /** Puts back the edits kept from an earlier session, or throws them away. */
  resolveRecovery: (how: 'project:restoreRecovery' | 'project:discardRecovery') => Promise<void>
}

let saveTracking = 0
/** Edits on their way to the engine: leaving the project waits for them, so none arrives after the close. */
const inFlight = new Set<Promise<unknown>>()
/** The edit waiting on an edit conflict, sent again when the checker keeps their version. */
let conflictedEdit: (() => Promise<Edited>) | null = null

export const createSessionSlice: AppSlice<SessionSlice> = (set, get) => {
  followShownVersion(() => get().current?.version ?? null)

  /** Shows a newer version of the project on screen (another window's edits, an outside change), keeping the selection. */
  const refresh = async (path: string): Promise<void> => {
    const latest = await call('project:open', { path }).catch(() => null)
    if (!latest || get().current?.path !== path) return
    set((s) => (s.current && latest.version < s.current.version ? {} : { current: latest, save: latest.save }))
  }
  /** Whether the engine has a version this window has not shown yet. */
  const behind = (status: SaveStatus): boolean => {
    const current = get().current
    return current !== null && status.version > current.version
  }

  /** Closes the project on screen after committing what was typed; edits that could not be saved are named in a notice. */
  const leave = async (): Promise<void> => {
    commitPendingFields()
    const current = get().current
    if (!current) return
    await Promise.allSettled([...inFlight])
    const closed = await call('project:close', { path: current.path })
    if (closed.recoveryFile) get().notify('error', closed.message ?? `Unsaved edits were kept in ${closed.recoveryFile}.`)
    set({ current: null, save: null, selectedId: null, dialog: null, editConflict: null })
  }
  /** Follows the autosave of the project on screen until it settles (Saved, Error or Conflict). */
  const trackSave = async (path: string): Promise<void> => {
    const ticket = ++saveTracking
    for (;;) {
      let status: SaveStatus
      try {
        status = await call('project:awaitSave', { path })
      } catch (error) {
        status = { state: 'error', savedAt: null, message: messageOf(error), version: get().current?.version ?? 0, warning: null }
      }
      if (ticket !== saveTracking || get().current?.path !== path) return
      set({ save: status })
      if (status.state !== 'saving') {
        if (behind(status)) await refresh(path)
        return
      }
    }
  }

  const show = (opened: OpenedProject): void => {
    set({ current: opened, save: opened.save, selectedId: null, filters: DEFAULT_FILTERS, dialog: null })
    if (opened.save.state === 'saving') void trackSave(opened.path)
  }

  return {
    current: null,
    save: null,
    pendingImport: null,
    createProject: (input) =>
      get().run(async () => {
        show(await call('project:create', input))
        set({ pendingImport: null })
      }),
    importFile: (file) =>
      get().run(async () => {
        if (isCaseFileName(file.name)) return chooseCaseFile(file)
        await leave()
        const dataBase64 = await fileToBase64(file, MAX_IMPORT_BYTES)
        const imported = await get().trackImport((importId) => call('project:importFile', { fileName: file.name, dataBase64, importId }))
        if (imported) set({ pendingImport: imported })
      }),
    reviewImport: (imported) => set({ pendingImport: imported }),
    cancelImport: () => set({ pendingImport: null }),
    openProject: (path) =>
      get().run(async () => {
        if (get().current?.path !== path) await leave()
        const opened = await call('project:open', { path })
        show(opened)
        if (opened.migratedFrom !== null) {
          get().notify(
            'info',
            `This project was saved by an older Factdesk (schema ${opened.migratedFrom}); it has been upgraded, and the old file kept as .bak.`,
          )
        }
      }),
    openChosenProject: async () => {
      const chosen = await get().attempt(() => call('app:chooseProject', {}))
      if (chosen?.path) await get().openProject(chosen.path)
    },
    closeProject: () =>
      get().run(async () => {
        await leave()
        set({ library: await call('project:list', {}) })
      }),
    edit: async (channel, input, options = {}) => {
      const current = get().current
      if (!current) return null
      const selectedBefore = get().selectedId
      countEditStarted()
      const saveBefore = get().save
      // The edit is on its way to disk from this moment: say so at once, not when the call returns.
      if (saveBefore && saveBefore.state !== 'conflict') set({ save: { ...saveBefore, state: 'saving', message: null } })
      const send = (sendOptions = options): Promise<Edited> => {
        const sent = call(channel, { ...input, path: current.path } as InputOf<typeof channel>, sendOptions)
        inFlight.add(sent)
        void sent.finally(() => inFlight.delete(sent)).catch(() => undefined)
        return sent
      }
      const edited: Edited | undefined = await get().attempt(
        () =>
          send().catch((error: unknown) => {
            // Another window changed the same thing since: the checker keeps one of the two, in a dialog.
            if (!(error instanceof ApiError && error.code === 'EDIT_CONFLICT')) throw error
            // Keeping theirs drops this edit; keeping mine sends it again on the latest version.
            conflictedEdit = () => send({ base: null })
            set({ editConflict: { message: error.message, conflicts: error.conflicts } })
            if (get().save?.state === 'saving') set({ save: saveBefore })
            return undefined
          }),
        {
          recover: async (error) => {
            if (get().save?.state === 'saving' && get().current?.path === current.path) set({ save: saveBefore })
            if (error instanceof ApiError && error.code === 'CONFLICT')
              set({ save: await call('project:checkDisk', { path: current.path }) })
          },
        },
      )
      if (!edited) return null
      // Select what the edit produced, unless the checker has moved on to another claim meanwhile.
      set((s) => ({
        current: edited,
        save: edited.save,
        selectedId: s.selectedId === selectedBefore ? (edited.focus ?? s.selectedId) : s.selectedId,
      }))
      void trackSave(edited.path)
      return edited
    },
    resolveConflict: async (how) => {
      const current = get().current
      if (!current) return
      const next = await get().attempt(() => call(how, { path: current.path }))
      if (!next) return
      set({ current: next, save: next.save })
      get().notify('info', how === 'project:reload' ? i18n.t('banners.reloaded') : i18n.t('banners.savedAsCopy', { path: next.path }))
    },
    checkDisk: (path) =>
      call('project:checkDisk', { path }).then(
        async (save) => {
          if (get().current?.path !== path) return
          if (save.state === 'conflict' || save.state === 'error' || save.warning !== get().save?.warning) set({ save })
          if (behind(save)) await refresh(path)
        },
        () => undefined,
      ),
    editConflict: null,
    resolveEditConflict: async (keep) => {
      const current = get().current
      const retry = conflictedEdit
      conflictedEdit = null
      set({ editConflict: null })
      if (!current) return
      await refresh(current.path)
      if (keep === 'theirs' || !retry) return
      const edited = await get().attempt(retry)
      if (edited) {
        set({ current: edited, save: edited.save })
        void trackSave(edited.path)
      }
    },
    takeOver: () =>
      get().run(async () => {
        const current = get().current
        if (!current) return
        show(await call('project:takeOver', { path: current.path }))
      }),
    resolveRecovery: (how) =>
      get().run(async () => {
        const current = get().current
        if (!current) return
        const next = await call(how, { path: current.path })
        if (next.path !== current.path) {
          show(next)
          get().notify('info', `The project had changed since, so your kept edits were restored as a copy: ${next.path}.`)
          return
        }
        set({ current: next, save: next.save })
        if (next.save.state === 'saving') void trackSave(next.path)
      }),
  }
}

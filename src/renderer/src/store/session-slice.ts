import type { ArticleInput, Edited, ImportedFile, InputOf, OpenedProject, SaveStatus } from '@contract/api'
import { fileToBase64 } from '../api/base64'
import { ApiError, call, messageOf } from '../api/client'
import { DEFAULT_FILTERS } from '../features/claims/claim-filter'
import type { EditAction } from './edit-channel'
import type { AppSlice } from './index'

/** The project on screen, its autosave, and a file read for a new project. */
export interface SessionSlice {
  current: OpenedProject | null
  save: SaveStatus | null
  /** A file read for a new project, waiting for the checker to review its details. */
  pendingImport: ImportedFile | null
  createProject: (input: ArticleInput) => Promise<void>
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
}

let saveTracking = 0

export const createSessionSlice: AppSlice<SessionSlice> = (set, get) => {
  /** Follows the autosave of the project on screen until it settles (Saved, Error or Conflict). */
  const trackSave = async (path: string): Promise<void> => {
    const ticket = ++saveTracking
    for (;;) {
      let status: SaveStatus
      try {
        status = await call('project:awaitSave', { path })
      } catch (error) {
        status = { state: 'error', savedAt: null, message: messageOf(error) }
      }
      if (ticket !== saveTracking || get().current?.path !== path) return
      set({ save: status })
      if (status.state !== 'saving') return
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
        const current = get().current
        if (current) {
          await call('project:close', { path: current.path })
          set({ current: null, save: null, selectedId: null, dialog: null })
        }
        const dataBase64 = await fileToBase64(file)
        const imported = await get().trackImport((importId) => call('project:importFile', { fileName: file.name, dataBase64, importId }))
        if (imported) set({ pendingImport: imported })
      }),
    reviewImport: (imported) => set({ pendingImport: imported }),
    cancelImport: () => set({ pendingImport: null }),
    openProject: (path) =>
      get().run(async () => {
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
        const current = get().current
        if (current) await call('project:close', { path: current.path })
        set({ current: null, save: null, selectedId: null, dialog: null, library: await call('project:list', {}) })
      }),
    edit: async (channel, input) => {
      const current = get().current
      if (!current) return null
      const selectedBefore = get().selectedId
      const saveBefore = get().save
      // The edit is on its way to disk from this moment: say so at once, not when the call returns.
      if (saveBefore && saveBefore.state !== 'conflict') set({ save: { ...saveBefore, state: 'saving', message: null } })
      const edited: Edited | undefined = await get().attempt(
        () => call(channel, { ...input, path: current.path } as InputOf<typeof channel>),
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
      get().notify('info', how === 'project:reload' ? 'Reloaded the version on disk.' : `Your version was saved as ${next.path}.`)
    },
    checkDisk: (path) =>
      call('project:checkDisk', { path }).then(
        (save) => {
          if (save.state === 'conflict') set({ save })
        },
        () => undefined,
      ),
  }
}

import type { ImportedFile } from '@contract/api'
import type { ImportProgress } from '@contract/import'
import { ApiError, call } from '../api/client'
import type { AppSlice } from './index'

/** An import under way and how far it has got (null until the engine has said). */
export interface RunningImport {
  id: string
  progress: ImportProgress | null
}

/** Imports under way: their progress, polled while the import call waits, and a way to stop them. */
export interface ImportSlice {
  importing: RunningImport | null
  /**
   * Runs an import call under a new import id and follows its progress until it answers. A
   * cancelled import is a quiet notice, not an error, and answers undefined; other failures throw.
   */
  trackImport: <T extends ImportedFile | null>(work: (importId: string) => Promise<T>) => Promise<T | undefined>
  /** Asks the desktop for an article file (native dialog) and reads it; null when the dialog was cancelled. */
  chooseImportFile: () => Promise<ImportedFile | null | undefined>
  /**
   * Pasted text goes to the review form when the engine recognised lines the checker should decide
   * on (headline, byline, date, captions) or no title was typed; otherwise the project is made at once.
   */
  importPasted: (input: { title: string; text: string }) => Promise<void>
  /** Stops the import under way. */
  stopImport: () => Promise<void>
}

/** How often the progress of an import is asked for. */
const POLL_MS = 250

/** A random id for one import: crypto.randomUUID needs a secure context, which the e2e page is not. */
function newImportId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export const createImportSlice: AppSlice<ImportSlice> = (set, get) => ({
  importing: null,
  trackImport: async (work) => {
    const id = newImportId()
    set({ importing: { id, progress: null } })
    const poll = setInterval(() => {
      call('project:importProgress', { importId: id }).then(
        (progress) => {
          if (get().importing?.id === id) set({ importing: { id, progress } })
        },
        // A missed look at the progress is made up by the next one.
        () => undefined,
      )
    }, POLL_MS)
    try {
      return await work(id)
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CANCELLED')) throw error
      get().notify('info', error.message)
      return undefined
    } finally {
      clearInterval(poll)
      if (get().importing?.id === id) set({ importing: null })
    }
  },
  chooseImportFile: () => get().trackImport((importId) => call('app:chooseImportFile', { importId })),
  importPasted: ({ title, text }) =>
    get().run(async () => {
      const imported = await get().trackImport((importId) => call('project:importText', { text, title, importId }))
      if (!imported) return
      if (imported.recognised.length === 0 && title.trim()) await get().createProject({ title, text })
      else set({ pendingImport: imported })
    }),
  stopImport: async () => {
    const running = get().importing
    if (running) await get().attempt(() => call('project:cancelImport', { importId: running.id }))
  },
})

import type { LibraryListing, ProjectSummary } from '@contract/api'
import { call } from '../api/client'
import { i18n } from '../i18n'
import type { AppSlice } from './index'

/** The projects folder as the home screen lists it, and the changes made from that list. */
export interface LibrarySlice {
  library: LibraryListing | null
  refreshLibrary: () => Promise<void>
  /** True when the project was renamed (and the list shows it). */
  renameProject: (summary: ProjectSummary, title: string) => Promise<boolean>
  duplicateProject: (summary: ProjectSummary) => Promise<void>
  trashProject: (summary: ProjectSummary) => Promise<void>
}

export const createLibrarySlice: AppSlice<LibrarySlice> = (set, get) => {
  /** A change to the folder, then the list read again and, when given, a confirmation. */
  const change = async (work: () => Promise<unknown>, done: string | null): Promise<boolean> => {
    if ((await get().attempt(work)) === undefined) return false
    await get().refreshLibrary()
    if (done) get().notify('info', done)
    return true
  }
  return {
    library: null,
    refreshLibrary: () =>
      get().run(async () => {
        set({ library: await call('project:list', {}) })
      }),
    renameProject: (summary, title) => change(() => call('project:rename', { path: summary.path, title }), null),
    duplicateProject: async (summary) => {
      await change(() => call('project:duplicate', { path: summary.path }), i18n.t('library.duplicated', { title: summary.title }))
    },
    trashProject: async (summary) => {
      await change(() => call('project:delete', { path: summary.path }), i18n.t('library.trashed', { title: summary.title }))
    },
  }
}

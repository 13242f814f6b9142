import { create } from 'zustand'
import type { AppInfo, ArticleInput, LibraryListing, OpenedProject, SaveStatus } from '../../shared/api'
import { ApiError, call } from './api/client'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  message: string
}

interface State {
  info: AppInfo | null
  library: LibraryListing | null
  current: OpenedProject | null
  save: SaveStatus | null
  busy: boolean
  notices: Notice[]
}

interface Actions {
  boot: () => Promise<void>
  refreshLibrary: () => Promise<void>
  createProject: (input: ArticleInput) => Promise<void>
  openProject: (path: string) => Promise<void>
  closeProject: () => Promise<void>
  notify: (kind: Notice['kind'], message: string) => void
  dismissNotice: (id: number) => void
}

let noticeId = 0

function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error)
}

/** The renderer's one store: what is on screen and the calls that change it. */
export const useApp = create<State & Actions>((set, get) => {
  const run = async (work: () => Promise<void>): Promise<void> => {
    set({ busy: true })
    try {
      await work()
    } catch (error) {
      get().notify('error', messageOf(error))
    } finally {
      set({ busy: false })
    }
  }
  return {
    info: null,
    library: null,
    current: null,
    save: null,
    busy: false,
    notices: [],
    boot: () =>
      run(async () => {
        const [info, library] = await Promise.all([call('app:info', {}), call('project:list', {})])
        set({ info, library })
      }),
    refreshLibrary: () =>
      run(async () => {
        set({ library: await call('project:list', {}) })
      }),
    createProject: (input) =>
      run(async () => {
        const opened = await call('project:create', input)
        set({ current: opened, save: opened.save })
      }),
    openProject: (path) =>
      run(async () => {
        const opened = await call('project:open', { path })
        set({ current: opened, save: opened.save })
      }),
    closeProject: () =>
      run(async () => {
        const current = get().current
        if (current) await call('project:close', { path: current.path })
        set({ current: null, save: null, library: await call('project:list', {}) })
      }),
    notify: (kind, message) => set((s) => ({ notices: [...s.notices, { id: ++noticeId, kind, message }] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }
})

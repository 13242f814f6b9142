import { create } from 'zustand'
import type {
  AppInfo,
  ArticleInput,
  Edited,
  ImportedFile,
  InputOf,
  LibraryListing,
  OpenedProject,
  SaveStatus,
  Settings,
} from '@contract/api'
import type { Channel } from '@contract/channels'
import type { ClaimStatus } from '@domain/project/schema'
import { ApiError, call } from './api/client'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  message: string
}

/** Which claims the list shows: every claim, the proposals, the accepted ones, or one status. */
export type StatusFilter = 'all' | 'suggested' | 'accepted' | ClaimStatus
export interface ClaimFilters {
  status: StatusFilter
  /** 'any', 'none' (no verdict yet) or a label id. */
  verdict: string
  text: string
  sort: 'position' | 'score'
}

export type DialogName = 'shortcuts' | 'scale' | 'export' | 'article' | null

/** The channels that edit a project and answer with the edited project. */
type EditChannel = {
  [C in Channel]: C extends
    | `claim:${string}`
    | `source:attach${string}`
    | `source:${'add' | 'update' | 'delete' | 'detach'}`
    | 'scale:set'
    | 'project:updateArticle'
    | 'project:undo'
    | 'project:redo'
    ? C
    : never
}[Channel]

interface State {
  info: AppInfo | null
  settings: Settings | null
  library: LibraryListing | null
  current: OpenedProject | null
  save: SaveStatus | null
  busy: boolean
  notices: Notice[]
  selectedId: string | null
  filters: ClaimFilters
  dialog: DialogName
  /** What the dialog opens with (the export format chosen in a menu). */
  dialogArgument: string | null
  /** A file read for a new project, waiting for the checker to review its details. */
  pendingImport: ImportedFile | null
}

interface Actions {
  boot: () => Promise<void>
  refreshLibrary: () => Promise<void>
  createProject: (input: ArticleInput) => Promise<void>
  openProject: (path: string) => Promise<void>
  closeProject: () => Promise<void>
  /** Runs an edit channel; the project on screen becomes the edited one and the save is tracked. */
  edit: <C extends EditChannel>(channel: C, input: Omit<InputOf<C>, 'path'>) => Promise<Edited | null>
  replaceCurrent: (opened: OpenedProject) => void
  select: (id: string | null) => void
  setFilters: (patch: Partial<ClaimFilters>) => void
  openDialog: (dialog: DialogName, argument?: string) => void
  updateSettings: (patch: Partial<Settings>) => Promise<void>
  /** Reads a file (chosen or dropped) for a new project; the home screen then shows its details. */
  importFile: (file: File) => Promise<void>
  cancelImport: () => void
  notify: (kind: Notice['kind'], message: string) => void
  dismissNotice: (id: number) => void
}

export const DEFAULT_FILTERS: ClaimFilters = { status: 'all', verdict: 'any', text: '', sort: 'position' }

let noticeId = 0
let saveTracking = 0

/** A File's bytes as base64, for the API (the same over IPC and HTTP). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function messageOf(error: unknown): string {
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
    info: null,
    settings: null,
    library: null,
    current: null,
    save: null,
    busy: false,
    notices: [],
    selectedId: null,
    filters: DEFAULT_FILTERS,
    dialog: null,
    dialogArgument: null,
    pendingImport: null,
    boot: () =>
      run(async () => {
        const [info, settings, library] = await Promise.all([call('app:info', {}), call('settings:get', {}), call('project:list', {})])
        set({ info, settings, library })
      }),
    refreshLibrary: () =>
      run(async () => {
        set({ library: await call('project:list', {}) })
      }),
    createProject: (input) =>
      run(async () => {
        show(await call('project:create', input))
        set({ pendingImport: null })
      }),
    importFile: (file) =>
      run(async () => {
        const current = get().current
        if (current) {
          await call('project:close', { path: current.path })
          set({ current: null, save: null, selectedId: null, dialog: null })
        }
        const imported = await call('project:importFile', { fileName: file.name, dataBase64: await fileToBase64(file) })
        set({ pendingImport: imported })
      }),
    cancelImport: () => set({ pendingImport: null }),
    openProject: (path) =>
      run(async () => {
        const opened = await call('project:open', { path })
        show(opened)
        if (opened.migratedFrom !== null) {
          get().notify(
            'info',
            `This project was saved by an older Factdesk (schema ${opened.migratedFrom}); it has been upgraded, and the old file kept as .bak.`,
          )
        }
      }),
    closeProject: () =>
      run(async () => {
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
      try {
        const edited = (await call(channel, { ...input, path: current.path } as InputOf<typeof channel>)) as Edited
        // Select what the edit produced, unless the checker has moved on to another claim meanwhile.
        set((s) => ({
          current: edited,
          save: edited.save,
          selectedId: s.selectedId === selectedBefore ? (edited.focus ?? s.selectedId) : s.selectedId,
        }))
        void trackSave(edited.path)
        return edited
      } catch (error) {
        get().notify('error', messageOf(error))
        if (get().save?.state === 'saving' && get().current?.path === current.path) set({ save: saveBefore })
        if (error instanceof ApiError && error.code === 'CONFLICT') set({ save: await call('project:checkDisk', { path: current.path }) })
        return null
      }
    },
    replaceCurrent: (opened) => set({ current: opened, save: opened.save }),
    select: (id) => set({ selectedId: id }),
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
    openDialog: (dialog, argument) => set({ dialog, dialogArgument: argument ?? null }),
    updateSettings: (patch) =>
      run(async () => {
        set({ settings: await call('settings:set', patch) })
      }),
    notify: (kind, message) => set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, kind, message }] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }
})

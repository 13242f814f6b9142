import type { SeenBeforeItem } from '@contract/memory'
import { call } from '../api/client'
import type { AppSlice } from './index'

/** The claim memory's marks on the open project: which of its claims were checked before, and where. */
export interface MemorySlice {
  checkedBefore: { path: string; marks: Record<string, SeenBeforeItem> } | null
  /** Matches every claim of the project against the library (in the engine's worker); quiet when it cannot. */
  loadCheckedBefore: (path: string) => Promise<void>
}

export const createMemorySlice: AppSlice<MemorySlice> = (set, get) => ({
  checkedBefore: null,
  loadCheckedBefore: async (path) => {
    // A mark is a hint beside the claim: when the index cannot answer, the project is simply unmarked.
    const marks = await call('memory:checkedBefore', { path }).catch(() => ({}))
    if (get().current?.path === path) set({ checkedBefore: { path, marks } })
  },
})

import { DEFAULT_FILTERS, type ClaimFilters } from '../features/claims/claim-filter'
import type { AppSlice } from './index'

/** How the checker looks at the claims: the one selected, and the list's filters. */
export interface ClaimsViewSlice {
  selectedId: string | null
  filters: ClaimFilters
  select: (id: string | null) => void
  setFilters: (patch: Partial<ClaimFilters>) => void
}

export const createClaimsViewSlice: AppSlice<ClaimsViewSlice> = (set) => ({
  selectedId: null,
  filters: DEFAULT_FILTERS,
  select: (id) => set({ selectedId: id }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
})

import { create, type StateCreator } from 'zustand'
import { createClaimsViewSlice, type ClaimsViewSlice } from './claims-view-slice'
import { createDialogSlice, type DialogSlice } from './dialog-slice'
import { createImportSlice, type ImportSlice } from './import-slice'
import { createLibrarySlice, type LibrarySlice } from './library-slice'
import { createMemorySlice, type MemorySlice } from './memory-slice'
import { createNoticeSlice, type NoticeSlice } from './notice-slice'
import { createSessionSlice, type SessionSlice } from './session-slice'
import { createSettingsSlice, type SettingsSlice } from './settings-slice'

export type AppState = NoticeSlice & SettingsSlice & LibrarySlice & SessionSlice & ClaimsViewSlice & DialogSlice & ImportSlice & MemorySlice

/** One concern's part of the store; it may read and set the rest (opening a project resets the claim view). */
export type AppSlice<Slice> = StateCreator<AppState, [], [], Slice>

/** The renderer's one store: what is on screen and the calls that change it, one slice per concern. */
export const useApp = create<AppState>()((...store) => ({
  ...createNoticeSlice(...store),
  ...createSettingsSlice(...store),
  ...createLibrarySlice(...store),
  ...createSessionSlice(...store),
  ...createClaimsViewSlice(...store),
  ...createDialogSlice(...store),
  ...createImportSlice(...store),
  ...createMemorySlice(...store),
}))

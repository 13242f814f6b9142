import type { AppSlice } from './index'

export type DialogName = 'shortcuts' | 'scale' | 'export' | 'article' | null

/** The project screen's one open dialog, if any. */
export interface DialogSlice {
  dialog: DialogName
  /** What the dialog opens with (the export format chosen in a menu). */
  dialogArgument: string | null
  openDialog: (dialog: DialogName, argument?: string) => void
}

export const createDialogSlice: AppSlice<DialogSlice> = (set) => ({
  dialog: null,
  dialogArgument: null,
  openDialog: (dialog, argument) => set({ dialog, dialogArgument: argument ?? null }),
})

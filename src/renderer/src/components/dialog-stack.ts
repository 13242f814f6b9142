import { create } from 'zustand'

/**
 * The modal dialogs open now, innermost last. A modal <dialog> sits in the browser's top layer and
 * makes the rest of the page inert: a notice shown behind it could be neither read, dismissed nor
 * heard by a screen reader. Notices are therefore shown inside the innermost open dialog.
 */
export const useDialogStack = create<{ open: HTMLDialogElement[] }>(() => ({ open: [] }))

export function dialogOpened(dialog: HTMLDialogElement): void {
  useDialogStack.setState((s) => ({ open: [...s.open.filter((d) => d !== dialog), dialog] }))
}

export function dialogClosed(dialog: HTMLDialogElement): void {
  useDialogStack.setState((s) => ({ open: s.open.filter((d) => d !== dialog) }))
}

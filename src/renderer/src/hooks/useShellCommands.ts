import { useEffect } from 'react'
import type { FactdeskShell, ShellMessage } from '@contract/shell'
import { openRoute } from './useRoute'
import { useApp } from '../store'

declare global {
  interface Window {
    /** Native menus and files opened from the OS (desktop only; set by the preload). */
    factdeskShell?: FactdeskShell
  }
}

/** Carries out what the desktop's native menus and the operating system ask for. */
export async function runShellCommand({ command, argument }: ShellMessage): Promise<void> {
  const app = useApp.getState()
  const goHome = async (): Promise<void> => {
    if (useApp.getState().current) await app.closeProject()
  }
  switch (command) {
    case 'file:new':
      await goHome()
      document.getElementById('new-text')?.focus()
      return
    case 'file:open':
      await app.openChosenProject()
      return
    case 'file:import': {
      const imported = await app.chooseImportFile()
      if (imported) {
        await goHome()
        app.reviewImport(imported)
      }
      return
    }
    case 'file:export':
      if (useApp.getState().current) app.openDialog('export', argument)
      return
    case 'file:close':
      await goHome()
      return
    case 'edit:undo':
    case 'edit:redo': {
      // On macOS the menu gets Cmd+Z before the page: in a text field it undoes the typing.
      const focused = document.activeElement
      if (focused instanceof HTMLElement && (focused.isContentEditable || ['INPUT', 'TEXTAREA'].includes(focused.tagName))) {
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to drive a field's native undo stack
        document.execCommand(command === 'edit:undo' ? 'undo' : 'redo')
        return
      }
      if (useApp.getState().current) await app.edit(command === 'edit:undo' ? 'project:undo' : 'project:redo', {})
      return
    }
    case 'edit:find':
      document.querySelector<HTMLInputElement>('input[type="search"]')?.focus()
      return
    case 'view:shortcuts':
      if (useApp.getState().current) app.openDialog('shortcuts')
      return
    case 'project:openPath':
      if (argument) await app.openProject(argument)
      return
    case 'route:open':
      if (argument) openRoute(argument)
      return
  }
}

export function useShellCommands(): void {
  useEffect(() => {
    const shell = window.factdeskShell
    if (!shell) return
    return shell.onCommand((message) => {
      void useApp.getState().attempt(() => runShellCommand(message))
    })
  }, [])
}

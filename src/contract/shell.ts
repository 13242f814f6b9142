/**
 * Commands the desktop shell sends to the renderer (native menus, accelerators, files opened from
 * the operating system). They travel main → renderer on one IPC channel; the preload exposes them
 * as `window.factdeskShell.onCommand`. The browser edition has no shell and never sends them.
 */
export const SHELL_COMMAND_CHANNEL = 'shell:command'

export const SHELL_COMMANDS = [
  'file:new',
  'file:open',
  'file:import',
  'file:export',
  'file:close',
  'edit:undo',
  'edit:redo',
  'edit:find',
  'view:shortcuts',
  'project:openPath',
  'route:open',
] as const

export type ShellCommand = (typeof SHELL_COMMANDS)[number]

export interface ShellMessage {
  command: ShellCommand
  /**
   * For `file:export`: the report format; for `project:openPath`: the file's path; for
   * `route:open`: the address fragment of a `factdesk://` link (`#/p/<project>/c/<claim>`).
   */
  argument?: string
}

export interface FactdeskShell {
  /** Subscribes to shell commands; returns the unsubscribe function. */
  onCommand: (listener: (message: ShellMessage) => void) => () => void
}

export function isShellMessage(value: unknown): value is ShellMessage {
  if (typeof value !== 'object' || value === null) return false
  const { command, argument } = value as Record<string, unknown>
  return (SHELL_COMMANDS as readonly unknown[]).includes(command) && (argument === undefined || typeof argument === 'string')
}

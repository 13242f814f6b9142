import type { MenuItemConstructorOptions } from 'electron'
import { REPORT_FORMATS, type ReportFormat } from '@domain/report'
import type { ShellCommand, ShellMessage } from '@contract/shell'

export interface RecentProject {
  path: string
  title: string
}

export interface MenuState {
  platform: NodeJS.Platform
  recent: readonly RecentProject[]
  /** Reload and the developer tools exist only while developing. */
  isDev: boolean
}

export interface MenuActions {
  /** Hands a command to the renderer, which knows what is open and focused. */
  send: (message: ShellMessage) => void
  clearRecent: () => void
  showAbout: () => void
  showNotices: () => void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * The application menu as data, so it can be tested without Electron. Items that act on the
 * project only send a shell command: the renderer decides what it means (e.g. Undo in a text
 * field undoes typing, elsewhere it undoes the last project edit).
 */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin'
  const command = (id: ShellCommand, label: string, accelerator?: string, argument?: string): MenuItemConstructorOptions => ({
    id: argument === undefined ? id : `${id}:${argument}`,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(argument === undefined ? { command: id } : { command: id, argument }),
  })
  const about: MenuItemConstructorOptions = { id: 'about', label: 'About Factdesk', click: actions.showAbout }

  const recent: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : [
          ...state.recent.map((project) => ({
            ...command('project:openPath', project.title || project.path, undefined, project.path),
            toolTip: project.path,
          })),
          separator,
          { id: 'recent:clear', label: 'Clear Recent', click: actions.clearRecent },
        ]

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('file:new', 'New…', 'CmdOrCtrl+N'),
      command('file:open', 'Open…', 'CmdOrCtrl+O'),
      { id: 'recent', label: 'Open Recent', submenu: recent },
      separator,
      command('file:import', 'Import…', 'CmdOrCtrl+I'),
      {
        id: 'export',
        label: 'Export',
        submenu: (Object.keys(REPORT_FORMATS) as ReportFormat[]).map((format) =>
          command('file:export', `${REPORT_FORMATS[format].label}…`, undefined, format),
        ),
      },
      separator,
      command('file:close', 'Close', 'CmdOrCtrl+W'),
      ...(mac ? [] : [separator, { role: 'quit' } as const]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('edit:undo', 'Undo', 'CmdOrCtrl+Z'),
      command('edit:redo', 'Redo', state.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      command('edit:find', 'Find…', 'CmdOrCtrl+F'),
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(state.isDev
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      separator,
      // "?" is shown, not registered: a key without a modifier would be taken from text fields.
      // macOS cannot show an accelerator without registering it.
      {
        ...command('view:shortcuts', 'Keyboard Shortcuts', mac ? undefined : '?'),
        ...(mac ? {} : { registerAccelerator: false }),
      },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [...(mac ? [] : [about]), { id: 'notices', label: 'Open-Source Notices', click: actions.showNotices }],
  }

  if (!mac) return [file, edit, view, help]
  const app: MenuItemConstructorOptions = {
    label: 'Factdesk',
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  }
  return [app, file, edit, view, { role: 'windowMenu' }, help]
}

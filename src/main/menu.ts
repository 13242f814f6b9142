import type { MenuItemConstructorOptions } from 'electron'
import { REPORT_FORMATS, type ReportFormat } from '@domain/report'
import type { ShellCommand, ShellMessage } from '@contract/shell'
import type { Translate } from '@domain/translate'

export interface RecentProject {
  path: string
  title: string
}

export interface MenuState {
  platform: NodeJS.Platform
  recent: readonly RecentProject[]
  /** Reload and the developer tools exist only while developing. */
  isDev: boolean
  /** The app's language: the menu is rebuilt in it when the checker switches. */
  t: Translate
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
  const { t } = state
  // Electron's roles come with labels in the system's language; the checker's choice wins.
  const role = (name: NonNullable<MenuItemConstructorOptions['role']>, key: string): MenuItemConstructorOptions => ({
    role: name,
    label: t(key),
  })
  const command = (id: ShellCommand, label: string, accelerator?: string, argument?: string): MenuItemConstructorOptions => ({
    id: argument === undefined ? id : `${id}:${argument}`,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(argument === undefined ? { command: id } : { command: id, argument }),
  })
  const about: MenuItemConstructorOptions = { id: 'about', label: t('menu.about'), click: actions.showAbout }

  const recent: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: t('menu.noRecent'), enabled: false }]
      : [
          ...state.recent.map((project) => ({
            ...command('project:openPath', project.title || project.path, undefined, project.path),
            toolTip: project.path,
          })),
          separator,
          { id: 'recent:clear', label: t('menu.clearRecent'), click: actions.clearRecent },
        ]

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      command('file:new', t('menu.new'), 'CmdOrCtrl+N'),
      command('file:open', t('menu.open'), 'CmdOrCtrl+O'),
      { id: 'recent', label: t('menu.openRecent'), submenu: recent },
      separator,
      command('file:import', t('menu.import'), 'CmdOrCtrl+I'),
      {
        id: 'export',
        label: t('menu.export'),
        submenu: (Object.keys(REPORT_FORMATS) as ReportFormat[]).map((format) =>
          command('file:export', t('menu.exportAs', { format: t(`formats.${format}`) }), undefined, format),
        ),
      },
      separator,
      command('file:close', t('menu.close'), 'CmdOrCtrl+W'),
      ...(mac ? [] : [separator, role('quit', 'menu.quit')]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      command('edit:undo', t('menu.undo'), 'CmdOrCtrl+Z'),
      command('edit:redo', t('menu.redo'), state.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
      separator,
      role('cut', 'menu.cut'),
      role('copy', 'menu.copy'),
      role('paste', 'menu.paste'),
      role('selectAll', 'menu.selectAll'),
      separator,
      command('edit:find', t('menu.find'), 'CmdOrCtrl+F'),
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...(state.isDev
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator]
        : []),
      role('resetZoom', 'menu.resetZoom'),
      role('zoomIn', 'menu.zoomIn'),
      role('zoomOut', 'menu.zoomOut'),
      separator,
      role('togglefullscreen', 'menu.fullScreen'),
      separator,
      // "?" is shown, not registered: a key without a modifier would be taken from text fields.
      // macOS cannot show an accelerator without registering it.
      {
        ...command('view:shortcuts', t('menu.shortcuts'), mac ? undefined : '?'),
        ...(mac ? {} : { registerAccelerator: false }),
      },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: [...(mac ? [] : [about]), { id: 'notices', label: t('menu.notices'), click: actions.showNotices }],
  }

  if (!mac) return [file, edit, view, help]
  const app: MenuItemConstructorOptions = {
    label: 'Factdesk',
    submenu: [
      about,
      separator,
      role('services', 'menu.services'),
      separator,
      role('hide', 'menu.hide'),
      role('hideOthers', 'menu.hideOthers'),
      role('unhide', 'menu.unhide'),
      separator,
      role('quit', 'menu.quit'),
    ],
  }
  return [app, file, edit, view, role('windowMenu', 'menu.window'), help]
}

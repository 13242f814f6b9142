import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { menuTemplate, type MenuActions, type MenuState } from '../../src/main/menu'
import { REPORT_FORMATS } from '@domain/report'
import { isShellMessage, type ShellMessage } from '@contract/shell'
import { translator } from '../helpers/translator'

const RECENT = [
  { path: '/home/ana/Factdesk/rail-fares.factdesk.json', title: 'Rail fares to rise' },
  { path: '/home/ana/Factdesk/untitled.factdesk.json', title: '' },
]

function build(state: Partial<MenuState> = {}): { menu: MenuItemConstructorOptions[]; actions: MenuActions; sent: ShellMessage[] } {
  const sent: ShellMessage[] = []
  const actions: MenuActions = { send: (message) => sent.push(message), clearRecent: vi.fn(), showAbout: vi.fn(), showNotices: vi.fn() }
  const menu = menuTemplate({ platform: 'linux', recent: RECENT, isDev: false, t: translator('en').t, ...state }, actions)
  return { menu, actions, sent }
}

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

function find(menu: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = items(menu).find((i) => i.id === id)
  if (!item) throw new Error(`no menu item ${id}`)
  return item
}

function click(item: MenuItemConstructorOptions): void {
  ;(item.click as () => void)()
}

function submenu(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = menu.find((item) => item.label === label)
  if (!Array.isArray(found?.submenu)) throw new Error(`no submenu ${label}`)
  return found.submenu
}

describe('the application menu', () => {
  it('is File, Edit, View, Help on Linux and Windows, with Quit in File and About in Help', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { menu } = build({ platform })
      expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
      expect(submenu(menu, 'File').at(-1)).toEqual({ role: 'quit', label: 'Quit Factdesk' })
      expect(submenu(menu, 'Help').map((i) => i.label)).toEqual(['About Factdesk', 'Open-Source Notices'])
    }
  })

  it('has the app menu with About, Services, Hide and Quit first on macOS, and a Window menu', () => {
    const { menu } = build({ platform: 'darwin' })
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['Factdesk', 'File', 'Edit', 'View', 'Window', 'Help'])
    const app = submenu(menu, 'Factdesk')
    expect(app[0]?.label).toBe('About Factdesk')
    expect(app.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(items(submenu(menu, 'File')).some((i) => i.role === 'quit')).toBe(false)
    expect(submenu(menu, 'Help').map((i) => i.label)).toEqual(['Open-Source Notices'])
  })

  it('gives the file and edit commands their accelerators and sends them to the renderer', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { menu, sent } = build({ platform })
      const expected: [string, string][] = [
        ['file:new', 'CmdOrCtrl+N'],
        ['file:open', 'CmdOrCtrl+O'],
        ['file:import', 'CmdOrCtrl+I'],
        ['file:close', 'CmdOrCtrl+W'],
        ['edit:undo', 'CmdOrCtrl+Z'],
        ['edit:redo', platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'],
        ['edit:find', 'CmdOrCtrl+F'],
      ]
      for (const [id, accelerator] of expected) {
        const item = find(menu, id)
        expect(item.accelerator, `${platform} ${id}`).toBe(accelerator)
        click(item)
      }
      expect(sent).toEqual(expected.map(([command]) => ({ command })))
    }
  })

  it('keeps the system clipboard and selection roles in Edit, so text fields work on every platform', () => {
    const roles = submenu(build().menu, 'Edit')
      .map((i) => i.role)
      .filter(Boolean)
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll'])
  })

  it('lists every report format under Export and sends the chosen one', () => {
    const { menu, sent } = build()
    const exportItems = submenu(submenu(menu, 'File'), 'Export')
    expect(exportItems.map((i) => i.label)).toEqual(Object.values(REPORT_FORMATS).map((f) => `${f.label}…`))
    for (const item of exportItems) click(item)
    expect(sent).toEqual(Object.keys(REPORT_FORMATS).map((format) => ({ command: 'file:export', argument: format })))
  })

  it('opens recent projects by path, names them by title, and can clear them', () => {
    const { menu, sent, actions } = build()
    const recent = submenu(submenu(menu, 'File'), 'Open Recent')
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['Rail fares to rise', RECENT[1]!.path, 'separator', 'Clear Recent'])
    click(recent[0]!)
    expect(sent).toEqual([{ command: 'project:openPath', argument: RECENT[0]!.path }])
    click(find(menu, 'recent:clear'))
    expect(actions.clearRecent).toHaveBeenCalledOnce()
  })

  it('says so when there is nothing recent', () => {
    const recent = submenu(submenu(build({ recent: [] }).menu, 'File'), 'Open Recent')
    expect(recent).toEqual([{ label: 'No recent projects', enabled: false }])
  })

  it('has reload and the developer tools only while developing', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools']
    const roles = (isDev: boolean): unknown[] => items(build({ isDev }).menu).map((i) => i.role)
    for (const role of devRoles) {
      expect(roles(false)).not.toContain(role)
      expect(roles(true)).toContain(role)
    }
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
  })

  it('shows "?" for the shortcuts without taking the key from text fields', () => {
    const linux = find(build().menu, 'view:shortcuts')
    expect(linux).toMatchObject({ label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false })
    const mac = find(build({ platform: 'darwin' }).menu, 'view:shortcuts')
    expect(mac.accelerator).toBeUndefined()
  })

  it('sends only messages the preload accepts', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { menu, sent } = build({ platform, isDev: true })
      for (const item of items(menu)) if (item.click && item.id && !['about', 'notices', 'recent:clear'].includes(item.id)) click(item)
      expect(sent.length).toBeGreaterThan(10)
      for (const message of sent) expect(isShellMessage(message), JSON.stringify(message)).toBe(true)
    }
  })

  it('opens About and the notices', () => {
    const { menu, actions } = build()
    click(find(menu, 'about'))
    click(find(menu, 'notices'))
    expect(actions.showAbout).toHaveBeenCalledOnce()
    expect(actions.showNotices).toHaveBeenCalledOnce()
  })

  it('speaks the checker’s language, roles included, so nothing stays in the system’s', () => {
    const { menu } = build({ t: translator('uk').t })
    expect(menu.map((m) => m.label)).toEqual(['Файл', 'Редагування', 'Вигляд', 'Довідка'])
    expect(submenu(menu, 'Редагування').flatMap((i) => (i.role ? [i.label] : []))).toEqual([
      'Вирізати',
      'Копіювати',
      'Вставити',
      'Виділити все',
    ])
    expect(submenu(menu, 'Файл').at(-1)).toEqual({ role: 'quit', label: 'Вийти з Factdesk' })
  })
})

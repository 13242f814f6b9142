import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FactdeskShell, ShellMessage } from '@contract/shell'

type IpcListener = (event: unknown, message: unknown) => void

// The preload runs in Electron; here its two Electron objects are stand-ins that record what it does.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, (event: unknown, message: unknown) => void>(),
  invoke: vi.fn(),
}))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: IpcListener) => electron.listeners.set(channel, listener),
  },
}))

async function loadPreload(): Promise<{ shell: FactdeskShell; fromMain: (message: unknown) => void }> {
  vi.resetModules()
  electron.exposed.clear()
  electron.listeners.clear()
  await import('../../src/preload/index')
  const listener = electron.listeners.get('shell:command')
  if (!listener) throw new Error('the preload does not listen for shell commands')
  return {
    shell: electron.exposed.get('factdeskShell') as FactdeskShell,
    fromMain: (message) => listener({ sender: 'ipc event' }, message),
  }
}

describe('the preload', () => {
  beforeEach(() => {
    electron.invoke.mockReset()
  })

  it('exposes the API contract and the shell commands, nothing else', async () => {
    await loadPreload()
    expect([...electron.exposed.keys()]).toEqual(['factdesk', 'factdeskShell'])
    const api = electron.exposed.get('factdesk') as { project: { open: (input: unknown) => Promise<unknown> } }
    electron.invoke.mockResolvedValue({ ok: true, value: null })
    await api.project.open({ path: '/tmp/a.factdesk.json' })
    expect(electron.invoke).toHaveBeenCalledWith('project:open', { path: '/tmp/a.factdesk.json' })
  })

  it('delivers shell commands to subscribers, without the IPC event, until they unsubscribe', async () => {
    const { shell, fromMain } = await loadPreload()
    const received: ShellMessage[] = []
    const unsubscribe = shell.onCommand((message) => received.push(message))
    fromMain({ command: 'file:export', argument: 'pdf' })
    fromMain({ command: 'edit:undo', extra: 'dropped' })
    unsubscribe()
    fromMain({ command: 'file:new' })
    expect(received).toEqual([{ command: 'file:export', argument: 'pdf' }, { command: 'edit:undo' }])
  })

  it('keeps commands that arrive before anyone subscribes (a file opened at launch)', async () => {
    const { shell, fromMain } = await loadPreload()
    fromMain({ command: 'project:openPath', argument: '/home/ana/story.factdesk.json' })
    const received: ShellMessage[] = []
    shell.onCommand((message) => received.push(message))
    expect(received).toEqual([{ command: 'project:openPath', argument: '/home/ana/story.factdesk.json' }])
    const later: ShellMessage[] = []
    shell.onCommand((message) => later.push(message))
    expect(later).toEqual([])
  })

  it('drops anything that is not a shell command', async () => {
    const { shell, fromMain } = await loadPreload()
    const received: ShellMessage[] = []
    shell.onCommand((message) => received.push(message))
    for (const junk of [null, 'file:new', { command: 'app:quit' }, { command: 'file:open', argument: 42 }, { command: ['file:new'] }])
      fromMain(junk)
    expect(received).toEqual([])
  })
})

import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { registerIpc } from '../../src/main/ipc'
import { APP_ORIGIN, isTrustedRendererUrl } from '../../src/main/security'
import { createDispatcher } from '@engine/dispatcher'
import type { Handlers } from '@contract/api'
import { CHANNELS } from '@contract/channels'

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

/** Stands in for ipcMain: keeps the handlers so a test can invoke them as a renderer would. */
function fakeIpcMain(): {
  ipcMain: Pick<IpcMain, 'handle'>
  invoke: (channel: string, frameUrl: string | null, input: unknown) => Promise<unknown>
} {
  const handlers = new Map<string, Listener>()
  return {
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (handlers.has(channel)) throw new Error(`${channel} registered twice`)
        handlers.set(channel, listener)
      },
    },
    invoke: (channel, frameUrl, input) => {
      const listener = handlers.get(channel)
      if (!listener) throw new Error(`no handler for ${channel}`)
      const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent
      return listener(event, input)
    },
  }
}

const trusted = (url: string): boolean => isTrustedRendererUrl(url)

describe('the IPC wrapper', () => {
  it('registers every channel of the contract once', () => {
    const channels: string[] = []
    registerIpc({ handle: (channel: string) => channels.push(channel) }, vi.fn(), trusted)
    expect(channels).toEqual([...CHANNELS])
  })

  it('passes a call from the app’s own page to the dispatcher, with its input, and returns the answer', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const dispatch = vi.fn().mockResolvedValue({ ok: true, value: { name: 'Factdesk' } })
    registerIpc(ipcMain, dispatch, trusted)
    await expect(invoke('app:info', `${APP_ORIGIN}/index.html`, {})).resolves.toEqual({ ok: true, value: { name: 'Factdesk' } })
    await invoke('project:open', `${APP_ORIGIN}/index.html`, { path: '/tmp/a.factdesk.json' })
    expect(dispatch.mock.calls).toEqual([
      ['app:info', {}],
      ['project:open', { path: '/tmp/a.factdesk.json' }],
    ])
  })

  it('refuses a foreign or missing sender frame without reaching the dispatcher', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const dispatch = vi.fn()
    registerIpc(ipcMain, dispatch, trusted)
    for (const frame of ['https://evil.example/', 'file:///tmp/evil.html', 'app://other/index.html', 'about:srcdoc', null]) {
      await expect(invoke('project:delete', frame, { path: '/tmp/a.factdesk.json' })).resolves.toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: "project:delete was called from a page that is not Factdesk's own." },
      })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers invalid input from a trusted page with an error envelope, never reaching a handler', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const handler = vi.fn()
    const handlers = new Proxy({}, { get: () => handler }) as Handlers
    registerIpc(ipcMain, createDispatcher(handlers), trusted)
    const answer = await invoke('project:open', `${APP_ORIGIN}/index.html`, { path: '/etc/passwd' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(handler).not.toHaveBeenCalled()
  })
})

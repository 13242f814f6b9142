import { beforeEach, describe, expect, it, vi } from 'vitest'
import { navigationVerdict } from '../../src/main/security'

const DEV = 'http://localhost:5173'

describe('a page navigating itself', () => {
  it('stays only on the dev server, and only while one is set', () => {
    expect(navigationVerdict('http://localhost:5173/', DEV)).toBe('stay')
    expect(navigationVerdict('http://localhost:5173/index.html?t=1#claims', DEV)).toBe('stay')
    expect(navigationVerdict('http://localhost:5173/')).toBe('system-browser')
    expect(navigationVerdict('app://factdesk/index.html')).toBe('refuse')
    expect(navigationVerdict('app://factdesk/index.html', DEV)).toBe('refuse')
  })

  it('never stays on another origin that looks like the dev server', () => {
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost.evil:5173/']) {
      expect(navigationVerdict(url, DEV), url).toBe('system-browser')
    }
    for (const url of ['file:///etc/passwd', 'javascript:location.reload()', 'data:text/html,x', 'garbage', '']) {
      expect(navigationVerdict(url, DEV), url).toBe('refuse')
    }
  })
})

const electron = vi.hoisted(() => ({
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  openExternal: vi.fn(),
}))
vi.mock('electron', () => ({
  app: {
    enableSandbox: vi.fn(),
    on: (name: string, handler: (...args: unknown[]) => void) => electron.appEvents.set(name, handler),
  },
  shell: { openExternal: electron.openExternal },
}))

const { hardenApp } = await import('../../src/main/harden')

/** Plays a renderer-initiated navigation (a link, `location.reload()`) on a guarded webContents. */
function navigate(url: string): { prevented: boolean } {
  const handlers = new Map<string, (...args: unknown[]) => void>()
  const contents = {
    on: (name: string, handler: (...args: unknown[]) => void) => handlers.set(name, handler),
    setWindowOpenHandler: vi.fn(),
  }
  electron.appEvents.get('web-contents-created')?.({}, contents)
  const event = { preventDefault: vi.fn() }
  handlers.get('will-navigate')?.(event, url)
  return { prevented: event.preventDefault.mock.calls.length > 0 }
}

describe('every webContents', () => {
  beforeEach(() => {
    electron.appEvents.clear()
    electron.openExternal.mockReset()
  })

  it('lets the dev server reload the page while developing, without opening the system browser', () => {
    hardenApp(DEV)
    expect(navigate('http://localhost:5173/')).toEqual({ prevented: false })
    expect(electron.openExternal).not.toHaveBeenCalled()
    expect(navigate('https://example.org/source')).toEqual({ prevented: true })
    expect(navigate('app://factdesk/other.html')).toEqual({ prevented: true })
    expect(electron.openExternal.mock.calls).toEqual([['https://example.org/source']])
  })

  it('lets nothing navigate in a build without a dev server, not even to a local web address', () => {
    hardenApp()
    expect(navigate('http://localhost:5173/')).toEqual({ prevented: true })
    expect(navigate('app://factdesk/index.html')).toEqual({ prevented: true })
  })
})

import { describe, expect, it } from 'vitest'
import { CONTINUE_WITHOUT_SANDBOX, sandboxWarning } from '../../src/main/sandbox-warning'
import { translator } from '../helpers/translator'

const { t } = translator('en')

const APPIMAGE = '/home/ana/Apps/Factdesk-0.1.0.AppImage'

describe('a packaged app started without Chromium’s sandbox', () => {
  it('warns before it opens when the AppImage launcher turned the sandbox off, and recommends the deb', () => {
    const warning = sandboxWarning(
      {
        isPackaged: true,
        platform: 'linux',
        argv: ['/tmp/.mount_FactdXyz/factdesk', '--no-sandbox', '/home/ana/rail.factdesk.json'],
        appImage: APPIMAGE,
      },
      t,
    )
    expect(warning?.box.message).toBe('Factdesk is running without its sandbox.')
    expect(warning?.box.detail).toMatch(/This AppImage turned off Chromium’s sandbox.*Ubuntu 24\.04/)
    expect(warning?.box.detail).toContain('Install Factdesk’s .deb package instead')
    expect(warning?.line).toContain(APPIMAGE)
    expect(warning?.line).not.toContain('\n')
  })

  it('warns whoever added --no-sandbox, on every system', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const warning = sandboxWarning({ isPackaged: true, platform, argv: ['Factdesk', '--no-sandbox'] }, t)
      expect(warning?.box.detail, platform).toContain('Factdesk was started with --no-sandbox')
    }
  })

  it('quits when the checker presses Enter or closes the warning; opening takes a deliberate choice', () => {
    const warning = sandboxWarning({ isPackaged: true, platform: 'linux', argv: ['factdesk', '--no-sandbox'], appImage: APPIMAGE }, t)!
    const { buttons, defaultId, cancelId } = warning.box
    expect([buttons[defaultId], buttons[cancelId]]).toEqual(['Quit', 'Quit'])
    expect(buttons[CONTINUE_WITHOUT_SANDBOX]).toBe('Continue without the sandbox')
  })

  it('says it in the checker’s language, the log line staying English', () => {
    const warning = sandboxWarning(
      { isPackaged: true, platform: 'linux', argv: ['factdesk', '--no-sandbox'], appImage: APPIMAGE },
      translator('uk').t,
    )!
    expect(warning.box.message).toBe('Factdesk працює без пісочниці.')
    expect(warning.box.buttons).toEqual(['Вийти', 'Продовжити без пісочниці'])
    expect(warning.box.detail).toContain('установіть пакет .deb Factdesk')
    expect(warning.box.detail).not.toMatch(/sandbox|Install/)
    expect(warning.line).toContain("started without Chromium's sandbox")
  })
})

describe('no warning', () => {
  it('with the sandbox on, or when running from the project folder (npm start has explained already)', () => {
    expect(sandboxWarning({ isPackaged: true, platform: 'linux', argv: ['factdesk', 'x.factdesk.json'], appImage: APPIMAGE }, t)).toBeNull()
    expect(sandboxWarning({ isPackaged: false, platform: 'linux', argv: ['electron', '.', '--no-sandbox'] }, t)).toBeNull()
  })
})

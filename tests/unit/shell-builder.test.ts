import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses'
import { AppInfo, MacPackager, type Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

/** The build scripts are plain JavaScript (run by node and electron-builder); their shapes, as used here. */
interface BuilderModule {
  builderConfiguration: (contents: { leftOut: string[] }) => Configuration
  DESKTOP_NAME: string
}
interface AppContentsModule {
  ELECTRON_FUSES: { name: string; electron: number; app: number }[]
  electronFuseWire: () => Buffer
  FUSE_ON: number
}
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(ROOT, file)).href)) as T

const { builderConfiguration, DESKTOP_NAME } = await load<BuilderModule>('electron-builder.js')
const { ELECTRON_FUSES, electronFuseWire, FUSE_ON } = await load<AppContentsModule>('scripts/app-contents.js')
const config = builderConfiguration({ leftOut: ['tsx', 'commander'] })
const metadata = { name: 'factdesk', version: '0.1.0', description: 'An offline desktop workbench for professional fact-checkers.' }

/** What electron-builder 26 names a platform's app after (MacPackager and WinPackager use productFilename). */
const productFilename = (platformOptions: Configuration['mac'] | Configuration['win']): string =>
  new AppInfo({ config, metadata } as never, null, platformOptions ?? null).productFilename

describe('the installers’ names', () => {
  it('are product-cased on macOS and Windows, and a lower-case command on Linux', () => {
    expect(`${productFilename(config.mac)}.app`).toBe('Factdesk.app')
    expect(`${productFilename(config.win)}.exe`).toBe('Factdesk.exe')
    expect(config.linux?.executableName).toBe('factdesk')
    expect(config.executableName).toBeUndefined()
  })

  it('link Linux windows to the launcher: desktopName, the .desktop file and the command agree', () => {
    expect(config.extraMetadata).toEqual({ desktopName: DESKTOP_NAME })
    expect(config.linux?.syncDesktopName).toBe(true)
    expect(DESKTOP_NAME).toBe(`${config.linux?.executableName}.desktop`)
  })

  it('recommend the deb on Linux, which brings its AppArmor profile', () => {
    expect(config.linux?.target).toEqual(['deb', 'AppImage'])
  })

  it('leave out the packages the app never loads', () => {
    expect(config.files).toEqual(expect.arrayContaining(['!**/node_modules/tsx{,/**/*}', '!**/node_modules/commander{,/**/*}']))
  })
})

describe('the fuses', () => {
  /** electron-builder 26's own translation of `electronFuses` into @electron/fuses' config. */
  const fuseConfig = (): Promise<FuseConfig> =>
    (MacPackager.prototype as unknown as { generateFuseConfig: (fuses: unknown) => Promise<FuseConfig> }).generateFuseConfig(
      config.electronFuses,
    )

  it('re-sign an unsigned macOS build ad hoc after flipping, so Apple Silicon launches it', async () => {
    expect((await fuseConfig()).resetAdHocDarwinSignature).toBe(true)
  })

  it('end as docs/security.md says on Electron 45’s nine-fuse wire, the ninth left at its default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdesk-fuses-'))
    try {
      // Not a .app path, so @electron/fuses flips the wire and signs nothing.
      const stub = join(dir, 'electron')
      await writeFile(stub, Buffer.concat([Buffer.from('stub executable '), electronFuseWire(), Buffer.from(' end')]))
      expect(ELECTRON_FUSES).toHaveLength(9)
      await flipFuses(stub, await fuseConfig())
      // By position: @electron/fuses 1.8 types the wire by the eight fuses it names.
      const wire = (await getCurrentFuseWire(stub)) as unknown as Record<number, number | undefined>
      const states = Object.fromEntries(ELECTRON_FUSES.map(({ name }, index) => [name, wire[index] === FUSE_ON]))
      expect(states).toEqual({
        RunAsNode: false,
        EnableCookieEncryption: true,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        EnableEmbeddedAsarIntegrityValidation: true,
        OnlyLoadAppFromAsar: true,
        LoadBrowserProcessSpecificV8Snapshot: false,
        GrantFileProtocolExtraPrivileges: false,
        WasmTrapHandlers: true,
      })
      expect(ELECTRON_FUSES.map(({ app }, index) => app === wire[index])).not.toContain(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

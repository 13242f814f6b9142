import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  electronViteCommand,
  fetchElectron,
  findElectron,
  readSandboxFacts,
  sandboxDecision,
  type SandboxFacts,
} from '../../scripts/electron-runtime.js'

const ROOT = join(import.meta.dirname, '../..')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-start-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function file(path: string, text = '', mode = 0o644): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  chmodSync(path, mode)
  return path
}

/** A node_modules/electron without its runtime, as `npm install` leaves it for Electron ≥ 42. */
function electronPackage(): string {
  const electronDir = join(dir, 'node_modules', 'electron')
  file(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }))
  return electronDir
}

describe('finding Electron', () => {
  it('reports a runtime that npm install did not fetch as fetchable', () => {
    const lookup = findElectron({ env: {}, platform: 'linux', electronDir: electronPackage() })
    expect(lookup).toMatchObject({ ok: false, fetchable: true, code: 'ELECTRON_NOT_INSTALLED' })
    expect(lookup.ok || lookup.message).toMatch(/^Electron 45\.5\.0's runtime is not installed here \(.*dist\/electron is missing\)/)
  })

  it('finds the runtime path.txt names, or the platform’s executable without path.txt', () => {
    const electronDir = electronPackage()
    const binary = file(join(electronDir, 'dist', 'electron'), '', 0o755)
    expect(findElectron({ env: {}, platform: 'linux', electronDir })).toEqual({ ok: true, binary, from: 'the platform default' })
    file(join(electronDir, 'path.txt'), 'electron')
    expect(findElectron({ env: {}, platform: 'linux', electronDir })).toEqual({ ok: true, binary, from: 'node_modules/electron/path.txt' })
    const mac = file(join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'))
    rmSync(join(electronDir, 'path.txt'))
    expect(findElectron({ env: {}, platform: 'darwin', electronDir })).toMatchObject({ ok: true, binary: mac })
  })

  it('takes ELECTRON_OVERRIDE_DIST_PATH without a path.txt, and refuses to fetch over it', () => {
    const electronDir = electronPackage()
    const override = join(dir, 'electron-45')
    expect(findElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'win32', electronDir })).toMatchObject({
      ok: false,
      fetchable: false,
      code: 'ELECTRON_OVERRIDE_MISSING',
    })
    const binary = file(join(override, 'electron.exe'))
    expect(findElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'win32', electronDir })).toEqual({
      ok: true,
      binary,
      from: 'ELECTRON_OVERRIDE_DIST_PATH',
    })
  })

  it('takes ELECTRON_EXEC_PATH first, as electron-vite does, and names it when it is wrong', () => {
    const electronDir = electronPackage()
    file(join(electronDir, 'dist', 'electron'))
    const own = file(join(dir, 'my-electron'), '', 0o755)
    expect(findElectron({ env: { ELECTRON_EXEC_PATH: own }, platform: 'linux', electronDir })).toEqual({
      ok: true,
      binary: own,
      from: 'ELECTRON_EXEC_PATH',
    })
    const wrong = findElectron({ env: { ELECTRON_EXEC_PATH: join(dir, 'gone') }, platform: 'linux', electronDir })
    expect(wrong).toMatchObject({ ok: false, fetchable: false, code: 'ELECTRON_EXEC_PATH_MISSING' })
    expect(wrong.ok || wrong.message).toContain(`ELECTRON_EXEC_PATH is "${join(dir, 'gone')}", which does not exist`)
  })
})

describe('fetching Electron on the first run', () => {
  it('runs Electron’s installer, after which the runtime is found', () => {
    const electronDir = electronPackage()
    const installer = file(
      join(electronDir, 'install.js'),
      `const fs = require('node:fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron')`,
    )
    expect(fetchElectron({ installer, stdio: 'pipe' })).toMatchObject({ ok: true })
    expect(findElectron({ env: {}, platform: 'linux', electronDir })).toMatchObject({ ok: true, from: 'node_modules/electron/path.txt' })
  })

  it('says what failed and what to do', () => {
    const installer = file(join(electronPackage(), 'install.js'), `console.error('HTTPError: Response code 404'); process.exit(3)`)
    const result = fetchElectron({ installer, stdio: 'pipe' })
    expect(result).toMatchObject({ ok: false, code: 'ELECTRON_DOWNLOAD_FAILED', cause: 'HTTPError: Response code 404' })
    expect(result.ok || result.message).toMatch(
      /failed after \d+ s \(exit 3: HTTPError: Response code 404\)\. Check the connection.*ELECTRON_MIRROR/,
    )
  })

  it('hands over a failed download as its first line, not the stack trace Electron’s installer prints', () => {
    const installer = file(
      join(electronPackage(), 'install.js'),
      `Promise.reject(new TypeError('fetch failed')).catch((err) => { console.error(err.stack); process.exit(1) })`,
    )
    const result = fetchElectron({ installer, stdio: 'pipe' })
    expect(result).toMatchObject({ ok: false, cause: 'TypeError: fetch failed' })
    expect(result.ok || result.message).not.toMatch(/\n\s+at /)
  })

  it('stops a download that hangs, and says so', () => {
    const installer = file(join(electronPackage(), 'install.js'), 'setTimeout(() => {}, 60_000)')
    const result = fetchElectron({ installer, stdio: 'pipe', timeoutMs: 300 })
    expect(result).toMatchObject({ ok: false, code: 'ELECTRON_DOWNLOAD_TIMEOUT' })
  })
})

describe('Chromium’s sandbox on Linux', () => {
  /** A fake system: its /proc/sys and /etc/apparmor.d under `root`, an `unshare` that succeeds or not. */
  function system({
    restrict,
    unshareWorks,
    profile,
  }: {
    restrict?: '0' | '1'
    unshareWorks: boolean
    profile?: (binary: string) => string
  }) {
    const root = join(dir, 'root')
    mkdirSync(join(root, 'etc', 'apparmor.d', 'abstractions'), { recursive: true })
    if (restrict) file(join(root, 'proc', 'sys', 'kernel', 'apparmor_restrict_unprivileged_userns'), `${restrict}\n`)
    const unshare = file(join(dir, 'bin', 'unshare'), `#!/bin/sh\nexit ${unshareWorks ? 0 : 1}\n`, 0o755)
    const binary = file(join(dir, 'electron', 'dist', 'electron'), '', 0o755)
    file(join(dir, 'electron', 'dist', 'chrome-sandbox'), '', 0o755)
    if (profile) file(join(root, 'etc', 'apparmor.d', 'factdesk-dev-electron'), profile(binary))
    return readSandboxFacts(binary, { platform: 'linux', uid: 1000, root, unshare })
  }

  it('starts sandboxed where user namespaces work', () => {
    expect(sandboxDecision(system({ restrict: '0', unshareWorks: true }))).toEqual({ sandbox: true, how: 'user namespaces' })
  })

  it('explains the AppArmor fix on Ubuntu 24.04, whose AppArmor keeps Electron out of user namespaces', () => {
    const facts = system({ restrict: '1', unshareWorks: false })
    const decision = sandboxDecision(facts)
    expect(decision).toMatchObject({ sandbox: false, code: 'SANDBOX_APPARMOR' })
    if (decision.sandbox) return
    expect(decision.reason).toContain('kernel.apparmor_restrict_unprivileged_userns = 1')
    expect(decision.fix).toMatch(
      /^printf '%s\\n' .* \| sudo tee \/etc\/apparmor\.d\/factdesk-dev-electron >\/dev\/null && sudo apparmor_parser -r /,
    )
    expect(decision.fix).toContain(`'profile factdesk-dev-electron "${facts.binary}" flags=(unconfined) {' '  userns,' '}'`)
    expect(decision.fix).not.toContain('\n')
  })

  it('starts sandboxed on Ubuntu 24.04 once that fix is in place', () => {
    const fixed = system({
      restrict: '1',
      unshareWorks: false,
      profile: (binary) => `abi <abi/4.0>,\nprofile factdesk-dev-electron "${binary}" flags=(unconfined) {\n  userns,\n}\n`,
    })
    expect(sandboxDecision(fixed)).toEqual({ sandbox: true, how: `user namespaces, allowed by ${fixed.apparmorProfile ?? ''}` })
  })

  it('offers the setuid helper where user namespaces are off without AppArmor', () => {
    const decision = sandboxDecision(system({ unshareWorks: false }))
    expect(decision).toMatchObject({ sandbox: false, code: 'SANDBOX_NO_USERNS' })
    expect(decision.sandbox || decision.fix).toMatch(/^sudo chown root:root '.*chrome-sandbox' && sudo chmod 4755 '.*chrome-sandbox'$/)
  })

  it('starts sandboxed with a setuid-root helper, refuses as root, and needs nothing on macOS or Windows', () => {
    const ubuntu: SandboxFacts = {
      platform: 'linux',
      uid: 1000,
      binary: '/p/node_modules/electron/dist/electron',
      helper: { path: '/p/node_modules/electron/dist/chrome-sandbox', present: true, setuidRoot: true },
      userNamespaces: false,
      apparmorRestricts: true,
      apparmorProfile: null,
    }
    expect(sandboxDecision(ubuntu)).toMatchObject({ sandbox: true })
    expect(sandboxDecision({ ...ubuntu, uid: 0 })).toMatchObject({ sandbox: false, code: 'SANDBOX_AS_ROOT' })
    for (const platform of ['darwin', 'win32'] as const) {
      expect(sandboxDecision(readSandboxFacts('/x/electron', { platform, uid: 501 }))).toMatchObject({ sandbox: true })
    }
  })
})

describe('the command start.js runs', () => {
  it('hands electron-vite the binary through ELECTRON_EXEC_PATH, and --noSandbox only when the sandbox cannot start', () => {
    const binary = '/opt/electron-45/electron'
    const sandboxed = electronViteCommand('start', binary, { sandbox: true, how: 'user namespaces' })
    expect(sandboxed.env).toEqual({ ELECTRON_EXEC_PATH: binary })
    expect(sandboxed.args.slice(1)).toEqual(['preview'])
    const unsandboxed = electronViteCommand('dev', binary, { sandbox: false, code: 'SANDBOX_APPARMOR', reason: '', fix: '' }, ['--watch'])
    expect(unsandboxed.args.slice(1)).toEqual(['dev', '--noSandbox', '--watch'])
  })
})

describe('npm run dev', () => {
  /** A fake Electron runtime folder whose executable writes down how electron-vite started it. */
  function fakeElectron(): { folder: string; binary: string; calls: () => string } {
    const log = join(dir, 'electron-calls.txt')
    const folder = join(dir, 'electron-45')
    const binary = file(join(folder, 'electron'), `#!/bin/sh\necho "$@" >> '${log}'\n`, 0o755)
    return { folder, binary, calls: () => readFileSync(log, 'utf8').trim() }
  }

  const dev = (env: NodeJS.ProcessEnv) => {
    const { ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, ...inherited } = process.env
    const outDir = join(dir, 'out')
    const args = ['dev', '--outDir', outDir, '--entry', join(outDir, 'main', 'index.js'), '--logLevel', 'warn']
    return spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.js'), ...args], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
  }

  it('starts the Electron start.js found, which electron-vite alone would not, with the sandbox switch its probe chose', () => {
    // electron-vite 6 reads ELECTRON_EXEC_PATH or node_modules/electron/path.txt, never ELECTRON_OVERRIDE_DIST_PATH.
    const electron = fakeElectron()
    const run = dev({ ELECTRON_OVERRIDE_DIST_PATH: electron.folder })
    expect(run.status, run.stderr).toBe(0)
    const sandboxed = sandboxDecision(readSandboxFacts(electron.binary)).sandbox
    expect(electron.calls()).toBe(`${join(dir, 'out', 'main', 'index.js')}${sandboxed ? '' : ' --no-sandbox'}`)
    if (!sandboxed) expect(run.stderr).toMatch(/^⚠ \[SANDBOX_\w+\] .*--no-sandbox.*\n {2}To keep the sandbox: /)
  }, 60_000)

  it('stops with the reason when ELECTRON_EXEC_PATH names nothing, instead of fetching or falling back', () => {
    const run = dev({ ELECTRON_EXEC_PATH: join(dir, 'gone') })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`✖ [ELECTRON_EXEC_PATH_MISSING] ELECTRON_EXEC_PATH is "${join(dir, 'gone')}"`)
    expect(run.stdout).not.toContain('browser edition')
  })
})

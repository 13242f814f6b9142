// Where Electron's runtime is, and whether Chromium's sandbox can start with it: one answer for
// `npm start` and `npm run dev` (scripts/start.js) and the Electron e2e test
// (tests/e2e/electron-runtime.ts). Written here rather than taken from the electron package:
// requiring it downloads the runtime as a side effect, and it does not say where it looked.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

export const ROOT = join(import.meta.dirname, '..')
export const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron')
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')

const show = (path) => {
  const inside = relative(ROOT, path)
  return inside && !inside.startsWith('..') ? inside.split(sep).join('/') : path
}

function readOrNull(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function statOrNull(path) {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

export function electronVersion(electronDir = ELECTRON_DIR) {
  return JSON.parse(readOrNull(join(electronDir, 'package.json')) ?? '{}').version ?? 'unknown'
}

/**
 * The executable inside an Electron runtime folder on `platform`, named as
 * node_modules/electron/install.js names it (getPlatformPath) when it writes path.txt.
 */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  if (['linux', 'freebsd', 'openbsd'].includes(platform)) return 'electron'
  return null
}

/**
 * Finds Electron's executable, in the order electron-vite 6 and the electron package look:
 * ELECTRON_EXEC_PATH (what electron-vite reads first, and what start.js hands it), else the
 * runtime folder (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist) with the executable
 * that node_modules/electron/path.txt names, or the platform's when there is no path.txt (an
 * override folder has none). `fetchable` says whether Electron's installer could provide it.
 */
export function findElectron({ env = process.env, platform = process.platform, electronDir = ELECTRON_DIR } = {}) {
  const version = electronVersion(electronDir)
  if (env.ELECTRON_EXEC_PATH) {
    if (existsSync(env.ELECTRON_EXEC_PATH)) return { ok: true, binary: env.ELECTRON_EXEC_PATH, from: 'ELECTRON_EXEC_PATH' }
    return {
      ok: false,
      fetchable: false,
      code: 'ELECTRON_EXEC_PATH_MISSING',
      message: `ELECTRON_EXEC_PATH is "${env.ELECTRON_EXEC_PATH}", which does not exist: point it at Electron ${version}'s executable, or unset it to use the runtime in node_modules/electron.`,
    }
  }
  const named = readOrNull(join(electronDir, 'path.txt'))?.trim() || null
  const executable = named ?? platformExecutable(platform)
  if (!executable) {
    return { ok: false, fetchable: false, code: 'ELECTRON_UNSUPPORTED', message: `Electron publishes no runtime for ${platform}.` }
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = join(override || join(electronDir, 'dist'), executable)
  if (existsSync(binary)) {
    return {
      ok: true,
      binary,
      from: override ? 'ELECTRON_OVERRIDE_DIST_PATH' : named ? 'node_modules/electron/path.txt' : 'the platform default',
    }
  }
  if (override) {
    return {
      ok: false,
      fetchable: false,
      code: 'ELECTRON_OVERRIDE_MISSING',
      message: `ELECTRON_OVERRIDE_DIST_PATH is "${override}", but ${binary} does not exist: point it at an unpacked Electron ${version} for this system, or unset it.`,
    }
  }
  return {
    ok: false,
    fetchable: true,
    code: 'ELECTRON_NOT_INSTALLED',
    message: `Electron ${version}'s runtime is not installed here (${show(binary)} is missing). It is fetched once, on a connected machine, by npm start or npm run dev.`,
  }
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js: download, checksum, unzip,
 * path.txt) in the foreground, its output the user's: @electron/get draws a progress bar when
 * the download takes more than 30 s, and prints the error when it fails.
 */
export function fetchElectron({ installer = join(ELECTRON_DIR, 'install.js'), timeoutMs = 10 * 60_000, stdio = 'inherit' } = {}) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [join(import.meta.dirname, 'electron-install.cjs'), installer], {
    cwd: dirname(installer),
    stdio: ['ignore', stdio, stdio, 'pipe'],
    timeout: timeoutMs,
  })
  const seconds = Math.round((Date.now() - started) / 1000)
  const cause = result.output?.[3]?.toString().trim().split('\n')[0] || null
  if (result.error?.code === 'ETIMEDOUT') {
    return {
      ok: false,
      code: 'ELECTRON_DOWNLOAD_TIMEOUT',
      cause: `no download finished in ${Math.round(timeoutMs / 60_000)} minutes`,
      message: `Fetching Electron's runtime was stopped after ${Math.round(timeoutMs / 60_000)} minutes. On a slow connection run \`node ${show(installer)}\` and let it finish; behind a proxy set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY; or set ELECTRON_MIRROR to a reachable mirror.`,
    }
  }
  if (result.status !== 0) {
    return {
      ok: false,
      code: 'ELECTRON_DOWNLOAD_FAILED',
      cause: cause ?? result.error?.message ?? `exit ${result.status ?? result.signal}`,
      message: `Electron's installer (${show(installer)}) failed after ${seconds} s (${result.error?.message ?? `exit ${result.status ?? result.signal}`}${cause ? `: ${cause}` : ''}). Check the connection; behind a proxy set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY; or set ELECTRON_MIRROR to a reachable mirror.`,
    }
  }
  return { ok: true, seconds }
}

const shellQuote = (text) => `'${text.replaceAll("'", `'\\''`)}'`

function realPath(path) {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/** The profile in `dir` (/etc/apparmor.d) that lets `binary` create user namespaces, if any. */
function apparmorProfileFor(binary, dir) {
  let names
  try {
    names = readdirSync(dir)
  } catch {
    return null
  }
  const paths = new Set([binary, realPath(binary)])
  for (const name of names) {
    const file = join(dir, name)
    if (!statOrNull(file)?.isFile()) continue
    const text = readOrNull(file) ?? ''
    if (/^\s*userns\s*,/m.test(text) && [...paths].some((path) => text.includes(path))) return file
  }
  return null
}

/**
 * What decides whether Chromium's Linux sandbox can start with `binary`, read and never
 * changed: running as root, the setuid helper beside it, whether this user can create a user
 * namespace (`unshare --user --map-root-user true`, the probe electron-builder's AppImage
 * launcher uses), Ubuntu's AppArmor restriction on them and a profile lifting it. `root` and
 * `unshare` let a test play another system.
 */
export function readSandboxFacts(
  binary,
  { platform = process.platform, uid = process.getuid?.() ?? -1, root = '/', unshare = 'unshare' } = {},
) {
  if (platform !== 'linux') return { platform, uid, binary }
  const sysctl = (name) => readOrNull(join(root, 'proc', 'sys', ...name.split('/')))?.trim() ?? null
  const restrict = sysctl('kernel/apparmor_restrict_unprivileged_userns')
  const probe = spawnSync(unshare, ['--user', '--map-root-user', 'true'], { stdio: 'ignore', timeout: 5000 })
  const userNamespaces = probe.error
    ? restrict !== '1' && sysctl('kernel/unprivileged_userns_clone') !== '0' && sysctl('user/max_user_namespaces') !== '0'
    : probe.status === 0
  const helperPath = join(dirname(binary), 'chrome-sandbox')
  const helper = statOrNull(helperPath)
  return {
    platform,
    uid,
    binary: realPath(binary),
    helper: { path: helperPath, present: helper !== null, setuidRoot: helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0 },
    userNamespaces,
    apparmorRestricts: restrict === '1',
    apparmorProfile: apparmorProfileFor(binary, join(root, 'etc', 'apparmor.d')),
  }
}

/**
 * The one-line AppArmor fix for a development Electron: a profile like the one electron-builder
 * installs with the deb (app-builder-lib/templates/linux/apparmor-profile.tpl), unconfined but
 * for the `userns` permission Ubuntu 23.10+ withholds.
 */
export function apparmorFix(binary) {
  const file = '/etc/apparmor.d/factdesk-dev-electron'
  const lines = [
    'abi <abi/4.0>,',
    'include <tunables/global>',
    `profile factdesk-dev-electron "${binary}" flags=(unconfined) {`,
    '  userns,',
    '}',
  ]
  return `printf '%s\\n' ${lines.map(shellQuote).join(' ')} | sudo tee ${file} >/dev/null && sudo apparmor_parser -r ${file}`
}

/**
 * Whether Electron can start with its sandbox, from the facts. Chromium uses user namespaces
 * when it can create them, else the setuid helper (chrome-sandbox, owned by root, mode 4755),
 * and aborts when neither works: "The SUID sandbox helper binary was found, but is not
 * configured correctly" (electron/electron#42510, Ubuntu bug 2046844). It refuses to run as
 * root with its sandbox at all.
 */
export function sandboxDecision(facts) {
  if (facts.platform !== 'linux') return { sandbox: true, how: `${facts.platform} needs no setup for Chromium's sandbox` }
  if (facts.uid === 0) {
    return {
      sandbox: false,
      code: 'SANDBOX_AS_ROOT',
      reason: "Electron would run as root here, and Chromium's sandbox does not run as root",
      fix: 'run it as your own user, not as root',
    }
  }
  if (facts.userNamespaces) return { sandbox: true, how: 'user namespaces' }
  if (facts.apparmorRestricts && facts.apparmorProfile)
    return { sandbox: true, how: `user namespaces, allowed by ${facts.apparmorProfile}` }
  if (facts.helper.setuidRoot) return { sandbox: true, how: `the setuid helper ${facts.helper.path}` }
  if (facts.apparmorRestricts) {
    return {
      sandbox: false,
      code: 'SANDBOX_APPARMOR',
      reason: `Ubuntu's AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1) keeps ${show(facts.binary)} out of the user namespaces Chromium's sandbox needs`,
      fix: apparmorFix(facts.binary),
    }
  }
  return {
    sandbox: false,
    code: 'SANDBOX_NO_USERNS',
    reason: `this system lets no user create user namespaces, and ${show(facts.helper.path)} is not a setuid-root helper`,
    fix: facts.helper.present
      ? `sudo chown root:root ${shellQuote(facts.helper.path)} && sudo chmod 4755 ${shellQuote(facts.helper.path)}`
      : 'sudo sysctl -w kernel.unprivileged_userns_clone=1',
  }
}

/**
 * The electron-vite command for `npm start` (preview: the built app) or `npm run dev`, told where
 * Electron is through ELECTRON_EXEC_PATH (the variable electron-vite 6 reads before path.txt),
 * with electron-vite's --noSandbox switch only when the sandbox cannot start. These run the app
 * from the project folder, never a packaged app, which warns instead (src/main/sandbox-warning.ts).
 */
export function electronViteCommand(mode, binary, decision, extraArgs = []) {
  return {
    command: process.execPath,
    args: [ELECTRON_VITE, mode === 'dev' ? 'dev' : 'preview', ...(decision.sandbox ? [] : ['--noSandbox']), ...extraArgs],
    env: { ELECTRON_EXEC_PATH: binary },
  }
}

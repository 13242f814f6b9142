import { findElectron, readSandboxFacts, sandboxDecision } from '../../scripts/electron-runtime.js'

/**
 * The Electron binary, found as `npm start` and `npm run dev` find it (scripts/electron-runtime.js:
 * ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, node_modules/electron/path.txt or the platform's
 * default), by looking for files, never by `require('electron')`, which would download the runtime.
 */
export function electronBinary(): string | null {
  const found = findElectron()
  return found.ok ? found.binary : null
}

export function electronMissingReason(): string | null {
  const found = findElectron()
  return found.ok ? null : `[${found.code}] ${found.message}`
}

/**
 * `--no-sandbox` when, and only when, Chromium's sandbox cannot start for this binary here (as
 * root, or where Ubuntu's AppArmor keeps it out of user namespaces): the decision `npm start`
 * makes, for the app run from the project folder as these tests run it.
 */
export function sandboxArgs(binary: string): string[] {
  const decision = sandboxDecision(readSandboxFacts(binary))
  if (decision.sandbox) return []
  console.warn(`[electron e2e] ${decision.code}: ${decision.reason}; the app runs with --no-sandbox. To keep the sandbox: ${decision.fix}`)
  return ['--no-sandbox']
}

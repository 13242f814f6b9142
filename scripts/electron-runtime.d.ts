// Types of scripts/electron-runtime.js, which node runs as it is (npm start) and the TypeScript
// tests import (tests/e2e/electron-runtime.ts, tests/unit/shell-start.test.ts).

export declare const ROOT: string
export declare const ELECTRON_DIR: string

export type ElectronLookup =
  | {
      ok: true
      binary: string
      from: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron/path.txt' | 'the platform default'
    }
  | { ok: false; fetchable: boolean; code: string; message: string }

/** `cause`: the failure in a few words (the installer's error line), for a one-line notice. */
export type FetchResult = { ok: true; seconds: number } | { ok: false; code: string; message: string; cause: string }

export interface SandboxFacts {
  platform: NodeJS.Platform
  uid: number
  binary: string
  helper?: { path: string; present: boolean; setuidRoot: boolean }
  userNamespaces?: boolean
  apparmorRestricts?: boolean
  apparmorProfile?: string | null
}

export type SandboxDecision = { sandbox: true; how: string } | { sandbox: false; code: string; reason: string; fix: string }

export declare function electronVersion(electronDir?: string): string
export declare function platformExecutable(platform: string): string | null
export declare function findElectron(options?: { env?: NodeJS.ProcessEnv; platform?: string; electronDir?: string }): ElectronLookup
export declare function fetchElectron(options?: {
  installer?: string
  timeoutMs?: number
  stdio?: 'inherit' | 'pipe' | 'ignore'
}): FetchResult
export declare function readSandboxFacts(
  binary: string,
  options?: { platform?: NodeJS.Platform; uid?: number; root?: string; unshare?: string },
): SandboxFacts
export declare function apparmorFix(binary: string): string
export declare function sandboxDecision(facts: SandboxFacts): SandboxDecision
export declare function electronViteCommand(
  mode: 'start' | 'dev',
  binary: string,
  decision: SandboxDecision,
  extraArgs?: readonly string[],
): { command: string; args: string[]; env: { ELECTRON_EXEC_PATH: string } }

import { AsyncLocalStorage } from 'node:async_hooks'
import type { CallSession } from '@contract/api'

/**
 * The window (or tab) a call came from and the project version it was looking at, for the length
 * of the call: the dispatcher sets it from the call's `$session`, the project store reads it to
 * merge or refuse an edit made on an older version and to keep undo per window.
 */
const storage = new AsyncLocalStorage<CallSession>()

/** Calls with no session (the CLI, tests, older clients) are one window that always sees the latest version. */
const NO_SESSION: CallSession = { client: 'default', base: null }

export function runInSession<T>(session: CallSession | undefined, work: () => T): T {
  return storage.run(session ?? NO_SESSION, work)
}

export function currentSession(): CallSession {
  return storage.getStore() ?? NO_SESSION
}

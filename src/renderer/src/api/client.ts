import { SESSION_KEY, type CallSession, type InputOf, type OutputOf } from '@contract/api'
import { buildFactdeskApi } from '@contract/bridge'
import { CHANNELS, type Channel } from '@contract/channels'
import { SOURCE_LANGUAGE } from '@contract/i18n/translator'
import type { Envelope, ErrorCode, ErrorParams, FieldConflict } from '@domain/errors'
import { i18n } from '../i18n'

/** A failed call, with the code and the sentence the service wrote for the checker. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** EDIT_CONFLICT: what another window changed too, with both values. */
    readonly conflicts: FieldConflict[] = [],
    readonly key?: string,
    readonly params?: ErrorParams,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** This window (or tab): edits and undo are kept apart per window by the engine. */
const CLIENT = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')
let shownVersion: () => number | null = () => null

/** Tells every call which version of the open project this window shows (the store's current one). */
export function followShownVersion(read: () => number | null): void {
  shownVersion = read
}

/**
 * The sentence to show the checker for a failure of any kind, in the app's language: the
 * catalogue's `errors.<key>` when the engine named one (with its values), else the engine's own
 * English sentence, which is the most precise, while the app speaks English, else the catalogue's
 * sentence for the code.
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  const specific = `errors.${error.key ?? error.code}`
  if ((error.key || error.params) && i18n.exists(specific)) return i18n.t(specific, error.params ?? {})
  if (i18n.resolvedLanguage === SOURCE_LANGUAGE || !i18n.exists(`errors.${error.code}`)) return error.message
  return i18n.t(`errors.${error.code}`)
}

/**
 * The browser edition prints an address with the launch token in the fragment (never sent to the
 * server, never in logs); it is kept for this server's origin (127.0.0.1 and the port of this
 * launch), so a link to a claim opened in another tab works while the server runs, and removed
 * from the address bar.
 */
const TOKEN_KEY = 'factdesk-token'
function takeLaunchToken(): void {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (!match?.[1]) return
  localStorage.setItem(TOKEN_KEY, match[1])
  history.replaceState(null, '', window.location.pathname + window.location.search)
}

/** The browser edition: the API over HTTP on the local server, with the launch token. */
function httpInvoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
  const token = localStorage.getItem(TOKEN_KEY) ?? ''
  return fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Factdesk-Token': token },
    body: JSON.stringify(input ?? {}),
  }).then(
    (response) => response.json() as Promise<Envelope<unknown>>,
    (error: unknown) => ({
      ok: false,
      error: {
        code: 'IO',
        message: `Factdesk's local server did not answer (${String(error)}). Is it still running?`,
        key: 'serverUnreachable',
      },
    }),
  )
}

if (!window.factdesk) takeLaunchToken()
const transport = window.factdesk ?? buildFactdeskApi(CHANNELS, httpInvoke)

/** Calls a channel and unwraps the envelope: the value, or an ApiError to show the checker. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>, options: { base?: number | null } = {}): Promise<OutputOf<C>> {
  const [domain, verb] = channel.split(':') as [string, string]
  const fn = (transport as unknown as Record<string, Record<string, (i: unknown) => Promise<Envelope<OutputOf<C>>>>>)[domain]?.[verb]
  if (!fn) throw new ApiError('UNKNOWN_CHANNEL', `This build has no channel ${channel}.`)
  const session: CallSession = { client: CLIENT, base: options.base === undefined ? shownVersion() : options.base }
  const envelope = await fn({ ...input, [SESSION_KEY]: session })
  if (!envelope.ok) {
    const { code, message, conflicts, key, params } = envelope.error
    throw new ApiError(code, message, conflicts, key, params)
  }
  return envelope.value
}

export const isDesktop = window.factdesk !== undefined

import { api, CallSessionSchema, SESSION_KEY, type CallSession, type Handlers } from '@contract/api'
import { isChannel } from '@contract/channels'
import { tooLargeUpload } from '@contract/uploads'
import { AppError, errorInfoOf, type Envelope, type ErrorParams } from '@domain/errors'
import type { ZodError } from 'zod'
import { describeZodError } from '@domain/project/codec'
import { runInSession } from './call-session'

export type Dispatch = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>

export interface DispatcherOptions {
  /** Called with failures that are not AppErrors (bugs), for the log; never with user data. */
  onUnexpected?: (channel: string, error: unknown) => void
}

/**
 * Serves the API contract from plain handler functions. It is the single place where input is
 * parsed against the channel's schema and where every failure becomes an error envelope, so the
 * Electron IPC wrapper, the HTTP server and the e2e bridge behave identically and never throw.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : `a ${typeof channel}`
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no API channel named ${name}.` } }
    }
    let session: CallSession | undefined
    if (typeof input === 'object' && input !== null && SESSION_KEY in input) {
      const { [SESSION_KEY]: raw, ...rest } = input as Record<string, unknown>
      const checked = CallSessionSchema.safeParse(raw)
      if (!checked.success) {
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: `Invalid ${SESSION_KEY} for ${channel}: ${describeZodError(checked.error)}.` },
        }
      }
      session = checked.data
      input = rest
    }
    const parsed = api[channel].input.safeParse(input ?? {})
    if (!parsed.success) {
      const message = `Invalid input for ${channel}: ${describeZodError(parsed.error)}.`
      return { ok: false, error: { code: 'INVALID_INPUT', message, ...fileRefusal(parsed.error, input) } }
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await runInSession(session, () => handler(parsed.data)) }
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: errorInfoOf(error) }
      }
      options.onUnexpected?.(channel, error)
      const detail = error instanceof Error ? error.message : String(error)
      return { ok: false, error: { code: 'INTERNAL', message: `Factdesk hit an unexpected problem in ${channel}: ${detail}` } }
    }
  }
}

/**
 * A file the checker chose that the contract refuses — too large for what it is for, or a case
 * file not named .zip — said in the checker's language with the file's name (`errors.upload.*`,
 * or the key the schema's check names), instead of the generic sentence for invalid input. Any
 * other invalid input is a bug in the caller, and keeps the generic sentence.
 */
function fileRefusal(error: ZodError, input: unknown): { key: string; params: ErrorParams } | Record<string, never> {
  for (const issue of error.issues) {
    const path = issue.path
    let parent: unknown = input
    for (const step of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[step]
    const name = (parent as { fileName?: unknown } | undefined)?.fileName
    const file = typeof name === 'string' ? name : ''
    if (issue.code === 'too_big' && path.at(-1) === 'dataBase64') {
      // The contract bounds a file by its base64 length: four characters for every three bytes.
      const { key, params } = tooLargeUpload(file, (Number(issue.maximum) * 3) / 4)
      return { key, params }
    }
    const key = issue.code === 'custom' ? (issue.params as { key?: unknown } | undefined)?.key : undefined
    if (typeof key === 'string') return { key, params: { file } }
  }
  return {}
}

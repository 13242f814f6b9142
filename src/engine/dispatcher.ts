import { api, CallSessionSchema, SESSION_KEY, type CallSession, type Handlers } from '@contract/api'
import { isChannel } from '@contract/channels'
import { AppError, errorInfoOf, type Envelope } from '@domain/errors'
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
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${channel}: ${describeZodError(parsed.error)}.` } }
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

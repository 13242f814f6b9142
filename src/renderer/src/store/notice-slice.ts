import { messageOf } from '../api/client'
import type { AppSlice } from './index'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  message: string
}

export interface AttemptOptions {
  /** Shows the failure in place (a form's problem line, an empty list) instead of as a notice. */
  onError?: (message: string) => void
  /** Puts the screen right after the failure has been shown. */
  recover?: (error: unknown) => void | Promise<void>
}

/** What the checker is told: notices, and whether a call that blocks the forms is under way. */
export interface NoticeSlice {
  notices: Notice[]
  busy: boolean
  notify: (kind: Notice['kind'], message: string) => void
  dismissNotice: (id: number) => void
  /**
   * Runs work that calls the API and answers its result, or undefined when it failed after telling
   * the checker why. The one place a failed call becomes a notice. No channel answers undefined.
   */
  attempt: <T>(work: () => Promise<T>, options?: AttemptOptions) => Promise<T | undefined>
  /** `attempt`, with the forms disabled (busy) until the work is over. */
  run: (work: () => Promise<void>) => Promise<void>
}

/** At most this many notices stay on screen; older ones make way. */
const NOTICES_KEPT = 5
/** How long a confirmation ("Downloaded …") stays; errors stay until the checker closes them. */
export const INFO_NOTICE_MS = 6000
let noticeId = 0

export const createNoticeSlice: AppSlice<NoticeSlice> = (set, get) => ({
  notices: [],
  busy: false,
  notify: (kind, message) => {
    const id = ++noticeId
    // A confirmation replaces the one before, so they never pile up; errors are each kept.
    set((s) => ({
      notices: [...s.notices.filter((n) => kind === 'error' || n.kind === 'error').slice(1 - NOTICES_KEPT), { id, kind, message }],
    }))
    if (kind === 'info') window.setTimeout(() => get().dismissNotice(id), INFO_NOTICE_MS)
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  attempt: async (work, options) => {
    try {
      return await work()
    } catch (error) {
      const message = messageOf(error)
      if (options?.onError) options.onError(message)
      else get().notify('error', message)
      await options?.recover?.(error)
      return undefined
    }
  },
  run: async (work) => {
    set({ busy: true })
    try {
      await get().attempt(work)
    } finally {
      set({ busy: false })
    }
  },
})

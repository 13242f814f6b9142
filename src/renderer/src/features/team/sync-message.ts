import type { TeamStatus } from '@contract/team'

type T = (key: string, params?: Record<string, string | number>) => string

/** What the last sync said, in the app's language when the engine named its catalogue sentence; its English otherwise. */
export function syncMessage(status: Pick<TeamStatus, 'message' | 'reason'>, t: T): string | null {
  return status.reason ? t(`errors.${status.reason.key}`, status.reason.params) : status.message
}

import { create } from 'zustand'
import type { EvidenceReport } from '@domain/evidence/report'
import { call, messageOf } from '../../api/client'

/**
 * The evidence check of the open project, kept apart from the app's store so the badge and the
 * sources read one result. `atOpen` is the check made when the project was opened: a change made
 * outside Factdesk stays shown for the session even after the checker's next edit seals the state
 * it found on top of it (the chain detects, it does not prevent).
 */
interface EvidenceState {
  path: string | null
  atOpen: EvidenceReport | null
  latest: EvidenceReport | null
  /** Why the check could not run, or null. */
  error: string | null
  /** The case file a project was opened from in this session, with the case's own check (files against the manifest, the head). */
  fromCase: { path: string; fileName: string; report: EvidenceReport } | null
  /** A case file chosen or dropped, waiting in the open dialog (for an optional public key) before it is unpacked. */
  pendingCase: File | null
  check: (path: string) => Promise<void>
}

export const useEvidence = create<EvidenceState>()((set, get) => ({
  path: null,
  atOpen: null,
  latest: null,
  error: null,
  fromCase: null,
  pendingCase: null,
  check: async (path) => {
    if (get().path !== path) set({ path, atOpen: null, latest: null, error: null })
    try {
      const report = await call('evidence:verify', { path })
      if (get().path !== path) return
      set((s) => ({ latest: report, atOpen: s.atOpen ?? report, error: null }))
    } catch (error) {
      if (get().path === path) set({ error: messageOf(error) })
    }
  },
}))

export type EvidenceVerdict = 'intact' | 'history-changed' | 'attachments-changed' | 'not-recorded'

function verdictOf(report: EvidenceReport): EvidenceVerdict {
  const broken = (id: string): boolean => report.checks.some((c) => c.id === id && c.status === 'broken')
  if (broken('history-chain') || broken('project-state')) return 'history-changed'
  if (broken('attachments')) return 'attachments-changed'
  if (report.checks.some((c) => c.status === 'not-recorded')) return 'not-recorded'
  return 'intact'
}

/** What the badge says: the latest check, unless the check at open found a change the latest no longer shows. */
export function evidenceVerdict(atOpen: EvidenceReport, latest: EvidenceReport): { verdict: EvidenceVerdict; sinceOpen: boolean } {
  const now = verdictOf(latest)
  const first = verdictOf(atOpen)
  if (first === 'history-changed' && now !== 'history-changed') return { verdict: first, sinceOpen: true }
  return { verdict: now, sinceOpen: false }
}

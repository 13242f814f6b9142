import type { CheckStatus, EvidenceCheck } from './chain'

export type { CheckStatus, EvidenceCheck } from './chain'

/** An attached file as found on disk against what its source recorded when it was attached. */
export interface AttachmentStatus {
  sourceId: string
  /** The source's title or URL, as the checker knows it. */
  source: string
  /** The attachment's path relative to the project's folder. */
  file: string
  status: 'intact' | 'changed' | 'missing' | 'unrecorded'
  /** The SHA-256 recorded when it was attached ('' when none was). */
  expected: string
  /** The SHA-256 of the file now; null when it is missing. */
  found: string | null
  expectedBytes: number | null
  foundBytes: number | null
}

/** What `factdesk verify` and the workbench's evidence badge show. */
export interface EvidenceReport {
  /** The file checked. */
  file: string
  checks: EvidenceCheck[]
  attachments: AttachmentStatus[]
  /** The history's head hash, to quote elsewhere (a report, a manifest); null before the chain starts. */
  head: string | null
  /** True when no check is broken (a chain not yet recorded is not intact either). */
  intact: boolean
  /**
   * The whole verdict: broken when any check is, not recorded when nothing is broken but a check
   * has nothing to go on (a file from before the chain), intact otherwise. `factdesk verify` exits
   * 1, 2 and 0 for them.
   */
  outcome: CheckStatus
}

/**
 * The verdict of a set of checks. A signature nobody gave the key for is left out: the rest of a
 * case file still stands on its hashes.
 */
export function outcomeOf(checks: readonly EvidenceCheck[]): CheckStatus {
  if (checks.some((c) => c.status === 'broken')) return 'broken'
  if (checks.some((c) => c.status === 'not-recorded' && c.id !== 'signature')) return 'not-recorded'
  return 'intact'
}

/** Plain text, a line per check and one per finding: what `factdesk verify` prints. */
export function formatEvidenceReport(report: EvidenceReport): string {
  const mark = { intact: 'ok  ', broken: 'FAIL', 'not-recorded': 'none' } as const
  const verdict = { intact: 'INTACT', broken: 'NOT INTACT', 'not-recorded': 'NOT RECORDED' } as const
  const lines = [`${verdict[report.outcome]}: ${report.file}`]
  for (const check of report.checks) {
    lines.push(`  ${mark[check.status]} ${check.label}: ${check.summary}`)
    for (const detail of check.details) lines.push(`         - ${detail}`)
  }
  if (report.head) lines.push(`  head ${report.head}`)
  return `${lines.join('\n')}\n`
}

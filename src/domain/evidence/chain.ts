import canonicalize from 'canonicalize'
import { CHAIN_SCHEMA } from '../project/migrations'
import { historyEntry, SCHEMA_VERSION, type HistoryEntry, type Project } from '../project/schema'
import { entryValues, say, type Finding, type Said } from './findings'

/**
 * The tamper-evident history. Every entry Factdesk appends is sealed: it records the hashes of the
 * entries before it (`prev`), the SHA-256 of the project state it produced (`state`: the whole
 * project but its history, as RFC 8785 canonical JSON) and its own hash over all of that (`hash`).
 * So an edit of the file outside Factdesk shows: a changed verdict, rationale or source no longer
 * matches the last entry's state; a rewritten entry no longer matches its own hash; a removed one
 * leaves the entry after it naming a hash that is not there (or, the last one, the state of the
 * one before no longer matches).
 *
 * It detects, it does not prevent: anyone who knows this scheme can recompute every hash. What
 * closes that gap is a hash recorded elsewhere — the head in a signed case file's manifest, or
 * quoted in a published report — against which a later file is checked.
 *
 * Merges (team work): two copies' histories are joined and the next entry names both heads in its
 * `prev`, so the chain becomes a graph that still has one head. Projects made before the chain
 * existed start it when Factdesk first writes them in the chain's schema (startChain); the entries
 * before it are reported as not covered, never as broken. So a file in that schema with no sealed
 * entry was stripped of its chain, and only a file still in an older schema is "not recorded".
 *
 * Hashing itself is passed in (Node's crypto in the engine), since the domain runs without Node.
 */

export type Sha256 = (text: string) => string

function canonical(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('a project always has a canonical JSON form')
  return text
}

/** The SHA-256 of the project as it stands, without its history: what a history entry says it produced. */
export function stateHash(project: Project, sha256: Sha256): string {
  const { history: _history, ...state } = project
  return sha256(canonical(state))
}

/** The SHA-256 of an entry's canonical JSON, everything but its own `hash`. */
export function entryHash(entry: HistoryEntry, sha256: Sha256): string {
  const { hash: _hash, ...rest } = entry
  return sha256(canonical(rest))
}

export function isSealed(entry: HistoryEntry): boolean {
  return entry.hash !== undefined
}

/** The sealed entries no later entry names in its `prev`: one normally, two after a merge until the next entry. */
function tips(history: readonly HistoryEntry[]): string[] {
  const named = new Set(history.flatMap((entry) => entry.prev ?? []))
  return history.flatMap((entry) => (entry.hash !== undefined && !named.has(entry.hash) ? [entry.hash] : [])).sort()
}

/**
 * Seals the entries appended since the last sealed one, with the state the project is in now. A
 * project with no sealed entry yet (made before the chain existed) starts its chain at the first
 * entry appended now, `appendedFrom` (the history's length before the change); without it, nothing
 * is sealed, so a legacy entry is never passed off as a sealed one.
 */
export function sealHistory(project: Project, sha256: Sha256, appendedFrom = project.history.length): Project {
  const { history } = project
  const lastSealed = history.findLastIndex(isSealed)
  const from = lastSealed >= 0 ? lastSealed + 1 : appendedFrom
  if (from < 0 || from >= history.length) return project
  const state = stateHash(project, sha256)
  const sealed = history.slice(0, from)
  let prev = tips(sealed)
  for (const entry of history.slice(from)) {
    const { prev: _p, state: _s, hash: _h, ...content } = entry
    const unsigned: HistoryEntry = { ...content, prev, state }
    const hash = entryHash(unsigned, sha256)
    sealed.push({ ...unsigned, hash })
    prev = [hash]
  }
  return { ...project, history: sealed }
}

/** The history action of the entry that starts the chain of a project written before it existed. */
export const CHAIN_START_ACTION = 'history.chain'

/**
 * Starts the chain of a project that has no sealed entry (one made before the chain existed) with
 * a sealed entry saying so, whenever Factdesk writes it in the chain's schema: that keeps "a file
 * in this schema always has a chain" true, so deleting the chain's fields cannot pass for a legacy
 * file. A project that has a chain is returned as it is.
 */
export function startChain(project: Project, sha256: Sha256, at: string): Project {
  if (project.history.some(isSealed)) return project
  const uncovered = project.history.length
  const entry = historyEntry({
    at,
    author: 'factdesk',
    action: CHAIN_START_ACTION,
    claimId: null,
    summary: `Tamper-evident history started here; the ${uncovered} entries before it were written before Factdesk kept one and are not covered.`,
  })
  return sealHistory({ ...project, history: [...project.history, entry] }, sha256, uncovered)
}

/** What a project file said about itself on disk, before it was migrated. */
export interface FileProvenance {
  /** The schema the file declared. */
  schemaVersion: number
  /** Fields only the chain's schema writes, found in a file declaring an older one (see laterSchemaFields). */
  laterFields: readonly string[]
}

/**
 * A file genuinely from before the chain: an older schema and none of the chain schema's fields.
 * Only such a file has its chain started when Factdesk writes it; one stripped of its chain keeps
 * showing that, even after Factdesk copies or renames it.
 */
export function isLegacyFile(provenance: FileProvenance): boolean {
  return provenance.schemaVersion < CHAIN_SCHEMA && provenance.laterFields.length === 0
}

/** A file written in the current schema by Factdesk itself. */
export const CURRENT_FILE: FileProvenance = { schemaVersion: SCHEMA_VERSION, laterFields: [] }

export type CheckStatus = 'intact' | 'broken' | 'not-recorded'

/** Which check a line of a verification is: the workbench names it from `evidence.check.<id>`. */
export type CheckId = 'history-chain' | 'project-state' | 'attachments' | 'case-files' | 'signature' | 'history-head'

/** The checks' English names, as `factdesk verify` prints them. */
const CHECK_LABELS: Record<CheckId, string> = {
  'history-chain': 'History chain',
  'project-state': 'Project matches its history',
  attachments: 'Attached files',
  'case-files': 'Files in the case',
  signature: 'Signature',
  'history-head': 'History head in the manifest',
}

/** One line of a verification: what was checked, whether it held, and the particulars a checker can act on. */
export interface EvidenceCheck {
  id: CheckId
  label: string
  status: CheckStatus
  /** One sentence on the whole check, in English (what `factdesk verify` prints). */
  summary: string
  /** The particulars, one per finding (an entry, a file), in English. */
  details: string[]
  /** The summary as a code and values, for the workbench to say in the checker's language. */
  finding: Finding
  /** The details as codes and values, in the same order. */
  detailFindings: Finding[]
}

/** A check from what it found: the English and the codes come from the same findings. */
export function evidenceCheck(id: CheckId, status: CheckStatus, summary: Said, details: readonly Said[] = []): EvidenceCheck {
  return {
    id,
    label: CHECK_LABELS[id],
    status,
    summary: summary.text,
    details: details.map((d) => d.text),
    finding: summary.finding,
    detailFindings: details.map((d) => d.finding),
  }
}

export interface ChainReport {
  checks: EvidenceCheck[]
  /** The last entry's hash: what a manifest or a report quotes to pin this history; null before the chain starts. */
  head: string | null
  /** Where the chain starts: the number (1-based) of its first entry, and how many entries before it it does not cover. */
  since: { entry: number; uncovered: number } | null
}

function listed(fields: readonly string[]): string {
  const shown = fields.slice(0, 4).join(', ')
  return fields.length > 4 ? `${shown} and ${fields.length - 4} more` : shown
}

/**
 * Checks the history chain and that its last entry's state is the project as it stands. The file's
 * provenance decides what a missing chain means: only a file still in a schema older than the
 * chain's is "not recorded"; in the chain's schema it was removed, and a file claiming an older
 * schema while carrying the chain's fields had its schema number lowered to hide that.
 */
export function checkChain(project: Project, sha256: Sha256, provenance: FileProvenance = CURRENT_FILE): ChainReport {
  const { history } = project
  const first = history.findIndex(isSealed)
  const lowered =
    provenance.laterFields.length > 0
      ? say('schemaLowered', { schema: provenance.schemaVersion, chainSchema: CHAIN_SCHEMA, fields: listed(provenance.laterFields) })
      : null
  if (first < 0) {
    const checks =
      provenance.schemaVersion < CHAIN_SCHEMA && lowered === null
        ? [
            evidenceCheck('history-chain', 'not-recorded', say('chainNotRecorded', { schema: provenance.schemaVersion })),
            evidenceCheck('project-state', 'not-recorded', say('stateNotRecorded')),
          ]
        : [
            evidenceCheck('history-chain', 'broken', say('chainRemoved', { schema: CHAIN_SCHEMA }), lowered ? [lowered] : []),
            evidenceCheck('project-state', 'broken', say('stateRemoved')),
          ]
    return { checks, head: null, since: null }
  }
  const problems: Said[] = lowered ? [lowered] : []
  const known = new Map<string, number>()
  history.forEach((entry, index) => {
    if (index < first) return
    if (!isSealed(entry) || entry.state === undefined || entry.prev === undefined) {
      problems.push(say('entryUnsealed', entryValues(entry, index)))
      return
    }
    if (entryHash(entry, sha256) !== entry.hash) problems.push(say('entryChanged', entryValues(entry, index)))
    for (const prev of entry.prev) {
      if (!known.has(prev)) problems.push(say('entryOrphaned', entryValues(entry, index)))
    }
    if (entry.hash !== undefined) known.set(entry.hash, index)
  })
  const heads = tips(history.slice(first))
  const last = history.at(-1)
  if (heads.length > 1) problems.push(say('manyHeads', { count: heads.length }))
  else if (last?.hash !== undefined && heads[0] !== last.hash) problems.push(say('reordered'))
  const span = { from: first + 1, uncovered: first }
  const chain = problems.length
    ? evidenceCheck('history-chain', 'broken', say('chainBroken', span), problems)
    : evidenceCheck('history-chain', 'intact', say('chainIntact', { count: history.length - first, ...span }))
  const now = stateHash(project, sha256)
  // A history with a sealed entry always has a last entry: `last` is undefined only for an empty one.
  const mismatch = last
    ? [say('stateMismatch', { ...entryValues(last, history.length - 1), recorded: last.state ?? '(none)', found: now })]
    : []
  const state =
    last?.state === now
      ? evidenceCheck('project-state', 'intact', say('stateIntact'))
      : evidenceCheck('project-state', 'broken', say('stateChanged'), mismatch)
  return { checks: [chain, state], head: last?.hash ?? null, since: { entry: first + 1, uncovered: first } }
}

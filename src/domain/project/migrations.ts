import { z } from 'zod'
import { defaultRatingScale } from './rating-scales'
import { historyId, noEvidence, SCHEMA_VERSION, unattributed, type HistoryEntry } from './schema'

/**
 * Each migration takes a file of version N (already parsed JSON) and returns version N + 1.
 * Version 0 is the pre-release draft shape: no `schemaVersion`, `version: 0`, claims located by
 * a `span` pair and rated with a free-text label.
 */
const DraftV0Schema = z.object({
  version: z.literal(0),
  title: z.string(),
  text: z.string(),
  created: z.string(),
  claims: z.array(
    z.object({
      id: z.string(),
      quote: z.string(),
      span: z.tuple([z.number().int(), z.number().int()]),
      rating: z.string().nullable(),
      note: z.string().optional(),
    }),
  ),
})

function migrateV0(data: unknown): unknown {
  const draft = DraftV0Schema.parse(data)
  const scale = defaultRatingScale()
  const created = new Date(draft.created).toISOString()
  return {
    schemaVersion: 1,
    id: `p-${draft.created.replace(/\D/g, '').slice(0, 14) || 'draft'}`,
    createdAt: created,
    updatedAt: created,
    article: { title: draft.title, outlet: '', author: '', url: '', publishedAt: '', language: 'und', text: draft.text },
    ratingScale: scale,
    claims: draft.claims.map((claim) => {
      const label =
        claim.rating === null ? undefined : scale.labels.find((l) => l.label.toLowerCase() === claim.rating?.trim().toLowerCase())
      // A rating the scale does not know is kept in the notes rather than dropped.
      const lostRating = claim.rating !== null && !label ? `Draft rating: ${claim.rating}` : ''
      return {
        id: claim.id,
        text: claim.quote,
        start: claim.span[0],
        end: claim.span[1],
        origin: 'manual',
        status: label ? 'done' : 'to-check',
        score: null,
        reasons: [],
        verdict: label?.id ?? null,
        rationale: '',
        sourceIds: [],
        notes: [claim.note ?? '', lostRating].filter(Boolean).join('\n'),
        checker: '',
        createdAt: created,
        updatedAt: created,
      }
    }),
    sources: [],
    history: [
      { at: created, author: 'factdesk', action: 'project.migrate', claimId: null, summary: 'Migrated from the draft format (version 0).' },
    ],
  }
}

/** The parts of a schema-1 file that schema 2 extends; everything else passes through untouched. */
const V1Schema = z.looseObject({
  schemaVersion: z.literal(1),
  claims: z.array(z.looseObject({})),
  sources: z.array(z.looseObject({})),
})

/**
 * Schema 2 gives every claim its claimant, date, other appearances and short ClaimReview statement,
 * every source the day it was read and its attachment's hash, and the project the address and date
 * of the published fact check. A schema-1 file knew none of these, so they start empty: the
 * claimant unknown (never the article's author, who only reported the claim), the claim's date and
 * statement falling back to the article's date and the claim text, no hash (the file was copied
 * in without one).
 */
function migrateV1(data: unknown): unknown {
  const v1 = V1Schema.parse(data)
  return {
    ...v1,
    schemaVersion: 2,
    // The schema puts every key in its place when the project is written, whatever the order here.
    claims: v1.claims.map((claim) => ({ ...claim, claimant: null, claimDate: '', appearances: [], claimReviewed: '' })),
    sources: v1.sources.map((source) => ({ ...source, accessedAt: '', attachmentSha256: '' })),
    publication: { reviewUrl: '', publishedAt: '' },
  }
}

const V2Schema = z.looseObject({
  schemaVersion: z.literal(2),
  claims: z.array(z.looseObject({})),
  history: z.array(
    z.looseObject({ at: z.string(), author: z.string(), action: z.string(), claimId: z.string().nullable(), summary: z.string() }),
  ),
})

/**
 * Schema 3 is team work: every claim gets an assignee, a reviewer, comments and an approval (none
 * yet), the project its team settings (review not required: the checker had no reviewer before)
 * and a place for conflicts a merge records, and every history entry an id. The id is derived from
 * the entry's content, so two checkers upgrading the same file get the same ids and a merge of
 * their copies keeps each entry once.
 */
function migrateV2(data: unknown): unknown {
  const v2 = V2Schema.parse(data)
  const { assignee, reviewer, comments, approval } = unattributed()
  return {
    ...v2,
    schemaVersion: 3,
    team: { requireReview: false },
    claims: v2.claims.map((claim) => ({ ...claim, assignee, reviewer, comments, approval })),
    conflicts: [],
    history: v2.history.map((entry) => ({ ...entry, id: historyId(entry as Omit<HistoryEntry, 'id'>) })),
  }
}

/** The part of the file the evidence step reads: it only adds a key, so anything else passes through. */
const BeforeEvidenceSchema = z.looseObject({ schemaVersion: z.number().int() })

/**
 * The evidence step (issue 20), self-contained so it can be renumbered when another step lands
 * before it: the project gets an evidence record whose origin is unknown (the file was imported
 * before Factdesk hashed imports) and no earlier article versions. Claims gain no anchor and
 * attachments no size, both optional; history entries stay unsealed, and the tamper-evident chain
 * starts at the first entry Factdesk appends after the upgrade (domain/evidence/chain.ts).
 */
function migrateEvidence(data: unknown): unknown {
  const before = BeforeEvidenceSchema.parse(data)
  return { ...before, schemaVersion: before.schemaVersion + 1, evidence: noEvidence() }
}

/** The schema the evidence step upgrades from; the first with a history chain is the one after it. */
const BEFORE_EVIDENCE = 3
/** The first schema Factdesk writes with a tamper-evident history chain: a file declaring it never legitimately lacks one. */
export const CHAIN_SCHEMA = BEFORE_EVIDENCE + 1

const MIGRATIONS: Record<number, (data: unknown) => unknown> = {
  0: migrateV0,
  1: migrateV1,
  2: migrateV2,
  [BEFORE_EVIDENCE]: migrateEvidence,
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : []
}

/**
 * The fields only the chain's schema and later write, found in a file that declares an older one:
 * the sign of a schema number lowered by hand so that a file stripped of its chain passes for a
 * legacy one. Read from the file as parsed, before migration fills any of them in.
 */
export function laterSchemaFields(data: unknown, version: number): string[] {
  if (version >= CHAIN_SCHEMA || typeof data !== 'object' || data === null) return []
  const record = data as Record<string, unknown>
  const found: string[] = []
  if ('evidence' in record) found.push('evidence')
  records(record.history).forEach((entry, i) => {
    for (const key of ['prev', 'state', 'hash']) if (key in entry) found.push(`history[${i}].${key}`)
  })
  records(record.claims).forEach((claim, i) => {
    if ('anchor' in claim) found.push(`claims[${i}].anchor`)
  })
  records(record.sources).forEach((source, i) => {
    if ('attachmentBytes' in source) found.push(`sources[${i}].attachmentBytes`)
  })
  return found
}

/** The schema version a parsed file declares: `schemaVersion`, or 0 for the draft shape. */
export function declaredVersion(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined
  const record = data as Record<string, unknown>
  if ('schemaVersion' in record) return Number.isInteger(record.schemaVersion) ? (record.schemaVersion as number) : undefined
  return record.version === 0 ? 0 : undefined
}

export function migrateToCurrent(data: unknown, from: number): unknown {
  let current = data
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version]
    if (!step) throw new Error(`no migration from schema ${version}`)
    current = step(current)
  }
  return current
}

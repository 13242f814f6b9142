import { describeKey, type ChangeKey } from './changes'
import {
  approvalHolds,
  historyEntry,
  type Claim,
  type ConflictValue,
  type HistoryEntry,
  type Project,
  type RecordedConflict,
  type Source,
} from './schema'

/**
 * The three-way merge of two checkers' copies of one project, field by field: claims and sources
 * matched by id, history and comments as unions, the article text never merged. Where both changed
 * the same field differently the result keeps our value and records the conflict inside the
 * project (both values, who, when) until a checker picks one, so the result is always a valid
 * project, nothing either side did is lost, and no conflict markers are ever written into a file.
 * Pure: the git driver, the CLI, the sync and the sync-folder copies all call it.
 */

export interface MergeOptions {
  /** When the merge happens: the time of the conflicts it records and of its history entry. */
  now: string
  /** Who merges, for the history entry. */
  author: string
  /** What the other copy is, for the history ("the team's copy", "report (conflicted copy).factdesk.json"). */
  theirsName?: string
}

export interface MergeResult {
  project: Project
  /** The conflicts this merge recorded (the project also holds the ones recorded before). */
  conflicts: RecordedConflict[]
  /**
   * Both copies changed the article text itself, which is never merged: the result is our copy
   * with the conflict recorded, and the caller keeps theirs (a copy beside it, or git's conflict).
   */
  articleConflict: boolean
}

/** Fields a claim merges as one: the range, and what the claim engine derived from it. */
type ClaimRangeField = 'start' | 'end' | 'text' | 'reasons' | 'score'
const CLAIM_FIELDS = [
  'origin',
  'status',
  'verdict',
  'rationale',
  'notes',
  'checker',
  'claimant',
  'claimDate',
  'appearances',
  'claimReviewed',
  'assignee',
  'reviewer',
] as const
const SOURCE_FIELDS = ['url', 'title', 'publisher', 'date', 'excerpt', 'archiveUrl', 'reliability', 'accessedAt'] as const
const ARTICLE_FIELDS = ['title', 'outlet', 'author', 'url', 'publishedAt', 'language'] as const

type Json = ConflictValue['value']

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** Who last changed something on one side since the base, and when: that side's newest new history entry about it. */
interface Authorship {
  byClaim: Map<string, HistoryEntry>
  latest: HistoryEntry | undefined
  updatedAt: string
}

function authorship(side: Project, baseIds: ReadonlySet<string>): Authorship {
  const byClaim = new Map<string, HistoryEntry>()
  let latest: HistoryEntry | undefined
  for (const entry of side.history) {
    if (baseIds.has(entry.id)) continue
    latest = entry
    if (entry.claimId) byClaim.set(entry.claimId, entry)
  }
  return { byClaim, latest, updatedAt: side.updatedAt }
}

function whoChanged(side: Authorship, claimId: string | null, fallbackAt: string): { by: string; at: string } {
  const entry = (claimId ? side.byClaim.get(claimId) : undefined) ?? side.latest
  return entry ? { by: entry.author, at: entry.at } : { by: '', at: fallbackAt }
}

class Merger {
  readonly recorded = new Map<ChangeKey, RecordedConflict>()
  private readonly ours: Authorship
  private readonly theirs: Authorship

  constructor(
    base: Project | null,
    oursProject: Project,
    theirsProject: Project,
    private readonly now: string,
  ) {
    const baseIds = new Set(base?.history.map((e) => e.id) ?? [])
    this.ours = authorship(oursProject, baseIds)
    this.theirs = authorship(theirsProject, baseIds)
  }

  /**
   * One value three ways: the side that changed it wins; both changed it alike, that; both
   * differently (or, with no base, simply differently), ours stays and the conflict is recorded.
   */
  value<T>(key: ChangeKey, claimId: string | null, base: T | undefined, ours: T, theirs: T, at: [string, string]): T {
    if (same(ours, theirs)) return ours
    if (base !== undefined) {
      if (same(base, ours)) return theirs
      if (same(base, theirs)) return ours
    }
    this.record(key, claimId, ours as Json, theirs as Json, at)
    return ours
  }

  record(key: ChangeKey, claimId: string | null, ours: Json, theirs: Json, at: [string, string]): void {
    this.recorded.set(key, {
      key,
      what: '',
      values: [
        { value: ours, ...whoChanged(this.ours, claimId, at[0]) },
        { value: theirs, ...whoChanged(this.theirs, claimId, at[1]) },
      ],
      at: this.now,
    })
  }
}

function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]))
}

/** Our order, then what only they have in theirs; an id is listed once. */
function unionIds<T extends { id: string }>(ours: readonly T[], theirs: readonly T[]): string[] {
  const ids = ours.map((item) => item.id)
  const seen = new Set(ids)
  for (const item of theirs) if (!seen.has(item.id)) ids.push(item.id)
  return ids
}

/** A set of ids three ways: what either side added is in, what either side removed is out. */
function mergeIdSet(base: readonly string[] | undefined, ours: readonly string[], theirs: readonly string[]): string[] {
  if (base === undefined) return [...new Set([...ours, ...theirs])]
  const removed = new Set([...base.filter((id) => !ours.includes(id)), ...base.filter((id) => !theirs.includes(id))])
  return [...new Set([...ours, ...theirs])].filter((id) => !removed.has(id))
}

/** Comments are only ever added or withdrawn: every comment from either side, withdrawn when either withdrew it. */
function mergeComments(ours: Claim['comments'], theirs: Claim['comments']): Claim['comments'] {
  const other = byId(theirs)
  const merged = ours.map((comment) => {
    const their = other.get(comment.id)
    if (!their || their.withdrawnAt === comment.withdrawnAt) return comment
    const withdrawnAt =
      comment.withdrawnAt && their.withdrawnAt
        ? comment.withdrawnAt < their.withdrawnAt
          ? comment.withdrawnAt
          : their.withdrawnAt
        : (comment.withdrawnAt ?? their.withdrawnAt)
    return { ...comment, withdrawnAt }
  })
  const mine = new Set(ours.map((c) => c.id))
  return [...merged, ...theirs.filter((c) => !mine.has(c.id))].sort((a, b) => a.at.localeCompare(b.at))
}

const later = (a: string, b: string): string => (a >= b ? a : b)

function rangeOf(claim: Claim): Pick<Claim, ClaimRangeField> {
  return { start: claim.start, end: claim.end, text: claim.text, reasons: claim.reasons, score: claim.score }
}

function changedSince(base: Claim | Source, side: Claim | Source): boolean {
  for (const key of Object.keys(side)) {
    if (key === 'updatedAt') continue
    if (!same((base as Record<string, unknown>)[key], (side as Record<string, unknown>)[key])) return true
  }
  return false
}

function mergeClaim(m: Merger, base: Claim | undefined, ours: Claim, theirs: Claim): Claim {
  const at: [string, string] = [ours.updatedAt, theirs.updatedAt]
  const key = `claim:${ours.id}`
  const range = m.value(`${key}.range`, ours.id, base && rangeOf(base), rangeOf(ours), rangeOf(theirs), at)
  const merged: Claim = { ...ours, ...range }
  for (const field of CLAIM_FIELDS) {
    ;(merged as Record<string, unknown>)[field] = m.value(`${key}.${field}`, ours.id, base?.[field], ours[field], theirs[field], at)
  }
  merged.sourceIds = mergeIdSet(base?.sourceIds, ours.sourceIds, theirs.sourceIds)
  merged.comments = mergeComments(ours.comments, theirs.comments)
  merged.updatedAt = later(ours.updatedAt, theirs.updatedAt)
  // An approval is for one verdict and rationale: of the approvals either side has, the earliest
  // that still holds for the merged claim stays; none that holds, none at all.
  const approvals = [ours.approval, theirs.approval]
    .filter((a) => a !== null)
    .filter((approval) => approvalHolds({ ...merged, approval }))
    .sort((a, b) => a.at.localeCompare(b.at))
  merged.approval = approvals[0] ?? null
  return merged
}

function mergeSource(m: Merger, base: Source | undefined, ours: Source, theirs: Source): Source {
  const at: [string, string] = [ours.updatedAt, theirs.updatedAt]
  const key = `source:${ours.id}`
  const merged: Source = { ...ours }
  for (const field of SOURCE_FIELDS) {
    ;(merged as Record<string, unknown>)[field] = m.value(`${key}.${field}`, null, base?.[field], ours[field], theirs[field], at)
  }
  const file = (s: Source): Pick<Source, 'attachment' | 'attachmentSha256'> => ({
    attachment: s.attachment,
    attachmentSha256: s.attachmentSha256,
  })
  Object.assign(merged, m.value(`${key}.attachment`, null, base && file(base), file(ours), file(theirs), at))
  merged.updatedAt = later(ours.updatedAt, theirs.updatedAt)
  return merged
}

/**
 * Records of one kind (claims or sources) three ways. One side removed what the other left alone:
 * removed. One side removed what the other changed: kept, with the removal recorded as a conflict
 * (`claim:<id>`, values "kept"/"removed") so a checker decides; nothing is dropped unseen.
 */
function mergeRecords<T extends Claim | Source>(
  m: Merger,
  kind: 'claim' | 'source',
  base: readonly T[] | undefined,
  ours: readonly T[],
  theirs: readonly T[],
  mergeOne: (base: T | undefined, ours: T, theirs: T) => T,
  keep: (id: string) => boolean = () => false,
): T[] {
  const b = byId(base)
  const o = byId(ours)
  const t = byId(theirs)
  const result: T[] = []
  for (const id of unionIds(ours, theirs)) {
    const [bo, oo, to] = [b.get(id), o.get(id), t.get(id)]
    if (oo && to) {
      result.push(mergeOne(bo, oo, to))
      continue
    }
    const only = (oo ?? to) as T
    if (!bo) {
      result.push(only)
      continue
    }
    // In the base and on one side only: the other side removed it.
    if (changedSince(bo, only) || keep(id)) {
      const claimId = kind === 'claim' ? id : null
      const kept = oo ? (['kept', 'removed'] as const) : (['removed', 'kept'] as const)
      m.record(`${kind}:${id}`, claimId, kept[0], kept[1], [only.updatedAt, only.updatedAt])
      result.push(only)
    }
  }
  return result
}

/** History from both sides, each entry once (by id), in time order. */
function mergeHistory(ours: readonly HistoryEntry[], theirs: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set(ours.map((e) => e.id))
  const all = [...ours, ...theirs.filter((e) => !seen.has(e.id))]
  // Array.prototype.sort is stable: entries of the same instant keep our order, then theirs.
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

/** Conflicts recorded before, three ways by key: one a side resolved is gone, one either side recorded stays. */
function mergeRecorded(base: Project | null, ours: Project, theirs: Project): Map<string, RecordedConflict> {
  const inBase = new Set(base?.conflicts.map((c) => c.key) ?? [])
  const oursKeys = new Set(ours.conflicts.map((c) => c.key))
  const theirsKeys = new Set(theirs.conflicts.map((c) => c.key))
  const result = new Map<string, RecordedConflict>()
  for (const conflict of [...ours.conflicts, ...theirs.conflicts]) {
    if (result.has(conflict.key)) continue
    if (inBase.has(conflict.key) && (!oursKeys.has(conflict.key) || !theirsKeys.has(conflict.key))) continue
    result.set(conflict.key, conflict)
  }
  return result
}

/**
 * The claims of a copy whose article text was changed, found in the new text: each where its text
 * occurs nearest its old place, its reasons moved with it. Null when a claim's text is no longer
 * in the article (the texts cannot be reconciled without a checker).
 */
function relocate(project: Project, text: string): Project | null {
  const claims: Claim[] = []
  for (const claim of project.claims) {
    if (text.slice(claim.start, claim.end) === claim.text) {
      claims.push(claim)
      continue
    }
    let best = -1
    for (let at = text.indexOf(claim.text); at >= 0; at = text.indexOf(claim.text, at + 1)) {
      if (best < 0 || Math.abs(at - claim.start) < Math.abs(best - claim.start)) best = at
    }
    if (best < 0) return null
    const shift = best - claim.start
    claims.push({
      ...claim,
      start: best,
      end: best + claim.text.length,
      reasons: claim.reasons.map((r) => ({ ...r, start: r.start + shift, end: r.end + shift })),
    })
  }
  return { ...project, article: { ...project.article, text }, claims }
}

const byPosition = (a: Claim, b: Claim): number => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id)

function articleConflict(base: Project | null, ours: Project, theirs: Project, options: MergeOptions): MergeResult {
  const m = new Merger(base, ours, theirs, options.now)
  const words = (p: Project): string => `${p.article.text.length.toLocaleString('en')} characters`
  m.record('article.text', null, `your article text (${words(ours)})`, `their article text (${words(theirs)})`, [
    ours.updatedAt,
    theirs.updatedAt,
  ])
  const recorded = [...m.recorded.values()].map((c) => ({ ...c, what: 'the article text' }))
  const conflicts = [...mergeRecorded(null, ours, { ...ours, conflicts: [] }).values()].filter((c) => c.key !== 'article.text')
  return { project: { ...ours, conflicts: [...conflicts, ...recorded] }, conflicts: recorded, articleConflict: true }
}

/**
 * Merges `theirs` into `ours`. `base` is the common ancestor (git's merge base, the copy both
 * started from); with none, every difference is a conflict that keeps both values, and whatever
 * only one copy holds is kept.
 */
export function mergeProjects(base: Project | null, oursIn: Project, theirsIn: Project, options: MergeOptions): MergeResult {
  let ours = oursIn
  let theirs = theirsIn
  if (ours.article.text !== theirs.article.text) {
    // The article text is never merged: a change on one side is taken only when the other side's claims still fit it.
    const moved =
      base?.article.text === ours.article.text
        ? relocate(ours, theirs.article.text)
        : base?.article.text === theirs.article.text
          ? relocate(theirs, ours.article.text)
          : null
    if (!moved) return articleConflict(base, ours, theirs, options)
    if (base?.article.text === ours.article.text) ours = moved
    else theirs = moved
  }
  const m = new Merger(base, ours, theirs, options.now)
  const at: [string, string] = [ours.updatedAt, theirs.updatedAt]
  const article = { ...ours.article }
  for (const field of ARTICLE_FIELDS) {
    article[field] = m.value(`article.${field}`, null, base?.article[field], ours.article[field], theirs.article[field], at)
  }
  const ratingScale = m.value('scale', null, base?.ratingScale, ours.ratingScale, theirs.ratingScale, at)
  const publication = m.value('project.publication', null, base?.publication, ours.publication, theirs.publication, at)
  const team = m.value('project.team', null, base?.team, ours.team, theirs.team, at)

  let claims = mergeRecords(m, 'claim', base?.claims, ours.claims, theirs.claims, (b, o, t) => mergeClaim(m, b, o, t))
  // A verdict from a scale the merge did not keep (both sides changed the scale) cannot stand: it
  // is cleared, and both values are kept in the claim's verdict conflict.
  const labels = new Set(ratingScale.labels.map((l) => l.id))
  claims = claims.map((claim) => {
    if (claim.verdict === null || labels.has(claim.verdict)) return claim
    const key = `claim:${claim.id}.verdict`
    if (!m.recorded.has(key)) m.record(key, claim.id, null, claim.verdict, at)
    return { ...claim, verdict: null, approval: null }
  })
  const cited = new Set(claims.flatMap((c) => c.sourceIds))
  const sources = mergeRecords(
    m,
    'source',
    base?.sources,
    ours.sources,
    theirs.sources,
    (b, o, t) => mergeSource(m, b, o, t),
    (id) => cited.has(id),
  )
  const sourceIds = new Set(sources.map((s) => s.id))
  claims = claims.map((c) =>
    c.sourceIds.every((id) => sourceIds.has(id)) ? c : { ...c, sourceIds: c.sourceIds.filter((id) => sourceIds.has(id)) },
  )
  claims.sort(byPosition)

  const conflicts = mergeRecorded(base, ours, theirs)
  const merged: Project = {
    ...ours,
    article,
    ratingScale,
    publication,
    team,
    claims,
    sources,
    conflicts: [],
    updatedAt: later(ours.updatedAt, theirs.updatedAt),
    history: mergeHistory(ours.history, theirs.history),
  }
  const recorded = [...m.recorded.values()].map((c) => ({ ...c, what: describeKey(merged, c.key).what }))
  for (const conflict of recorded) conflicts.set(conflict.key, conflict)
  merged.conflicts = [...conflicts.values()]
  if (recorded.length > 0 || (!same(merged, ours) && !same(merged, theirs))) {
    const entry = historyEntry({
      at: options.now,
      author: options.author,
      action: 'project.merge',
      claimId: null,
      summary: `Merged with ${options.theirsName ?? 'another copy'}${
        recorded.length ? `; ${recorded.length} conflict${recorded.length === 1 ? '' : 's'} to resolve` : ''
      }.`,
    })
    merged.history = [...merged.history, entry]
    merged.updatedAt = later(merged.updatedAt, options.now)
  }
  return { project: merged, conflicts: recorded, articleConflict: false }
}

import { AppError } from '../errors'
import {
  approvalHolds,
  unattributed,
  type Article,
  type Claim,
  type Claimant,
  type ClaimStatus,
  type Project,
  type Publication,
  type RatingScale,
  type Reason,
  type Source,
} from './schema'

/**
 * The edits a checker makes, as pure functions from one project to the next. Each returns the
 * new project and a one-line summary for the history; the store validates the result (offsets
 * included), appends the history entry and autosaves. Claims are kept in article order.
 */

export interface EditContext {
  now: string
  newId: (prefix: string) => string
}

export interface EditOutcome {
  project: Project
  summary: string
  /** The claim the edit is about (for the history and for the UI's selection). */
  claimId: string | null
  /** The edit changed nothing (a field saved with the value it had): no history entry, no undo step. */
  unchanged?: boolean
}

/** Values compared the way the project file would show them: objects and lists by content. */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** A claim the checker has reshaped or taken on is theirs to check, no longer the engine's proposal. */
function takenOn(claim: Claim): Pick<Claim, 'status' | 'origin'> {
  return { status: claim.status === 'suggested' ? 'to-check' : claim.status, origin: 'manual' }
}

/** The check-worthiness of a new range, as the claim engine would score it; the handlers lend it. */
export type Rescore = (start: number, end: number) => { score: number | null; reasons: Reason[] }

export const STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  suggested: 'Suggested',
  dismissed: 'Dismissed',
  'to-check': 'To check',
  'in-progress': 'In progress',
  'needs-review': 'Needs review',
  done: 'Done',
}

/** The workflow order that "cycle status" steps through. */
export const WORKFLOW: readonly ClaimStatus[] = ['to-check', 'in-progress', 'needs-review', 'done']

const byPosition = (a: Claim, b: Claim): number => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id)

/** A claim's words on one line, cut to `max` characters: what a history entry or an error quotes. */
export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function quote(text: string, max = 60): string {
  return `“${clip(text, max)}”`
}

export function findClaim(project: Project, id: string): Claim {
  const claim = project.claims.find((c) => c.id === id)
  if (!claim)
    throw new AppError('NOT_FOUND', `There is no claim ${id} in this project; it may have been merged or removed.`, {
      key: 'claimNotFound',
      params: { id },
    })
  return claim
}

function findSource(project: Project, id: string): Source {
  const source = project.sources.find((s) => s.id === id)
  if (!source) throw new AppError('NOT_FOUND', `There is no source ${id} in this project.`, { key: 'sourceNotFound', params: { id } })
  return source
}

/** An approval is for the verdict and rationale it saw: once either changes, it no longer holds and is withdrawn. */
function withoutStaleApproval(claim: Claim): Claim {
  return claim.approval && !approvalHolds(claim) ? { ...claim, approval: null } : claim
}

function withClaims(project: Project, claims: Claim[], now: string): Project {
  return { ...project, updatedAt: now, claims: claims.map(withoutStaleApproval).sort(byPosition) }
}

/** " Approval by Ana withdrawn.", when an edit of the claim withdrew its approval; else "". */
export function approvalWithdrawn(before: Claim, after: Project): string {
  const now = after.claims.find((c) => c.id === before.id)
  return before.approval && !now?.approval ? ` Approval by ${before.approval.by.name || before.approval.by.email} withdrawn.` : ''
}

function replaceClaim(project: Project, id: string, now: string, change: (claim: Claim) => Claim): Project {
  findClaim(project, id)
  return withClaims(
    project,
    project.claims.map((c) => (c.id === id ? { ...change(c), updatedAt: now } : c)),
    now,
  )
}

/** Shrinks a range over surrounding whitespace; a range with nothing left is refused. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new AppError('INVALID_INPUT', `The range ${start}–${end} is not inside the article (0–${text.length}).`, {
      key: 'rangeOutside',
      params: { start, end, length: text.length },
    })
  }
  let s = start
  let e = end
  while (s < e && /\s/.test(text.charAt(s))) s++
  while (e > s && /\s/.test(text.charAt(e - 1))) e--
  if (s === e)
    throw new AppError('INVALID_INPUT', 'The selection holds only spaces; select the words of the claim.', { key: 'selectionBlank' })
  return { start: s, end: e }
}

const reasonsWithin = (reasons: readonly Reason[], start: number, end: number): Reason[] =>
  reasons.filter((r) => r.start >= start && r.end <= end)

export interface NewClaimInput {
  start: number
  end: number
  score?: number | null
  reasons?: Reason[]
  checker?: string
  /** Who made the claim, as the claim engine found them in the sentence; the checker may change it. */
  claimant?: Claim['claimant']
}

export function createClaim(project: Project, input: NewClaimInput, ctx: EditContext): EditOutcome {
  const { start, end } = trimRange(project.article.text, input.start, input.end)
  const existing = project.claims.find((c) => c.start === start && c.end === end && c.status !== 'dismissed')
  if (existing)
    throw new AppError('ALREADY_EXISTS', `That text is already claim ${quote(existing.text)}.`, {
      key: 'claimExists',
      params: { claim: clip(existing.text) },
    })
  const claim: Claim = {
    id: ctx.newId('c'),
    text: project.article.text.slice(start, end),
    start,
    end,
    origin: 'manual',
    status: 'to-check',
    score: input.score ?? null,
    reasons: reasonsWithin(input.reasons ?? [], start, end),
    verdict: null,
    rationale: '',
    sourceIds: [],
    notes: '',
    checker: input.checker ?? '',
    ...unattributed(),
    claimant: input.claimant ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  return {
    project: withClaims(project, [...project.claims, claim], ctx.now),
    summary: `Claim created: ${quote(claim.text)}.`,
    claimId: claim.id,
  }
}

export function setStatus(project: Project, input: { ids: string[]; status: ClaimStatus }, ctx: EditContext): EditOutcome {
  const ids = new Set(input.ids)
  for (const id of ids) findClaim(project, id)
  const unchanged = project.claims.every((c) => !ids.has(c.id) || c.status === input.status)
  const claims = project.claims.map((c) => (ids.has(c.id) ? { ...c, status: input.status, updatedAt: ctx.now } : c))
  const first = project.claims.find((c) => ids.has(c.id))
  const what = ids.size === 1 && first ? quote(first.text) : `${ids.size} claims`
  const verb =
    input.status === 'dismissed'
      ? `Dismissed ${what}`
      : input.status === 'to-check' && first?.status === 'suggested'
        ? `Accepted ${what}`
        : `Status of ${what} set to ${STATUS_LABELS[input.status]}`
  return {
    project: withClaims(project, claims, ctx.now),
    summary: `${verb}.`,
    claimId: ids.size === 1 ? (first?.id ?? null) : null,
    unchanged,
  }
}

/**
 * Accepting turns suggestions into claims to check; claims that are not suggestions are left as
 * they are. The checker who accepts becomes the claim's checker unless it already has one.
 */
export function acceptClaims(project: Project, ids: string[], ctx: EditContext, checker = ''): EditOutcome {
  const suggested = ids.filter((id) => findClaim(project, id).status === 'suggested' || findClaim(project, id).status === 'dismissed')
  if (suggested.length === 0)
    throw new AppError('INVALID_INPUT', 'Only suggested or dismissed claims can be accepted.', { key: 'acceptOnlySuggested' })
  const outcome = setStatus(project, { ids: suggested, status: 'to-check' }, ctx)
  const accepted = new Set(suggested)
  const claims = outcome.project.claims.map((c) => (accepted.has(c.id) && !c.checker && checker ? { ...c, checker } : c))
  return {
    ...outcome,
    project: { ...outcome.project, claims },
    summary: outcome.summary.replace(/^Status of (.*) set to To check/, 'Accepted $1'),
  }
}

export function setVerdict(
  project: Project,
  input: { id: string; verdict: string | null; checker?: string },
  ctx: EditContext,
): EditOutcome {
  const label = input.verdict === null ? null : project.ratingScale.labels.find((l) => l.id === input.verdict)
  if (label === undefined)
    throw new AppError('INVALID_INPUT', `"${input.verdict ?? ''}" is not a label of the rating scale "${project.ratingScale.name}".`, {
      key: 'verdictNotOnScale',
      params: { verdict: input.verdict ?? '', scale: project.ratingScale.name },
    })
  const claim = findClaim(project, input.id)
  // A verdict on a suggestion means the checker took it on.
  const takesOn = claim.status === 'suggested' || claim.status === 'dismissed'
  const next = replaceClaim(project, input.id, ctx.now, (c) => ({
    ...c,
    verdict: label?.id ?? null,
    status: takesOn ? 'in-progress' : c.status,
    checker: takesOn && !c.checker ? (input.checker ?? '') : c.checker,
  }))
  return {
    project: next,
    summary:
      (label ? `Verdict of ${quote(claim.text)} set to ${label.label}.` : `Verdict of ${quote(claim.text)} cleared.`) +
      approvalWithdrawn(claim, next),
    claimId: claim.id,
    unchanged: claim.verdict === (label?.id ?? null),
  }
}

export type ClaimFields = Partial<
  Pick<Claim, 'rationale' | 'notes' | 'checker' | 'claimant' | 'claimDate' | 'appearances' | 'claimReviewed'>
>

/**
 * An edit of a claim's fields. The claimant is changed field by field (its name, kind, role or
 * page), merged into the claimant the project holds when the edit arrives, so two fields saved
 * one after the other can never undo each other; null clears the claimant.
 */
export type ClaimEdit = Omit<ClaimFields, 'claimant'> & { claimant?: Partial<Claimant> | null }

function mergedClaimant(claim: Claim, patch: Partial<Claimant> | null): Claimant | null {
  if (patch === null) return null
  const { name = '', kind = 'person', role = '', url = '' } = { ...claim.claimant, ...patch }
  // In the schema's key order, so an unchanged claimant compares equal to the one saved.
  const merged: Claimant = { name, kind, role, url }
  if (!merged.name.trim())
    throw new AppError('INVALID_INPUT', `Name who made the claim ${quote(claim.text, 40)} first, then their role and page.`, {
      key: 'claimantFirst',
      params: { claim: clip(claim.text, 40) },
    })
  return merged
}

const FIELD_NAMES: Record<keyof ClaimFields, string> = {
  rationale: 'Rationale',
  notes: 'Notes',
  checker: 'Checker',
  claimant: 'Claimant',
  claimDate: 'Claim date',
  appearances: 'Appearances',
  claimReviewed: 'ClaimReview statement',
}

export function updateClaim(project: Project, input: { id: string; fields: ClaimEdit }, ctx: EditContext): EditOutcome {
  const claim = findClaim(project, input.id)
  // Rebuilt in the order the fields came, so the history names them as the checker changed them.
  const resolved: ClaimFields = {}
  for (const key of Object.keys(input.fields) as (keyof ClaimEdit)[]) {
    if (key === 'claimant') {
      if (input.fields.claimant !== undefined) resolved.claimant = mergedClaimant(claim, input.fields.claimant)
    } else {
      Object.assign(resolved, { [key]: input.fields[key] })
    }
  }
  const changed = (Object.keys(resolved) as (keyof ClaimFields)[]).filter((k) => resolved[k] !== undefined && !same(resolved[k], claim[k]))
  const fields = Object.fromEntries(changed.map((k) => [k, resolved[k]])) as ClaimFields
  const next = changed.length ? replaceClaim(project, input.id, ctx.now, (c) => ({ ...c, ...fields })) : project
  const names = changed.map((k) => FIELD_NAMES[k]).join(', ') || 'Nothing'
  return {
    project: next,
    summary: `${names} of ${quote(claim.text)} edited.${approvalWithdrawn(claim, next)}`,
    claimId: claim.id,
    unchanged: changed.length === 0,
  }
}

const STATUS_RANK: Record<ClaimStatus, number> = { dismissed: 0, suggested: 1, 'to-check': 2, 'in-progress': 3, 'needs-review': 4, done: 5 }

/**
 * Whether two claims can be merged: they overlap or only white space lies between them. Text
 * between them that neither holds (an unproposed sentence, a dismissed proposal) would join a claim
 * the checker never chose; they select that passage in the article instead.
 */
export function canMerge(text: string, a: Pick<Claim, 'start' | 'end'>, b: Pick<Claim, 'start' | 'end'>): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a]
  return second.start <= first.end || text.slice(first.end, second.start).trim() === ''
}

function joinText(a: string, b: string): string {
  return [a, b].filter(Boolean).join('\n\n')
}

function mergedAppearances(a: Claim, b: Claim): Claim['appearances'] {
  const seen = new Set<string>()
  return [...a.appearances, ...b.appearances].filter((appearance) => {
    const key = JSON.stringify(appearance)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Two neighbouring claims become one spanning both; the first keeps its id. The merged claim is the
 * checker's (no longer a suggestion), scored afresh when `rescore` is given.
 */
export function mergeClaims(project: Project, input: { ids: [string, string]; rescore?: Rescore }, ctx: EditContext): EditOutcome {
  const [a, b] = [findClaim(project, input.ids[0]), findClaim(project, input.ids[1])].sort(byPosition) as [Claim, Claim]
  if (a.id === b.id) throw new AppError('INVALID_INPUT', 'Choose two different claims to merge.', { key: 'mergeSame' })
  if (!canMerge(project.article.text, a, b)) {
    throw new AppError(
      'INVALID_INPUT',
      `Text that is in neither claim lies between ${quote(a.text, 30)} and ${quote(b.text, 30)}, so they were not merged. To make one claim of the whole passage, select it in the article and press C.`,
      { key: 'mergeGap', params: { first: clip(a.text, 30), second: clip(b.text, 30) } },
    )
  }
  const start = Math.min(a.start, b.start)
  const end = Math.max(a.end, b.end)
  const less = STATUS_RANK[a.status] <= STATUS_RANK[b.status] ? a : b
  const scored = input.rescore?.(start, end) ?? {
    score: a.score === null || b.score === null ? (a.score ?? b.score) : Math.max(a.score, b.score),
    reasons: [...a.reasons, ...b.reasons],
  }
  const merged: Claim = {
    ...a,
    text: project.article.text.slice(start, end),
    start,
    end,
    // The merged claim is as far along as the less advanced of the two, and the checker's.
    ...takenOn(less),
    score: scored.score,
    reasons: scored.reasons,
    verdict: a.verdict === b.verdict ? a.verdict : null,
    rationale: joinText(a.rationale, b.rationale),
    sourceIds: [...new Set([...a.sourceIds, ...b.sourceIds])],
    notes: joinText(
      joinText(a.notes, b.notes),
      a.verdict !== b.verdict && a.verdict && b.verdict ? `Verdicts before merging: ${a.verdict} and ${b.verdict}.` : '',
    ),
    checker: a.checker || b.checker,
    claimant: a.claimant ?? b.claimant,
    claimDate: a.claimDate || b.claimDate,
    appearances: mergedAppearances(a, b),
    // A short statement of one half no longer states the whole.
    claimReviewed: '',
    updatedAt: ctx.now,
  }
  const claims = project.claims.filter((c) => c.id !== a.id && c.id !== b.id).concat(merged)
  return {
    project: withClaims(project, claims, ctx.now),
    summary: `Merged ${quote(a.text, 30)} and ${quote(b.text, 30)}.`,
    claimId: merged.id,
  }
}

/** Splits a claim at an article offset into two claims; the second is new and starts unrated. */
export function splitClaim(project: Project, input: { id: string; at: number }, ctx: EditContext): EditOutcome {
  const claim = findClaim(project, input.id)
  if (input.at <= claim.start || input.at >= claim.end)
    throw new AppError('INVALID_INPUT', 'Put the caret inside the claim text to split it.', { key: 'splitOutside' })
  const text = project.article.text
  let first: { start: number; end: number }
  let second: { start: number; end: number }
  try {
    first = trimRange(text, claim.start, input.at)
    second = trimRange(text, input.at, claim.end)
  } catch {
    throw new AppError('INVALID_INPUT', 'Splitting there would leave one part empty; put the caret between words.', { key: 'splitEmpty' })
  }
  const left: Claim = {
    ...claim,
    ...first,
    ...takenOn(claim),
    text: text.slice(first.start, first.end),
    reasons: reasonsWithin(claim.reasons, first.start, first.end),
    claimReviewed: '',
    updatedAt: ctx.now,
  }
  const right: Claim = {
    ...claim,
    ...second,
    ...takenOn(claim),
    id: ctx.newId('c'),
    text: text.slice(second.start, second.end),
    reasons: reasonsWithin(claim.reasons, second.start, second.end),
    verdict: null,
    rationale: '',
    notes: '',
    claimReviewed: '',
    // The discussion and the approval were about the whole claim, which the first part keeps.
    comments: [],
    approval: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const claims = project.claims.filter((c) => c.id !== claim.id).concat(left, right)
  return { project: withClaims(project, claims, ctx.now), summary: `Split ${quote(claim.text, 40)} into two claims.`, claimId: claim.id }
}

/** New boundaries for a claim, which makes it the checker's; reasons outside them are dropped unless it is scored afresh. */
export function adjustClaim(
  project: Project,
  input: { id: string; start: number; end: number; rescore?: Rescore },
  ctx: EditContext,
): EditOutcome {
  const claim = findClaim(project, input.id)
  const range = trimRange(project.article.text, input.start, input.end)
  const scored = input.rescore?.(range.start, range.end)
  const next = replaceClaim(project, claim.id, ctx.now, (c) => ({
    ...c,
    ...range,
    ...takenOn(c),
    text: project.article.text.slice(range.start, range.end),
    ...(scored ?? { reasons: reasonsWithin(c.reasons, range.start, range.end) }),
  }))
  return {
    project: next,
    summary: `Boundaries of ${quote(claim.text, 40)} changed to ${quote(project.article.text.slice(range.start, range.end), 40)}.`,
    claimId: claim.id,
    unchanged: range.start === claim.start && range.end === claim.end,
  }
}

export type SourceFields = Pick<Source, 'url' | 'title' | 'publisher' | 'date' | 'excerpt' | 'archiveUrl' | 'reliability' | 'accessedAt'>

const sourceName = (s: Pick<Source, 'title' | 'url'>): string => quote(s.title || s.url || 'untitled source', 50)

export function addSource(
  project: Project,
  input: { fields: SourceFields; claimId: string | null },
  ctx: EditContext,
): EditOutcome & { sourceId: string } {
  const source: Source = {
    id: ctx.newId('s'),
    ...input.fields,
    attachment: '',
    attachmentSha256: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  let next: Project = { ...project, updatedAt: ctx.now, sources: [...project.sources, source] }
  if (input.claimId) next = replaceClaim(next, input.claimId, ctx.now, (c) => ({ ...c, sourceIds: [...c.sourceIds, source.id] }))
  return { project: next, summary: `Source ${sourceName(source)} added.`, claimId: input.claimId, sourceId: source.id }
}

export function updateSource(project: Project, input: { id: string; fields: Partial<SourceFields> }, ctx: EditContext): EditOutcome {
  const source = findSource(project, input.id)
  const changed = (Object.keys(input.fields) as (keyof SourceFields)[]).some(
    (k) => input.fields[k] !== undefined && input.fields[k] !== source[k],
  )
  const sources = project.sources.map((s) => (s.id === source.id ? { ...s, ...input.fields, updatedAt: ctx.now } : s))
  return {
    project: changed ? { ...project, updatedAt: ctx.now, sources } : project,
    summary: `Source ${sourceName({ ...source, ...input.fields })} edited.`,
    claimId: null,
    unchanged: !changed,
  }
}

/** Records a file copied in beside the project, with the SHA-256 of its bytes so a reader can tell it is the same file. */
export function setSourceAttachment(
  project: Project,
  input: { id: string; attachment: string; sha256: string; bytes?: number },
  ctx: EditContext,
): EditOutcome {
  const source = findSource(project, input.id)
  const sources = project.sources.map((s) =>
    s.id === source.id
      ? { ...s, attachment: input.attachment, attachmentSha256: input.sha256, attachmentBytes: input.bytes, updatedAt: ctx.now }
      : s,
  )
  return { project: { ...project, updatedAt: ctx.now, sources }, summary: `File attached to source ${sourceName(source)}.`, claimId: null }
}

/** Removes a source from the project and from every claim that cited it. */
export function deleteSource(project: Project, input: { id: string }, ctx: EditContext): EditOutcome {
  const source = findSource(project, input.id)
  const claims = project.claims.map((c) =>
    c.sourceIds.includes(source.id) ? { ...c, sourceIds: c.sourceIds.filter((id) => id !== source.id), updatedAt: ctx.now } : c,
  )
  return {
    project: { ...project, updatedAt: ctx.now, claims, sources: project.sources.filter((s) => s.id !== source.id) },
    summary: `Source ${sourceName(source)} removed.`,
    claimId: null,
  }
}

export function attachSource(project: Project, input: { claimId: string; sourceId: string }, ctx: EditContext): EditOutcome {
  const source = findSource(project, input.sourceId)
  const claim = findClaim(project, input.claimId)
  if (claim.sourceIds.includes(source.id))
    throw new AppError('ALREADY_EXISTS', `${sourceName(source)} is already a source of this claim.`, {
      key: 'sourceAlreadyCited',
      params: { source: clip(source.title || source.url || 'untitled source', 50) },
    })
  const next = replaceClaim(project, claim.id, ctx.now, (c) => ({ ...c, sourceIds: [...c.sourceIds, source.id] }))
  return { project: next, summary: `Source ${sourceName(source)} cited for ${quote(claim.text, 40)}.`, claimId: claim.id }
}

export function detachSource(project: Project, input: { claimId: string; sourceId: string }, ctx: EditContext): EditOutcome {
  const source = findSource(project, input.sourceId)
  const claim = findClaim(project, input.claimId)
  const next = replaceClaim(project, claim.id, ctx.now, (c) => ({ ...c, sourceIds: c.sourceIds.filter((id) => id !== source.id) }))
  return { project: next, summary: `Source ${sourceName(source)} no longer cited for ${quote(claim.text, 40)}.`, claimId: claim.id }
}

/**
 * Switches the project's rating scale. A verdict whose label the new scale lacks is cleared,
 * and the old label is written into the claim's notes so nothing a checker decided is lost.
 */
export function setRatingScale(project: Project, input: { scale: RatingScale }, ctx: EditContext): EditOutcome {
  const oldLabels = new Map(project.ratingScale.labels.map((l) => [l.id, l.label]))
  const kept = new Set(input.scale.labels.map((l) => l.id))
  let cleared = 0
  const claims = project.claims.map((c) => {
    if (c.verdict === null || kept.has(c.verdict)) return c
    cleared++
    const note = `Verdict on the previous scale (${project.ratingScale.name}): ${oldLabels.get(c.verdict) ?? c.verdict}.`
    return { ...c, verdict: null, notes: [c.notes, note].filter(Boolean).join('\n\n'), updatedAt: ctx.now }
  })
  const summary = `Rating scale set to ${input.scale.name}${cleared ? `; ${cleared} verdicts moved into notes` : ''}.`
  return {
    project: { ...project, updatedAt: ctx.now, ratingScale: input.scale, claims: claims.map(withoutStaleApproval) },
    summary,
    claimId: null,
  }
}

export type ArticleFields = Partial<Omit<Article, 'text'>>

export function updateArticle(project: Project, input: { fields: ArticleFields }, ctx: EditContext): EditOutcome {
  const changed = Object.keys(input.fields).filter(
    (k) => input.fields[k as keyof ArticleFields] !== project.article[k as keyof ArticleFields],
  )
  return {
    project: { ...project, updatedAt: ctx.now, article: { ...project.article, ...input.fields } },
    summary: `Article details edited (${changed.join(', ') || 'no change'}).`,
    claimId: null,
    unchanged: changed.length === 0,
  }
}

const PUBLICATION_NAMES: Record<keyof Publication, string> = { reviewUrl: 'address', publishedAt: 'publication date' }

/** Where and when the fact check is published, remembered with the project for every ClaimReview export. */
export function setPublication(project: Project, input: { fields: Partial<Publication> }, ctx: EditContext): EditOutcome {
  const changed = (Object.keys(input.fields) as (keyof Publication)[]).filter(
    (k) => input.fields[k] !== undefined && input.fields[k] !== project.publication[k],
  )
  return {
    project: { ...project, updatedAt: ctx.now, publication: { ...project.publication, ...input.fields } },
    summary: `Fact check ${changed.map((k) => PUBLICATION_NAMES[k]).join(' and ') || 'details'} set.`,
    claimId: null,
    unchanged: changed.length === 0,
  }
}

/** An earlier check to reuse: what "seen before" found, as the handler read it from its project or archive. */
export interface EarlierCheck {
  /** The verdict's label as published or chosen there ("False"); matched to this project's scale by name. */
  verdictLabel: string
  rationale: string
  sources: SourceFields[]
  /** Where it came from, for the history entry: the project's title or the archive's name, and a link. */
  from: { container: string; claimText: string; link: string }
}

const sameLabel = (a: string, b: string): boolean =>
  a.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase() === b.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase()

/**
 * Reuses an earlier check in one undoable edit: its verdict (when this project's scale has a label
 * of that name), its rationale (after this claim's own, if any) and its sources (a source already
 * in the project, by address, is cited rather than copied). The history entry names the earlier
 * project or archive and links to it.
 */
export function reuseCheck(
  project: Project,
  input: { id: string; earlier: EarlierCheck; checker?: string },
  ctx: EditContext,
): EditOutcome {
  const claim = findClaim(project, input.id)
  const { earlier } = input
  const label = earlier.verdictLabel ? project.ratingScale.labels.find((l) => sameLabel(l.label, earlier.verdictLabel)) : undefined
  let next: Project = project
  const cited: string[] = []
  for (const fields of earlier.sources) {
    const existing = fields.url ? next.sources.find((s) => s.url === fields.url) : undefined
    if (existing) {
      cited.push(existing.id)
      continue
    }
    const added = addSource(next, { fields, claimId: null }, ctx)
    next = added.project
    cited.push(added.sourceId)
  }
  const rationale = earlier.rationale.trim()
  next = replaceClaim(next, claim.id, ctx.now, (c) => ({
    ...c,
    verdict: label ? label.id : c.verdict,
    rationale:
      !rationale || c.rationale.includes(rationale)
        ? c.rationale
        : c.rationale.trim()
          ? `${c.rationale.trim()}\n\n${rationale}`
          : rationale,
    sourceIds: [...c.sourceIds, ...cited.filter((id) => !c.sourceIds.includes(id))],
    status: c.status === 'suggested' || c.status === 'dismissed' ? 'in-progress' : c.status,
    checker: c.checker || (input.checker ?? ''),
  }))
  const verdictPart = label
    ? `verdict ${label.label}`
    : earlier.verdictLabel
      ? `its verdict "${earlier.verdictLabel}" is not on this scale, so the verdict was left as it was`
      : 'it had no verdict'
  const sourcesPart = `${cited.length} source${cited.length === 1 ? '' : 's'}`
  return {
    project: next,
    summary: `Reused the check of ${quote(earlier.from.claimText)} in “${earlier.from.container.slice(0, 200)}” (${earlier.from.link.slice(0, 1000)}): ${verdictPart}, ${rationale ? 'rationale' : 'no rationale'}, ${sourcesPart}.`,
    claimId: claim.id,
  }
}

import { AppError } from '../errors'
import { clip, setRatingScale, STATUS_LABELS, type EditContext, type EditOutcome } from './ops'
import { approvalHolds, reviewDigest, type Claim, type ConflictValue, type Person, type Project, type RecordedConflict } from './schema'

/**
 * Team work as pure edits: who checks a claim, who reviews it, the comment thread, the second
 * checker's approval, the project's review rule, and picking one value of a recorded conflict.
 */

/** "Ana Lima <ana@desk.org>", or whichever of the two is known. */
export function personLabel(person: Person): string {
  if (person.name && person.email) return `${person.name} <${person.email}>`
  return person.name || person.email || 'someone'
}

/** The same checker: by e-mail when both have one (names are typed differently), else by name. */
export function samePerson(a: Person | null, b: Person | null): boolean {
  if (!a || !b) return false
  if (a.email && b.email) return a.email.trim().toLowerCase() === b.email.trim().toLowerCase()
  return a.name.trim() !== '' && a.name.trim().toLowerCase() === b.name.trim().toLowerCase()
}

/** Whether the person is the claim's checker: its assignee, or the checker it names. */
export function isClaimChecker(claim: Claim, person: Person): boolean {
  if (samePerson(claim.assignee, person)) return true
  return claim.checker.trim() !== '' && claim.checker.trim().toLowerCase() === person.name.trim().toLowerCase()
}

/** A verdict goes into reports and ClaimReview only when the project needs no review, or a second checker approved it as it is. */
export function isPublishable(project: Pick<Project, 'team'>, claim: Claim): boolean {
  return !project.team.requireReview || approvalHolds(claim)
}

function quote(text: string, max = 50): string {
  return `“${clip(text, max)}”`
}

function find(project: Project, id: string): Claim {
  const claim = project.claims.find((c) => c.id === id)
  if (!claim)
    throw new AppError('NOT_FOUND', `There is no claim ${id} in this project; it may have been merged or removed.`, {
      key: 'claimNotFound',
      params: { id },
    })
  return claim
}

function replace(project: Project, id: string, now: string, change: (claim: Claim) => Claim): Project {
  return { ...project, updatedAt: now, claims: project.claims.map((c) => (c.id === id ? { ...change(c), updatedAt: now } : c)) }
}

function needIdentity(person: Person, what: string, key: string): void {
  if (!person.name.trim() && !person.email.trim()) {
    throw new AppError('INVALID_INPUT', `${what} needs your name or e-mail: set them in Settings first.`, { key })
  }
}

export function assignClaim(project: Project, input: { id: string; assignee: Person | null }, ctx: EditContext): EditOutcome {
  const claim = find(project, input.id)
  const unchanged = JSON.stringify(claim.assignee) === JSON.stringify(input.assignee)
  return {
    project: replace(project, claim.id, ctx.now, (c) => ({ ...c, assignee: input.assignee })),
    summary: input.assignee
      ? `${quote(claim.text)} assigned to ${personLabel(input.assignee)}.`
      : `${quote(claim.text)} no longer assigned to anyone.`,
    claimId: claim.id,
    unchanged,
  }
}

export function setReviewer(project: Project, input: { id: string; reviewer: Person | null }, ctx: EditContext): EditOutcome {
  const claim = find(project, input.id)
  if (input.reviewer && isClaimChecker(claim, input.reviewer)) {
    throw new AppError('INVALID_INPUT', `${personLabel(input.reviewer)} checks ${quote(claim.text)}; ask someone else to review it.`, {
      key: 'reviewerIsChecker',
      params: { person: personLabel(input.reviewer), claim: clip(claim.text, 50) },
    })
  }
  return {
    project: replace(project, claim.id, ctx.now, (c) => ({ ...c, reviewer: input.reviewer })),
    summary: input.reviewer
      ? `${personLabel(input.reviewer)} asked to review ${quote(claim.text)}.`
      : `Nobody is asked to review ${quote(claim.text)} now.`,
    claimId: claim.id,
    unchanged: JSON.stringify(claim.reviewer) === JSON.stringify(input.reviewer),
  }
}

export function addComment(project: Project, input: { id: string; text: string; author: Person }, ctx: EditContext): EditOutcome {
  const claim = find(project, input.id)
  const text = input.text.trim()
  if (!text) throw new AppError('INVALID_INPUT', 'The comment is empty; write something first.', { key: 'commentEmpty' })
  needIdentity(input.author, 'A comment', 'commentNeedsIdentity')
  const comment = { id: ctx.newId('m'), author: input.author, at: ctx.now, text, withdrawnAt: null }
  return {
    project: replace(project, claim.id, ctx.now, (c) => ({ ...c, comments: [...c.comments, comment] })),
    summary: `${personLabel(input.author)} commented on ${quote(claim.text)}: ${quote(text, 80)}`,
    claimId: claim.id,
  }
}

/** A comment is withdrawn, never edited or deleted: only its author withdraws it, and it stays marked as withdrawn. */
export function withdrawComment(project: Project, input: { id: string; commentId: string; by: Person }, ctx: EditContext): EditOutcome {
  const claim = find(project, input.id)
  const comment = claim.comments.find((c) => c.id === input.commentId)
  if (!comment)
    throw new AppError('NOT_FOUND', `There is no comment ${input.commentId} on ${quote(claim.text)}.`, {
      key: 'commentNotFound',
      params: { id: input.commentId, claim: clip(claim.text, 50) },
    })
  if (!samePerson(comment.author, input.by)) {
    throw new AppError('FORBIDDEN', `Only ${personLabel(comment.author)}, who wrote it, can withdraw this comment.`, {
      key: 'commentNotYours',
      params: { person: personLabel(comment.author) },
    })
  }
  return {
    project: replace(project, claim.id, ctx.now, (c) => ({
      ...c,
      comments: c.comments.map((m) => (m.id === comment.id ? { ...m, withdrawnAt: m.withdrawnAt ?? ctx.now } : m)),
    })),
    summary: `${personLabel(input.by)} withdrew a comment on ${quote(claim.text)}.`,
    claimId: claim.id,
    unchanged: comment.withdrawnAt !== null,
  }
}

/** A second checker approves the verdict and rationale as they are now; their checker cannot. */
export function approveClaim(project: Project, input: { id: string; by: Person }, ctx: EditContext): EditOutcome {
  const claim = find(project, input.id)
  needIdentity(input.by, 'Approving a verdict', 'approvalNeedsIdentity')
  if (claim.verdict === null)
    throw new AppError('INVALID_INPUT', `${quote(claim.text)} has no verdict yet; there is nothing to approve.`, {
      key: 'nothingToApprove',
      params: { claim: clip(claim.text, 50) },
    })
  if (isClaimChecker(claim, input.by)) {
    throw new AppError(
      'FORBIDDEN',
      `You are the checker of ${quote(claim.text)}, and a verdict needs a second checker's approval; ask a colleague to review it.`,
      { key: 'ownVerdict', params: { claim: clip(claim.text, 50) } },
    )
  }
  const label = project.ratingScale.labels.find((l) => l.id === claim.verdict)?.label ?? claim.verdict
  return {
    project: replace(project, claim.id, ctx.now, (c) => ({ ...c, approval: { by: input.by, at: ctx.now, digest: reviewDigest(c) } })),
    summary: `${personLabel(input.by)} approved the verdict ${label} of ${quote(claim.text)}.`,
    claimId: claim.id,
    unchanged: approvalHolds(claim) && samePerson(claim.approval?.by ?? null, input.by),
  }
}

export function withdrawApproval(project: Project, input: { id: string; by: Person }, ctx: EditContext): EditOutcome {
  const claim = find(project, input.id)
  if (!claim.approval)
    throw new AppError('INVALID_INPUT', `${quote(claim.text)} is not approved.`, {
      key: 'notApproved',
      params: { claim: clip(claim.text, 50) },
    })
  return {
    project: replace(project, claim.id, ctx.now, (c) => ({ ...c, approval: null })),
    summary: `${personLabel(input.by)} withdrew the approval of ${quote(claim.text)}.`,
    claimId: claim.id,
  }
}

export function setRequireReview(project: Project, input: { required: boolean }, ctx: EditContext): EditOutcome {
  return {
    project: { ...project, updatedAt: ctx.now, team: { ...project.team, requireReview: input.required } },
    summary: input.required
      ? 'Review required: a verdict is published only once a second checker approved it.'
      : 'Review no longer required before a verdict is published.',
    claimId: null,
    unchanged: project.team.requireReview === input.required,
  }
}

/** A conflict's value as a checker reads it: a verdict's label, a status's name, a person, the text itself. */
export function describeConflictValue(project: Project, conflict: RecordedConflict, value: ConflictValue['value']): string {
  const field = conflict.key.includes('.') ? conflict.key.slice(conflict.key.indexOf('.') + 1) : ''
  if (value === null) return field === 'verdict' ? '(no verdict)' : '(empty)'
  if (field === 'verdict' && typeof value === 'string') return project.ratingScale.labels.find((l) => l.id === value)?.label ?? value
  if (field === 'status' && typeof value === 'string')
    return Object.hasOwn(STATUS_LABELS, value) ? STATUS_LABELS[value as Claim['status']] : value
  if ((field === 'assignee' || field === 'reviewer') && typeof value === 'object' && !Array.isArray(value))
    return personLabel(value as Person)
  if (field === 'range' && typeof value === 'object' && !Array.isArray(value))
    return typeof value.text === 'string' ? quote(value.text, 120) : JSON.stringify(value.text)
  if (conflict.key === 'scale' && typeof value === 'object' && !Array.isArray(value))
    return typeof value.name === 'string' ? value.name : JSON.stringify(value.name)
  if (value === 'removed') return 'removed'
  if (value === 'kept') return 'kept and changed'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function setRecordField<T extends { id: string }>(items: readonly T[], id: string, patch: Partial<T>, now: string): T[] {
  return items.map((item) => (item.id === id ? { ...item, ...patch, updatedAt: now } : item))
}

/**
 * The checker picks one value of a recorded conflict: the field takes it and the conflict is gone.
 * For a record one side removed, "removed" removes it. The store validates the result.
 */
export function resolveConflict(project: Project, input: { key: string; pick: number }, ctx: EditContext): EditOutcome {
  const conflict = project.conflicts.find((c) => c.key === input.key)
  if (!conflict)
    throw new AppError('NOT_FOUND', `There is no conflict over ${input.key} in this project; it may have been resolved.`, {
      key: 'conflictNotFound',
    })
  const chosen = conflict.values[input.pick]
  if (!chosen)
    throw new AppError('INVALID_INPUT', `A conflict has two values to pick from, 0 or 1, not ${input.pick}.`, {
      key: 'conflictPick',
      params: { pick: input.pick },
    })
  const value = chosen.value as never
  let next: Project = { ...project, updatedAt: ctx.now, conflicts: project.conflicts.filter((c) => c !== conflict) }
  const [head = '', field] = conflict.key.split(/\.(.*)/s, 2)
  const [kind, id = ''] = head.split(':', 2)
  if (kind === 'claim') {
    if (field === undefined) {
      if (chosen.value === 'removed') next = { ...next, claims: next.claims.filter((c) => c.id !== id) }
    } else {
      const patch = field === 'range' ? (value as Partial<Claim>) : ({ [field]: value } as Partial<Claim>)
      const claims = setRecordField(next.claims, id, patch, ctx.now).map((c) =>
        c.approval && !approvalHolds(c) ? { ...c, approval: null } : c,
      )
      next = { ...next, claims: claims.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id)) }
    }
  } else if (kind === 'source') {
    if (field === undefined) {
      if (chosen.value === 'removed') {
        next = {
          ...next,
          sources: next.sources.filter((s) => s.id !== id),
          claims: next.claims.map((c) => (c.sourceIds.includes(id) ? { ...c, sourceIds: c.sourceIds.filter((s) => s !== id) } : c)),
        }
      }
    } else {
      next = { ...next, sources: setRecordField(next.sources, id, field === 'attachment' ? value : { [field]: value }, ctx.now) }
    }
  } else if (conflict.key === 'scale') {
    next = setRatingScale(next, { scale: value }, ctx).project
  } else if (conflict.key.startsWith('article.') && conflict.key !== 'article.text') {
    next = { ...next, article: { ...next.article, [conflict.key.slice('article.'.length)]: value } }
  } else if (conflict.key.startsWith('project.')) {
    next = { ...next, [conflict.key.slice('project.'.length)]: value }
  }
  const shown = describeConflictValue(project, conflict, chosen.value)
  return {
    project: next,
    summary: `Conflict over ${conflict.what || conflict.key} resolved: kept ${quote(shown, 60)}${chosen.by ? ` (${chosen.by})` : ''}.`,
    claimId: kind === 'claim' ? id : null,
  }
}

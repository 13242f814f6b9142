import { reanchorClaims, type AnchorResult, type AnchorState } from '../anchoring/reanchor'
import type { EditContext, EditOutcome } from '../project/ops'
import type { ArticleOrigin, Claim, Project } from '../project/schema'

/** What a newer version did to the claims: each state's count, for the history entry and the checker. */
export type VersionCounts = Record<AnchorState, number>

/** Moves a claim's reasons with it; a reason whose words are no longer there at its place is dropped, never guessed. */
function movedReasons(claim: Claim, result: AnchorResult, text: string): Claim['reasons'] {
  const after = result.after
  if (!after) return []
  const shift = after.start - result.before.start
  return claim.reasons.flatMap((reason) => {
    const start = reason.start + shift
    const end = reason.end + shift
    return start >= after.start && end <= after.end && text.slice(start, end) === reason.text ? [{ ...reason, start, end }] : []
  })
}

/**
 * Replaces the article's text with a newer version: the earlier text is kept as a version, every
 * claim is found again in the new text (domain/anchoring) and marked unchanged, moved or changed,
 * and a claim that is gone leaves the claim list for that earlier version's `removedClaims`.
 */
export function importNewVersion(
  project: Project,
  input: { text: string; origin: ArticleOrigin },
  ctx: EditContext,
): EditOutcome & { counts: VersionCounts } {
  const oldText = project.article.text
  const results = reanchorClaims(
    oldText,
    input.text,
    project.claims.map((c) => ({ id: c.id, start: c.start, end: c.end, text: c.text })),
    { language: project.article.language },
  )
  const byId = new Map(results.map((r) => [r.claimId, r]))
  const number = project.evidence.versions.length + 1
  const counts: VersionCounts = { unchanged: 0, moved: 0, changed: 0, gone: 0 }
  const kept: Claim[] = []
  const removed: Claim[] = []
  for (const claim of project.claims) {
    const result = byId.get(claim.id)
    if (!result?.after || result.state === 'gone') {
      counts.gone++
      removed.push(claim)
      continue
    }
    counts[result.state]++
    kept.push({
      ...claim,
      start: result.after.start,
      end: result.after.end,
      text: result.after.text,
      reasons: movedReasons(claim, result, input.text),
      anchor: { state: result.state, version: number + 1, previousText: claim.text, similarity: result.similarity },
    })
  }
  const summary = `Newer version of the article imported (version ${number + 1}): ${counts.unchanged} claims unchanged, ${counts.moved} moved, ${counts.changed} changed, ${counts.gone} gone.`
  return {
    project: {
      ...project,
      updatedAt: ctx.now,
      article: { ...project.article, text: input.text },
      claims: kept,
      evidence: {
        origin: input.origin,
        versions: [
          ...project.evidence.versions,
          { number, text: oldText, origin: project.evidence.origin, replacedAt: ctx.now, removedClaims: removed },
        ],
      },
    },
    summary,
    claimId: null,
    counts,
  }
}

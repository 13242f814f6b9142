import type { Claim, Project } from '@domain/project/schema'

/** A proposal the checker has not yet accepted or dismissed. */
export const isUndecided = (claim: Claim): boolean => claim.status === 'suggested'

/** A claim taken on that still has no verdict. */
const isUnrated = (claim: Claim): boolean => claim.status !== 'dismissed' && claim.verdict === null

/**
 * The claim to go to after deciding on `from`: the next proposal still to accept or dismiss, in the
 * order the list shows (`order`, read before the decision so a filter that hides decided claims
 * does not lose the place), wrapping round to the top; once every proposal is decided, the next
 * claim without a verdict. Null when nothing is left to decide.
 */
export function nextToDecide(order: readonly string[], project: Project, from: string): string | null {
  const byId = new Map(project.claims.map((c) => [c.id, c]))
  const at = order.indexOf(from)
  const around = at === -1 ? order : [...order.slice(at + 1), ...order.slice(0, at)]
  const candidates = around.filter((id) => id !== from).flatMap((id) => byId.get(id) ?? [])
  return (candidates.find(isUndecided) ?? candidates.find(isUnrated))?.id ?? null
}

/** "12 of 20 decided": proposals accepted or dismissed, and claims the checker made, of every claim. */
export function decidedCount(project: Project): { decided: number; total: number } {
  const total = project.claims.length
  return { decided: total - project.claims.filter(isUndecided).length, total }
}

import { compareByCheckworthiness } from '@domain/claims/ranking'
import { approvalHolds, type Claim, type ClaimStatus, type Person, type Project } from '@domain/project/schema'
import { samePerson } from '@domain/project/team-ops'

/** Which claims the list shows: every claim, the proposals, the accepted ones, or one status. */
export type StatusFilter = 'all' | 'suggested' | 'accepted' | ClaimStatus
export interface ClaimFilters {
  status: StatusFilter
  /** 'any', 'none' (no verdict yet) or a label id. */
  verdict: string
  text: string
  sort: 'position' | 'score'
  /** Team work: every claim, those assigned to me, or those waiting for my review (I am the reviewer, not approved yet). */
  team: 'any' | 'mine' | 'review'
}

/** What a project opens with: every claim but the dismissed ones, in article order. */
export const DEFAULT_FILTERS: ClaimFilters = { status: 'all', verdict: 'any', text: '', sort: 'position', team: 'any' }

const ACCEPTED = new Set(['to-check', 'in-progress', 'needs-review', 'done'])

/** The claims the list shows, in the chosen order. Search matches the claim text, rationale and notes. */
export function filterClaims(project: Project, filters: ClaimFilters, me: Person | null = null): Claim[] {
  const needle = filters.text.trim().toLocaleLowerCase()
  const shown = project.claims.filter((claim) => {
    if (filters.status === 'all') {
      if (claim.status === 'dismissed') return false
    } else if (filters.status === 'accepted') {
      if (!ACCEPTED.has(claim.status)) return false
    } else if (claim.status !== filters.status) {
      return false
    }
    if (filters.verdict === 'none' ? claim.verdict !== null : filters.verdict !== 'any' && claim.verdict !== filters.verdict) return false
    if (filters.team === 'mine' && !samePerson(claim.assignee, me)) return false
    if (filters.team === 'review' && !(samePerson(claim.reviewer, me) && claim.verdict !== null && !approvalHolds(claim))) return false
    if (needle && !`${claim.text}\n${claim.rationale}\n${claim.notes}`.toLocaleLowerCase().includes(needle)) return false
    return true
  })
  if (filters.sort === 'score') shown.sort(compareByCheckworthiness)
  return shown
}

/** How many claims have each status, for the filter menu. */
export function countByStatus(project: Project): Record<string, number> {
  const counts: Record<string, number> = { all: 0, accepted: 0 }
  for (const claim of project.claims) {
    counts[claim.status] = (counts[claim.status] ?? 0) + 1
    if (claim.status !== 'dismissed') counts.all = (counts.all ?? 0) + 1
    if (ACCEPTED.has(claim.status)) counts.accepted = (counts.accepted ?? 0) + 1
  }
  return counts
}

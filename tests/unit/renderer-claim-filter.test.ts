import { describe, expect, it } from 'vitest'
import type { Claim, Project } from '@domain/project/schema'
import { countByStatus, DEFAULT_FILTERS, filterClaims, type ClaimFilters } from '../../src/renderer/src/features/claims/claim-filter'
import { claimIn, makeProject } from '../helpers/projects'

const TEXT = `Зарплати зросли на 12% у 2025 році, заявив міністр. Unemployment fell to 4.1% in March.

The reform "created 200,000 jobs" since 2024. Critics call that a stretch. Exports doubled.`

function projectWith(claims: Claim[]): Project {
  return { ...makeProject(TEXT), claims }
}

const project = projectWith([
  claimIn(TEXT, 'wages', 'Зарплати зросли на 12% у 2025 році', { status: 'suggested', score: 0.62 }),
  claimIn(TEXT, 'jobless', 'Unemployment fell to 4.1% in March.', { status: 'done', verdict: 'true', score: 0.91 }),
  claimIn(TEXT, 'reform', 'The reform "created 200,000 jobs" since 2024.', {
    status: 'in-progress',
    verdict: 'false',
    rationale: 'The ministry’s own ЗВІТ counts 120,000.',
  }),
  claimIn(TEXT, 'stretch', 'Critics call that a stretch.', { status: 'dismissed', score: 0.2 }),
  claimIn(TEXT, 'exports', 'Exports doubled.', { status: 'to-check', score: 0.91, notes: 'Ask the customs office' }),
])

const shown = (filters: Partial<ClaimFilters>): string[] => filterClaims(project, { ...DEFAULT_FILTERS, ...filters }).map((c) => c.id)

describe('the claim list filters', () => {
  it('shows every claim but the dismissed ones, in article order, when nothing is chosen', () => {
    expect(shown({})).toEqual(['wages', 'jobless', 'reform', 'exports'])
  })

  it('"Accepted" is every claim in the workflow: not the proposals, not the dismissed', () => {
    expect(shown({ status: 'accepted' })).toEqual(['jobless', 'reform', 'exports'])
    expect(shown({ status: 'suggested' })).toEqual(['wages'])
    expect(shown({ status: 'dismissed' })).toEqual(['stretch'])
  })

  it('combines status, verdict and search', () => {
    expect(shown({ status: 'accepted', verdict: 'none' })).toEqual(['exports'])
    expect(shown({ status: 'accepted', verdict: 'false', text: '200,000' })).toEqual(['reform'])
    expect(shown({ status: 'done', verdict: 'false' })).toEqual([])
  })

  it('searches the claim text, the rationale and the notes, in any case and script, ignoring stray spaces', () => {
    expect(shown({ text: '  ЗАРПЛАТИ ' })).toEqual(['wages'])
    expect(shown({ text: 'звіт' })).toEqual(['reform'])
    expect(shown({ text: 'customs' })).toEqual(['exports'])
    expect(shown({ text: 'stretch' })).toEqual([])
  })

  it('sorts by check-worthiness, highest first, ties in article order and unscored claims last', () => {
    expect(shown({ sort: 'score' })).toEqual(['jobless', 'exports', 'wages', 'reform'])
    // The project itself keeps article order: the article view and the next sort rely on it.
    expect(project.claims.map((c) => c.id)).toEqual(['wages', 'jobless', 'reform', 'stretch', 'exports'])
  })

  it('counts claims per status for the filter menu, "All" without the dismissed', () => {
    expect(countByStatus(project)).toEqual({
      all: 4,
      accepted: 3,
      suggested: 1,
      done: 1,
      'in-progress': 1,
      dismissed: 1,
      'to-check': 1,
    })
  })
})

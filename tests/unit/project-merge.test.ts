import { describe, expect, it } from 'vitest'
import { validateProject } from '@domain/project/codec'
import { mergeProjects } from '@domain/project/merge'
import { historyEntry, reviewDigest, type Claim, type Project } from '@domain/project/schema'
import { approveClaim, resolveConflict } from '@domain/project/team-ops'
import { claimOver, makeProject } from '../helpers/projects'

const T1 = '2026-11-21T09:00:00.000Z'
const T2 = '2026-11-21T10:00:00.000Z'
const NOW = '2026-11-22T08:00:00.000Z'
const options = { now: NOW, author: 'Merger', theirsName: 'the team’s copy' }

function base(): Project {
  const project = makeProject()
  return {
    ...project,
    claims: [claimOver(project, 'the new bridge cost €41 million', 'c-cost'), claimOver(project, '12% over budget', 'c-budget')],
  }
}

/** One checker's edit of one claim, with the history entry the app writes for it. */
function edit(project: Project, id: string, patch: Partial<Claim>, author: string, at: string): Project {
  return {
    ...project,
    updatedAt: at,
    claims: project.claims.map((c) => (c.id === id ? { ...c, ...patch, updatedAt: at } : c)),
    history: [...project.history, historyEntry({ at, author, action: 'claim.edit', claimId: id, summary: `${author} edited ${id}` })],
  }
}

const claim = (project: Project, id: string): Claim => project.claims.find((c) => c.id === id)!

describe('merging two checkers’ copies of a project', () => {
  it('keeps both checkers’ edits of different claims, with no conflict, and a valid project', () => {
    const b = base()
    const ours = edit(b, 'c-cost', { verdict: 'true', rationale: 'The council’s accounts say so.' }, 'Ana', T1)
    const theirs = edit(b, 'c-budget', { verdict: 'false', notes: 'Ask the auditor.' }, 'Ben', T2)
    const { project, conflicts } = mergeProjects(b, ours, theirs, options)
    expect(conflicts).toEqual([])
    expect(() => validateProject(project, 'merged')).not.toThrow()
    expect(claim(project, 'c-cost')).toMatchObject({ verdict: 'true', rationale: 'The council’s accounts say so.' })
    expect(claim(project, 'c-budget')).toMatchObject({ verdict: 'false', notes: 'Ask the auditor.' })
    // Both checkers' steps, each once and in time order, and the merge itself.
    expect(project.history.map((e) => e.author)).toEqual(['tester', 'Ana', 'Ben', 'Merger'])
    expect(project.history.at(-1)?.summary).toBe('Merged with the team’s copy.')
  })

  it('records the same field changed differently as a conflict with both values, who and when; ours stays until one is picked', () => {
    const b = base()
    const ours = edit(b, 'c-cost', { verdict: 'true' }, 'Ana', T1)
    const theirs = edit(b, 'c-cost', { verdict: 'false' }, 'Ben', T2)
    const { project, conflicts } = mergeProjects(b, ours, theirs, options)
    expect(conflicts).toHaveLength(1)
    expect(project.conflicts).toEqual([
      {
        key: 'claim:c-cost.verdict',
        what: 'the verdict of claim “the new bridge cost €41 million”',
        values: [
          { value: 'true', by: 'Ana', at: T1 },
          { value: 'false', by: 'Ben', at: T2 },
        ],
        at: NOW,
      },
    ])
    expect(claim(project, 'c-cost').verdict).toBe('true')
    expect(() => validateProject(project, 'merged')).not.toThrow()

    const resolved = resolveConflict(project, { key: 'claim:c-cost.verdict', pick: 1 }, { now: NOW, newId: () => 'x' })
    expect(claim(resolved.project, 'c-cost').verdict).toBe('false')
    expect(resolved.project.conflicts).toEqual([])
    expect(resolved.summary).toBe('Conflict over the verdict of claim “the new bridge cost €41 million” resolved: kept “False” (Ben).')
  })

  it('takes a change made on one side only, and the same change made on both sides without a conflict', () => {
    const b = base()
    const ours = edit(edit(b, 'c-cost', { status: 'done' }, 'Ana', T1), 'c-budget', { notes: 'same' }, 'Ana', T1)
    const theirs = edit(b, 'c-budget', { notes: 'same' }, 'Ben', T2)
    const { project, conflicts } = mergeProjects(b, ours, theirs, options)
    expect(conflicts).toEqual([])
    expect(claim(project, 'c-cost').status).toBe('done')
    expect(claim(project, 'c-budget').notes).toBe('same')
  })

  it('keeps every comment from both sides; a comment withdrawn on either side stays withdrawn', () => {
    const b = base()
    const comment = { id: 'm-1', author: { name: 'Ana', email: 'ana@desk.example' }, at: T1, text: 'Source?', withdrawnAt: null }
    const shared = edit(b, 'c-cost', { comments: [comment] }, 'Ana', T1)
    const ours = edit(shared, 'c-cost', { comments: [{ ...comment, withdrawnAt: T2 }] }, 'Ana', T2)
    const reply = { id: 'm-2', author: { name: 'Ben', email: 'ben@desk.example' }, at: T2, text: 'The budget PDF.', withdrawnAt: null }
    const theirs = edit(shared, 'c-cost', { comments: [comment, reply] }, 'Ben', T2)
    const { project, conflicts } = mergeProjects(shared, ours, theirs, options)
    expect(conflicts).toEqual([])
    expect(claim(project, 'c-cost').comments).toEqual([{ ...comment, withdrawnAt: T2 }, reply])
  })

  it('removes a claim one side removed and the other left alone; keeps one the other changed, with the removal as a conflict', () => {
    const b = base()
    const ours = { ...b, claims: [] }
    const theirs = edit(b, 'c-budget', { rationale: 'Checked.' }, 'Ben', T2)
    const { project, conflicts } = mergeProjects(b, ours, theirs, options)
    expect(project.claims.map((c) => c.id)).toEqual(['c-budget'])
    expect(conflicts.map((c) => [c.key, c.values.map((v) => v.value)])).toEqual([['claim:c-budget', ['removed', 'kept']]])
    const removed = resolveConflict(project, { key: 'claim:c-budget', pick: 0 }, { now: NOW, newId: () => 'x' })
    expect(removed.project.claims).toEqual([])
  })

  it('withdraws an approval when the other checker changed the verdict it approved', () => {
    const b = edit(base(), 'c-cost', { verdict: 'true', assignee: { name: 'Ana', email: 'ana@desk.example' } }, 'Ana', T1)
    const ours = approveClaim(b, { id: 'c-cost', by: { name: 'Ben', email: 'ben@desk.example' } }, { now: T2, newId: () => 'x' }).project
    expect(claim(ours, 'c-cost').approval?.digest).toBe(reviewDigest({ verdict: 'true', rationale: '' }))
    const theirs = edit(b, 'c-cost', { rationale: 'Actually, it was €43 million.' }, 'Ana', T2)
    const { project } = mergeProjects(b, ours, theirs, options)
    expect(claim(project, 'c-cost')).toMatchObject({ rationale: 'Actually, it was €43 million.', approval: null })
    expect(() => validateProject(project, 'merged')).not.toThrow()
  })

  it('never merges the article text: changed on both sides, our copy stays whole with the conflict recorded', () => {
    const b = base()
    const ours = { ...b, article: { ...b.article, text: `${b.article.text}\n\nUpdate: ours.` } }
    const theirs = { ...b, article: { ...b.article, text: `${b.article.text}\n\nUpdate: theirs.` } }
    const { project, articleConflict } = mergeProjects(b, ours, theirs, options)
    expect(articleConflict).toBe(true)
    expect(project.article.text).toBe(ours.article.text)
    expect(project.conflicts.map((c) => c.key)).toEqual(['article.text'])
    expect(() => validateProject(project, 'merged')).not.toThrow()
  })

  it('without a common ancestor, keeps what only one copy holds and both values of every difference', () => {
    const b = base()
    const ours = edit(b, 'c-cost', { verdict: 'true' }, 'Ana', T1)
    const theirs = {
      ...edit(b, 'c-cost', { verdict: 'false' }, 'Ben', T2),
      claims: [claim(edit(b, 'c-cost', { verdict: 'false' }, 'Ben', T2), 'c-cost')],
    }
    const { project, conflicts } = mergeProjects(null, ours, theirs, options)
    expect(project.claims.map((c) => c.id)).toEqual(['c-cost', 'c-budget'])
    expect(conflicts.map((c) => c.key)).toEqual(['claim:c-cost.verdict'])
    expect(() => validateProject(project, 'merged')).not.toThrow()
  })

  it('merging a copy with itself changes nothing and adds no history', () => {
    const b = edit(base(), 'c-cost', { verdict: 'true' }, 'Ana', T1)
    expect(mergeProjects(b, b, b, options).project).toEqual(b)
  })
})

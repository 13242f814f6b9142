import { describe, expect, it } from 'vitest'
import { changedKeys, keysOverlap, restoreKeys } from '@domain/project/changes'
import type { Project } from '@domain/project/schema'
import { claimOver, makeProject } from '../helpers/projects'

const base = (): Project => {
  const project = makeProject()
  return { ...project, claims: [{ ...claimOver(project, 'cost €41 million'), id: 'c1' }] }
}

describe('what an edit changed', () => {
  it('names claim fields, whole claims, article fields, the scale and every other part of the project', () => {
    const before = base()
    const after: Project = {
      ...before,
      updatedAt: '2030-01-01T00:00:00.000Z',
      article: { ...before.article, outlet: 'Other' },
      claims: [
        { ...before.claims[0]!, rationale: 'Because.', updatedAt: '2030-01-01T00:00:00.000Z' },
        { ...claimOver(before, '12% over budget'), id: 'c2' },
      ],
      publication: { ...before.publication, reviewUrl: 'https://desk.example/check' },
    }
    expect([...changedKeys(before, after)].sort()).toEqual(['article.outlet', 'claim:c1.rationale', 'claim:c2', 'project.publication'])
  })

  it('sees a change in any top-level field a later schema adds', () => {
    const before = base()
    for (const field of Object.keys(before) as (keyof Project)[]) {
      // History only grows and the times follow every edit; claims and sources are compared one by one (above).
      if (['history', 'updatedAt', 'createdAt', 'schemaVersion', 'id', 'claims', 'sources'].includes(field)) continue
      const after = { ...before, [field]: { changed: true } }
      expect(changedKeys(before, after).size, `a change to ${field}`).toBeGreaterThan(0)
    }
  })

  it('puts back only the given keys, leaving other changes in place', () => {
    const before = base()
    const mine = { ...before, claims: [{ ...before.claims[0]!, verdict: 'true' }] }
    const theirs = {
      ...mine,
      article: { ...mine.article, outlet: 'Theirs' },
      publication: { ...mine.publication, reviewUrl: 'https://x.example' },
    }
    const undone = restoreKeys(theirs, before, ['claim:c1.verdict'], '2030-01-01T00:00:00.000Z')
    expect(undone.claims[0]?.verdict).toBeNull()
    expect(undone.article.outlet).toBe('Theirs')
    expect(undone.publication.reviewUrl).toBe('https://x.example')
    expect(keysOverlap('claim:c1', 'claim:c1.verdict')).toBe(true)
    expect(keysOverlap('claim:c1.rationale', 'claim:c1.verdict')).toBe(false)
  })
})

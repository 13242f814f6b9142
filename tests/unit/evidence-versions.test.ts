import { describe, expect, it } from 'vitest'
import { importNewVersion } from '@domain/evidence/versions'
import { validateProject } from '@domain/project/codec'
import type { ArticleOrigin, Project } from '@domain/project/schema'
import { SAMPLE_TEXT, sampleProject } from '../fixtures/report/projects'

const COMMUTERS = '"We have cut fares for 3 million commuters," she told reporters in Leeds.'
const ELECTRIFY = "Critics say the government's 2019 pledge to electrify 500 miles of track has been quietly dropped."

function origin(at: string): ArticleOrigin {
  return { fileName: 'newer.txt', fileSha256: 'b'.repeat(64), fileBytes: 10, textSha256: 'c'.repeat(64), importedAt: at }
}

function imported(project: Project, text: string, at: string) {
  let n = 0
  const outcome = importNewVersion(project, { text, origin: origin(at) }, { now: at, newId: (prefix) => `${prefix}-${++n}` })
  // The result is a valid project: every claim's offsets point at its text in the new version.
  return { ...outcome, project: validateProject(outcome.project, 'newer version') }
}

describe('importNewVersion: every claim re-anchored in the newer text, none guessed', () => {
  const [first = '', second = '', third = '', fourth = ''] = SAMPLE_TEXT.split('\n\n')
  // The punctuality paragraph moved to the top, one quote reworded, one sentence deleted, the last paragraph untouched.
  const newer = [third, first.replace('reporters in Leeds', 'reporters in York'), second.replace(`\n${ELECTRIFY}`, ''), fourth].join('\n\n')
  const before = sampleProject()
  const { project, counts, summary } = imported(before, newer, '2026-11-28T10:15:00.000Z')
  const claim = (id: string) => project.claims.find((c) => c.id === id)

  it('marks each claim unchanged, moved, changed or gone, and counts them for the history', () => {
    expect(Object.fromEntries(project.claims.map((c) => [c.id, c.anchor?.state]))).toEqual({
      'c-punctuality': 'moved',
      'c-best-ever': 'moved',
      'c-fares': 'unchanged',
      'c-fares-figure': 'unchanged',
      'c-commuters': 'changed',
      'c-cheaper': 'unchanged',
    })
    expect(counts).toEqual({ unchanged: 3, moved: 2, changed: 1, gone: 1 })
    expect(summary).toBe('Newer version of the article imported (version 2): 3 claims unchanged, 2 moved, 1 changed, 1 gone.')
  })

  it('moves a claim of a reordered paragraph to its new place with the same words', () => {
    const moved = claim('c-punctuality')!
    const old = before.claims.find((c) => c.id === 'c-punctuality')!
    expect(moved.text).toBe(old.text)
    expect(moved.start).toBe(newer.indexOf(old.text))
    expect(moved.start).not.toBe(old.start)
    expect(moved.anchor).toMatchObject({ version: 2, previousText: old.text })
  })

  it('keeps a reworded claim with its new words and its old ones, its verdict and rationale untouched', () => {
    const changed = claim('c-commuters')!
    const old = before.claims.find((c) => c.id === 'c-commuters')!
    expect(changed.text).toBe(COMMUTERS.replace('Leeds', 'York'))
    expect(newer.slice(changed.start, changed.end)).toBe(changed.text)
    expect(changed.anchor).toMatchObject({ state: 'changed', version: 2, previousText: COMMUTERS })
    expect(changed.anchor?.similarity).toBeGreaterThanOrEqual(0.6)
    expect([changed.verdict, changed.rationale]).toEqual([old.verdict, old.rationale])
  })

  it('moves a gone claim, whole, to the earlier version it was last in, and keeps that text and its origin', () => {
    expect(claim('c-electrify')).toBeUndefined()
    expect(project.evidence.versions).toHaveLength(1)
    const [version] = project.evidence.versions
    expect(version).toMatchObject({ number: 1, text: SAMPLE_TEXT, replacedAt: '2026-11-28T10:15:00.000Z', origin: before.evidence.origin })
    expect(version?.removedClaims).toEqual([before.claims.find((c) => c.id === 'c-electrify')])
    expect(project.evidence.origin).toEqual(origin('2026-11-28T10:15:00.000Z'))
    expect(project.article.text).toBe(newer)
  })

  it('a third version: re-anchors against the second, files what it removes under version 2, and keeps both texts', () => {
    const third = newer.replace(`${first.replace('reporters in Leeds', 'reporters in York')}\n\n`, '')
    const next = imported(project, third, '2026-11-29T09:00:00.000Z').project
    expect(next.evidence.versions.map((v) => [v.number, v.text])).toEqual([
      [1, SAMPLE_TEXT],
      [2, newer],
    ])
    expect(next.evidence.versions[1]?.removedClaims.map((c) => c.id).sort()).toEqual(['c-commuters', 'c-fares', 'c-fares-figure'])
    expect(next.claims.every((c) => c.anchor?.version === 3)).toBe(true)
  })
})

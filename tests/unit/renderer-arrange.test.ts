import { describe, expect, it } from 'vitest'
import type { ProjectSummary } from '@contract/api'
import { arrangeProjects } from '../../src/renderer/src/features/library/arrange'

function summary(file: string, title: string, outlet: string, updatedAt: string, done: number, total: number): ProjectSummary {
  return {
    path: `/home/dana/Factdesk/${file}`,
    file,
    title,
    outlet,
    publishedAt: '',
    language: 'en',
    claims: total,
    byStatus: { suggested: 0, dismissed: 0, 'to-check': total - done, 'in-progress': 0, 'needs-review': 0, done },
    byVerdict: {},
    progress: { done, total },
    updatedAt,
    bytes: 1000,
  }
}

const library = [
  summary('bridge.factdesk.json', 'Bridge over budget', 'The Gazette', '2026-11-20T10:00:00.000Z', 3, 4),
  summary('zarplaty.factdesk.json', 'Зарплати зросли на 12%', 'Українська правда', '2026-11-25T09:00:00.000Z', 0, 5),
  summary('empty.factdesk.json', 'Ägypten exportiert mehr', 'Die Zeit', '2026-11-22T12:00:00.000Z', 0, 0),
  summary('jobs.factdesk.json', 'Jobs report', 'Wire', '2026-11-18T08:00:00.000Z', 5, 5),
]
const titles = (list: ProjectSummary[]): string[] => list.map((p) => p.title)

describe('the library list: search and sort', () => {
  it('lists the most recently edited first by default, leaving the library as it was', () => {
    expect(titles(arrangeProjects(library, '', 'edited'))).toEqual([
      'Зарплати зросли на 12%',
      'Ägypten exportiert mehr',
      'Bridge over budget',
      'Jobs report',
    ])
    expect(library[0]?.title).toBe('Bridge over budget')
  })

  it('finds a project by title, outlet or file name, in any case and script', () => {
    expect(titles(arrangeProjects(library, 'ЗАРПЛАТИ', 'edited'))).toEqual(['Зарплати зросли на 12%'])
    expect(titles(arrangeProjects(library, 'gazette', 'edited'))).toEqual(['Bridge over budget'])
    expect(titles(arrangeProjects(library, ' jobs.factdesk ', 'edited'))).toEqual(['Jobs report'])
    expect(arrangeProjects(library, 'election', 'edited')).toEqual([])
  })

  it('sorts titles alphabetically as people read them, accented letters beside their base letter', () => {
    expect(titles(arrangeProjects(library, '', 'title')).slice(0, 3)).toEqual([
      'Ägypten exportiert mehr',
      'Bridge over budget',
      'Jobs report',
    ])
  })

  it('puts the least done first, a project with nothing accepted yet counting as not started', () => {
    expect(titles(arrangeProjects(library, '', 'progress'))).toEqual([
      'Зарплати зросли на 12%',
      'Ägypten exportiert mehr',
      'Bridge over budget',
      'Jobs report',
    ])
  })
})

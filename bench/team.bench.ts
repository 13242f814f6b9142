import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeProject, encodeProject } from '@domain/project/codec'
import { mergeProjects } from '@domain/project/merge'
import { mergeProjectTexts } from '@domain/project/merge-files'
import { historyEntry, type Project } from '@domain/project/schema'
import { createServices, type Services } from '@engine/services'
import { bigProject } from './fixtures/projects'
import type { Bench, BenchRow } from './types'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/** One checker's session: `count` claims from `from` on get a verdict and a rationale, each with its history entry. */
function session(project: Project, who: string, from: number, count: number, at: string): Project {
  const touched = new Set(project.claims.slice(from, from + count).map((c) => c.id))
  return {
    ...project,
    updatedAt: at,
    claims: project.claims.map((c) =>
      touched.has(c.id) ? { ...c, verdict: who === 'Ana' ? 'true' : 'false', rationale: `${who} checked it.`, updatedAt: at } : c,
    ),
    history: [
      ...project.history,
      ...[...touched].map((id, i) => historyEntry({ at, author: who, action: 'claim.verdict', claimId: id, summary: `${who} ${i}` })),
    ],
  }
}

function engine(root: string, name: string): Services {
  return createServices({
    edition: 'test',
    version: 'bench',
    resourcesDir: join(import.meta.dirname, '../resources'),
    configDir: join(root, name, 'config'),
    env: { FACTDESK_HOME: join(root, name, 'projects'), HOME: join(root, name) },
    proposeClaims: false,
  })
}

const bench: Bench = async () => {
  const rows: BenchRow[] = []
  // Two checkers' sessions on one 1,000-claim project: 200 claims each, 20 of them the same claims.
  const base = bigProject(1000)
  const ours = session(base, 'Ana', 0, 200, '2026-11-28T09:00:00.000Z')
  const theirs = session(base, 'Ben', 180, 200, '2026-11-28T10:00:00.000Z')
  const options = { now: '2026-11-28T11:00:00.000Z', author: 'bench' }
  const samples: number[] = []
  let conflicts = 0
  for (let i = 0; i < 15; i++) {
    const start = performance.now()
    conflicts = mergeProjects(base, ours, theirs, options).conflicts.length
    samples.push(performance.now() - start)
  }
  const merge = median(samples)
  rows.push({
    name: 'merge two 1,000-claim projects (200 claims edited on each side)',
    value: merge,
    unit: 'ms',
    target: '≤ 200 ms',
    met: merge <= 200,
    note: `${conflicts} same-field conflicts recorded`,
  })
  const [baseText, oursText, theirsText] = [encodeProject(base), encodeProject(ours), encodeProject(theirs)]
  const files: number[] = []
  for (let i = 0; i < 7; i++) {
    const start = performance.now()
    mergeProjectTexts(baseText, oursText, theirsText, options)
    files.push(performance.now() - start)
  }
  const file = median(files)
  rows.push({
    name: 'merge the same as files (git merge driver: read, validate ×3, merge, write)',
    value: file,
    unit: 'ms',
    target: '≤ 200 ms',
    met: file <= 200,
    note: `${(oursText.length / 1024).toFixed(0)} KB each`,
  })

  // Two checkers sharing a 500-project folder through a team folder; each changes 10 projects.
  const root = await mkdtemp(join(tmpdir(), 'factdesk-bench-team-'))
  try {
    const ana = engine(root, 'ana')
    const ben = engine(root, 'ben')
    const anaHome = join(root, 'ana', 'projects')
    await mkdir(anaHome, { recursive: true })
    const small = bigProject(8)
    for (let i = 0; i < 500; i++) {
      await writeFile(
        join(anaHome, `project-${i}.factdesk.json`),
        encodeProject({ ...small, id: `p-${i}`, article: { ...small.article, title: `Project ${i}` } }),
      )
    }
    const remote = join(root, 'share', 'team.git')
    await ana.handlers['team:startSharing']({ remote })
    await ben.handlers['team:startSharing']({ remote })
    const change = async (home: string, from: number, who: string): Promise<void> => {
      for (let i = from; i < from + 10; i++) {
        const path = join(home, `project-${i}.factdesk.json`)
        const project = decodeProject(await readFile(path), path).project
        await writeFile(
          path,
          encodeProject(session(project, who, 0, 3, who === 'Ana' ? '2026-11-29T09:00:00.000Z' : '2026-11-29T10:00:00.000Z')),
        )
      }
    }
    await change(anaHome, 0, 'Ana')
    await change(join(root, 'ben', 'projects'), 5, 'Ben')
    let start = performance.now()
    await ana.handlers['team:sync']({})
    const push = performance.now() - start
    rows.push({
      name: 'sync a 500-project folder, 10 changed here (commit, push)',
      value: push,
      unit: 'ms',
      target: '≤ 5,000 ms',
      met: push <= 5000,
    })
    start = performance.now()
    const pulled = await ben.handlers['team:sync']({})
    const both = performance.now() - start
    rows.push({
      name: 'sync a 500-project folder, 10 changed on each side (commit, fetch, merge, checkout, push)',
      value: both,
      unit: 'ms',
      target: '≤ 5,000 ms',
      met: both <= 5000,
      note: `${pulled.received.length} projects received, ${pulled.conflicts} conflicts`,
    })
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  return rows
}

export default bench

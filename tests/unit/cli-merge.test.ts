import { execFileSync, spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeProject } from '@domain/project/codec'
import { historyEntry, type Claim, type Project } from '@domain/project/schema'
import { runCli } from '../helpers/cli'
import { claimOver, makeProject, tempDir } from '../helpers/projects'

const BIN = join(import.meta.dirname, '../../bin/factdesk.js')
const HAS_GIT = spawnSync('git', ['--version']).status === 0
if (!HAS_GIT) console.log('cli-merge.test.ts: no git binary here, so the command-line `git merge` through the driver is skipped.')

function base(): Project {
  const project = makeProject()
  return {
    ...project,
    claims: [claimOver(project, 'the new bridge cost €41 million', 'c-cost'), claimOver(project, '12% over budget', 'c-budget')],
  }
}

function edit(project: Project, id: string, patch: Partial<Claim>, author: string, at: string): Project {
  return {
    ...project,
    updatedAt: at,
    claims: project.claims.map((c) => (c.id === id ? { ...c, ...patch, updatedAt: at } : c)),
    history: [...project.history, historyEntry({ at, author, action: 'claim.edit', claimId: id, summary: `${author} edited ${id}` })],
  }
}

describe('factdesk merge and merge-driver', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('factdesk-cli-merge-')))
  afterEach(() => cleanup())

  it('merge BASE OURS THEIRS -o OUT writes a valid project with both edits and names the conflict on stderr', async () => {
    const b = base()
    await writeFile(join(dir, 'base.json'), encodeProject(b))
    await writeFile(
      join(dir, 'ours.json'),
      encodeProject(
        edit(
          edit(b, 'c-cost', { verdict: 'true' }, 'Ana', '2026-11-21T09:00:00.000Z'),
          'c-budget',
          { notes: 'n' },
          'Ana',
          '2026-11-21T09:00:01.000Z',
        ),
      ),
    )
    await writeFile(join(dir, 'theirs.json'), encodeProject(edit(b, 'c-cost', { verdict: 'false' }, 'Ben', '2026-11-21T10:00:00.000Z')))
    const result = await runCli(['merge', 'base.json', 'ours.json', 'theirs.json', '-o', 'out.factdesk.json'], {
      cwd: dir,
      env: { HOME: dir },
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('conflict: the verdict of claim “the new bridge cost €41 million”: "true" (Ana) or "false" (Ben)')
    const check = await runCli(['check', 'out.factdesk.json'], { cwd: dir, env: { HOME: dir } })
    expect(check.code).toBe(0)
    const out = JSON.parse(await readFile(join(dir, 'out.factdesk.json'), 'utf8')) as Project
    expect(out.claims.find((c) => c.id === 'c-budget')?.notes).toBe('n')
    expect(out.conflicts.map((c) => c.key)).toEqual(['claim:c-cost.verdict'])
  })

  it.runIf(HAS_GIT)(
    'as git’s merge driver, a command-line `git merge` leaves a valid project with the conflict recorded and no markers',
    async () => {
      const git = (...args: string[]): string =>
        execFileSync('git', args, {
          cwd: dir,
          env: {
            ...process.env,
            HOME: dir,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@x',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@x',
          },
        }).toString()
      const file = join(dir, 'story.factdesk.json')
      const b = base()
      git('init', '-q', '-b', 'main')
      await writeFile(join(dir, '.gitattributes'), '*.factdesk.json merge=factdesk\n')
      git('config', 'merge.factdesk.driver', `"${process.execPath}" "${BIN}" merge-driver %O %A %B`)
      await writeFile(file, encodeProject(b))
      git('add', '.')
      git('commit', '-qm', 'base')
      git('checkout', '-qb', 'ben')
      await writeFile(file, encodeProject(edit(b, 'c-cost', { verdict: 'false', rationale: 'Ben' }, 'Ben', '2026-11-21T10:00:00.000Z')))
      git('commit', '-qam', 'ben')
      git('checkout', '-q', 'main')
      await writeFile(
        file,
        encodeProject(
          edit(
            edit(b, 'c-cost', { verdict: 'true' }, 'Ana', '2026-11-21T09:00:00.000Z'),
            'c-budget',
            { verdict: 'false' },
            'Ana',
            '2026-11-21T09:00:02.000Z',
          ),
        ),
      )
      git('commit', '-qam', 'ana')
      git('merge', '-q', '--no-edit', 'ben')
      const text = await readFile(file, 'utf8')
      expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m)
      const merged = JSON.parse(text) as Project
      expect(merged.claims.map((c) => [c.id, c.verdict, c.rationale])).toEqual([
        ['c-cost', 'true', 'Ben'],
        ['c-budget', 'false', ''],
      ])
      expect(merged.conflicts.map((c) => c.values.map((v) => `${v.by}:${JSON.stringify(v.value)}`))).toEqual([
        ['Ana:"true"', 'Ben:"false"'],
      ])
      expect((await runCli(['check', file], { cwd: dir, env: { HOME: dir } })).code).toBe(0)
    },
  )
})

import * as fs from 'node:fs'
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { validateProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { tempDir } from '../helpers/projects'
import { checker, rangeOf, readProjectJson, TEAM_TEXT, type Checker } from '../helpers/team'

const FARES = 'rail fares will rise by 4.6% in March'
const PASSENGERS = 'the network carried 1.7 billion passengers last year'
const PUNCTUAL = 'only 68% of trains arrived on time in 2025'

describe('two checkers sharing a projects folder through a bare repository in a folder', () => {
  let root: string
  let cleanup: () => Promise<void>
  let remote: string
  let ana: Checker
  let ben: Checker
  let file: string
  const ids: Record<string, string> = {}

  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir('factdesk-team-'))
    remote = join(root, 'share', 'team.git')
    ana = await checker(root, 'Ana', 'ana@desk.example')
    ben = await checker(root, 'Ben', 'ben@desk.example')
    const created = await ana.h['project:create']({ title: 'Rail fares', text: TEAM_TEXT, language: 'en' })
    for (const [name, quote] of [
      ['fares', FARES],
      ['passengers', PASSENGERS],
      ['punctual', PUNCTUAL],
    ] as const) {
      ids[name] = (await ana.h['claim:create']({ path: created.path, ...rangeOf(quote) })).focus!
    }
    await ana.h['project:close']({ path: created.path })
    file = created.path.slice(ana.home.length + 1)
    expect((await ana.h['team:startSharing']({ remote })).ahead).toBe(0)
    const joined = await ben.h['team:startSharing']({ remote })
    expect(joined).toMatchObject({ shared: true, ahead: 0, behind: 0, remote: { kind: 'folder', url: remote } })
  })
  afterEach(async () => {
    await Promise.all([ana.services.store.closeAll(), ben.services.store.closeAll()])
    await cleanup()
  })

  const path = (c: Checker): string => join(c.home, file)
  const claimOf = (p: Project, name: string) => p.claims.find((c) => c.id === ids[name])!

  /** Both open the project; Ana and Ben each decide one claim, and both write a different rationale for the third. */
  async function editConcurrently(): Promise<void> {
    await ana.h['project:open']({ path: path(ana) })
    await ben.h['project:open']({ path: path(ben) })
    await ana.h['claim:setVerdict']({ path: path(ana), id: ids.fares!, verdict: 'true' })
    await ana.h['claim:update']({ path: path(ana), id: ids.punctual!, fields: { rationale: 'Ana: the ORR table says 68.2%.' } })
    await ben.h['claim:setVerdict']({ path: path(ben), id: ids.passengers!, verdict: 'false' })
    await ben.h['claim:update']({ path: path(ben), id: ids.punctual!, fields: { rationale: 'Ben: Transport Focus misquoted.' } })
    await ana.h['project:awaitSave']({ path: path(ana) })
    await ben.h['project:awaitSave']({ path: path(ben) })
  }

  async function expectSame(): Promise<Project> {
    const [a, b] = [await readProjectJson(path(ana)), await readProjectJson(path(ben))]
    expect(a).toEqual(b)
    expect(() => validateProject(a, 'synced')).not.toThrow()
    // What each app shows is what is on disk.
    expect(ana.services.store.peek(path(ana))).toEqual(a)
    expect(ben.services.store.peek(path(ben))).toEqual(b)
    return a
  }

  for (const order of [
    ['Ana', 'Ben'],
    ['Ben', 'Ana'],
  ] as const) {
    it(`syncing ${order[0]} first: both end with the same valid project, every edit in, the same-field edit a conflict`, async () => {
      await editConcurrently()
      const [first, second] = order[0] === 'Ana' ? [ana, ben] : [ben, ana]
      await first.h['team:sync']({})
      const merged = await second.h['team:sync']({})
      expect(merged.received).toEqual([path(second)])
      expect(merged.conflicts).toBe(1)
      await first.h['team:sync']({})
      const project = await expectSame()
      expect(claimOf(project, 'fares').verdict).toBe('true')
      expect(claimOf(project, 'passengers').verdict).toBe('false')
      // The one who merged keeps theirs in the field until someone picks; both values are in the conflict.
      const conflict = project.conflicts.find((c) => c.key === `claim:${ids.punctual}.rationale`)!
      expect(conflict.values.map((v) => [v.by, v.value])).toEqual([
        [second.name, second === ana ? 'Ana: the ORR table says 68.2%.' : 'Ben: Transport Focus misquoted.'],
        [first.name, first === ana ? 'Ana: the ORR table says 68.2%.' : 'Ben: Transport Focus misquoted.'],
      ])

      // Ana picks Ben's rationale; after both sync, the conflict is gone for both.
      const pick = conflict.values.findIndex((v) => v.by === 'Ben')
      await ana.h['project:resolveConflict']({ path: path(ana), key: conflict.key, pick })
      await ana.h['project:awaitSave']({ path: path(ana) })
      await ana.h['team:sync']({})
      await ben.h['team:sync']({})
      const resolved = await expectSame()
      expect(resolved.conflicts).toEqual([])
      expect(claimOf(resolved, 'punctual').rationale).toBe('Ben: Transport Focus misquoted.')
      expect(resolved.history.map((e) => e.action)).toEqual(expect.arrayContaining(['claim.verdict', 'project.merge', 'conflict.resolve']))
    })
  }

  it('works offline: commits wait while the team folder is unreachable and go out at the next sync', async () => {
    await ana.h['project:open']({ path: path(ana) })
    await ana.h['claim:setVerdict']({ path: path(ana), id: ids.fares!, verdict: 'half-true' })
    await ana.h['project:close']({ path: path(ana) })
    await rename(join(root, 'share'), join(root, 'unplugged'))
    const offline = await ana.h['team:sync']({})
    expect(offline).toMatchObject({ offline: true, ahead: 1 })
    expect(offline.message).toMatch(/cannot be reached/)
    // The team bar says it in the checker's language from this key, naming the folder.
    expect(offline.reason).toEqual({ key: 'teamFolderUnreachable', params: { folder: join(root, 'share', 'team.git') } })
    expect((await ana.h['team:status']({})).reason).toEqual(offline.reason)
    await rename(join(root, 'unplugged'), join(root, 'share'))
    expect(await ana.h['team:sync']({})).toMatchObject({ offline: false, ahead: 0, behind: 0, reason: null })
    await ben.h['team:sync']({})
    expect(claimOf(await readProjectJson(path(ben)), 'fares').verdict).toBe('half-true')
  })

  it('commits as the checker, naming the claims touched and how; locks and backups never go into git', async () => {
    await ben.h['project:open']({ path: path(ben) })
    await ben.h['claim:setVerdict']({ path: path(ben), id: ids.passengers!, verdict: 'false' })
    await ben.h['project:close']({ path: path(ben) })
    const [last] = await git.log({ fs, dir: ben.home, depth: 1 })
    expect(last?.commit.author).toMatchObject({ name: 'Ben', email: 'ben@desk.example' })
    expect(last?.commit.message).toBe(
      `Ben: 1 claim in 1 project\n\n- ${file}: “the network carried 1.7 billion passengers last…” (verdict)\n`,
    )
    const files = await git.listFiles({ fs, dir: ben.home })
    expect(files.sort()).toEqual(['.gitattributes', '.gitignore', file])
    expect(await readFile(join(ben.home, '.gitattributes'), 'utf8')).toContain('*.factdesk.json merge=factdesk')
  })
})

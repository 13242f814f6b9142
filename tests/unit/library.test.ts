import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Project } from '@domain/project/schema'
import type { Services } from '@engine/services'
import { claimOver, testEngine } from '../helpers/projects'

describe('the library', () => {
  let root: string
  let close: () => Promise<void>
  let home: string
  let services: Services
  beforeEach(async () => {
    ;({ services, home, dir: root, close } = await testEngine({ now: () => new Date('2026-11-25T09:00:00.000Z') }))
  })
  afterEach(async () => close())

  const create = async (title: string, text = 'The budget rose 4% in 2026.\n\nThat is a fact, the minister said.') =>
    (
      await services.handlers['project:create']({
        title,
        text,
        outlet: 'Gazette',
        author: '',
        url: '',
        publishedAt: '2026-11-02',
        language: 'en',
      })
    ).path

  it('defaults to Documents/Factdesk, is overridden by a setting, and FACTDESK_HOME wins over both', async () => {
    const { services: plain, close: closePlain } = await testEngine({ home: null, documentsDir: join(root, 'Documents') })
    expect((await plain.handlers['app:info']({})).projectsDir).toBe(join(root, 'Documents', 'Factdesk'))
    await mkdir(join(root, 'elsewhere'))
    await plain.handlers['settings:set']({ projectsDir: join(root, 'elsewhere') })
    expect(await plain.handlers['app:info']({})).toMatchObject({ projectsDir: join(root, 'elsewhere'), projectsDirSource: 'setting' })
    expect(await services.handlers['app:info']({})).toMatchObject({ projectsDir: home, projectsDirSource: 'env' })
    await closePlain()
  })

  it('lists projects with title, outlet, date, language, claim counts per status and verdict, and last edit', async () => {
    const path = await create('Budget claims')
    services.store.mutate(path, (p) => {
      const a = { ...claimOver(p, 'The budget rose 4% in 2026.', 'c-a'), status: 'done' as const, verdict: 'true' }
      const b = { ...claimOver(p, 'That is a fact', 'c-b'), status: 'suggested' as const }
      return { ...p, claims: [a, b] }
    })
    await services.store.close(path)
    await writeFile(join(home, 'broken.factdesk.json'), '{"schemaVersion": 1')
    const listing = await services.handlers['project:list']({})
    expect(listing.projects).toHaveLength(1)
    expect(listing.projects[0]).toMatchObject({
      title: 'Budget claims',
      outlet: 'Gazette',
      publishedAt: '2026-11-02',
      language: 'en',
      claims: 2,
      byVerdict: { true: 1 },
      progress: { done: 1, total: 1 },
      updatedAt: '2026-11-25T09:00:00.000Z',
    })
    expect(listing.projects[0]?.byStatus).toMatchObject({ done: 1, suggested: 1, 'to-check': 0 })
    expect(listing.problems).toEqual([
      expect.objectContaining({
        file: 'broken.factdesk.json',
        message: expect.stringMatching(/truncated/) as unknown,
        // The library says it in the checker's language from the catalogue's key.
        error: expect.objectContaining({ code: 'INVALID_PROJECT', key: 'project.truncated' }) as unknown,
      }),
    ])
  })

  it('renames a project: new title and file name, the old name gone, history noted', async () => {
    const path = await create('Old title')
    const renamed = await services.handlers['project:rename']({ path, title: 'Ministry budget claims' })
    expect(renamed.path).toBe(join(home, 'ministry-budget-claims.factdesk.json'))
    expect(renamed.title).toBe('Ministry budget claims')
    expect((await readdir(home)).filter((f) => f.endsWith('.factdesk.json'))).toEqual(['ministry-budget-claims.factdesk.json'])
    const saved = JSON.parse(await readFile(renamed.path, 'utf8')) as Project
    expect(saved.history.at(-1)).toMatchObject({
      action: 'project.rename',
      summary: 'Renamed from "Old title" to "Ministry budget claims".',
    })
  })

  it('duplicates a project under a new id and name', async () => {
    const path = await create('Original')
    const copy = await services.handlers['project:duplicate']({ path })
    expect(copy.path).toBe(join(home, 'original-copy.factdesk.json'))
    const [a, b] = [JSON.parse(await readFile(path, 'utf8')) as Project, JSON.parse(await readFile(copy.path, 'utf8')) as Project]
    expect(b.id).not.toBe(a.id)
    expect(b.article.text).toBe(a.article.text)
  })

  it('deletes to a trash folder and restores from it', async () => {
    const path = await create('Keep me')
    const bytes = await readFile(path, 'utf8')
    const trashed = await services.handlers['project:delete']({ path })
    expect((await readdir(home)).filter((f) => f.endsWith('.factdesk.json'))).toEqual([])
    expect(await readFile(trashed.trashPath, 'utf8')).toBe(bytes)
    expect(await services.handlers['project:trash']({})).toEqual([
      { trashPath: trashed.trashPath, file: 'keep-me.factdesk.json', title: 'Keep me', deletedAt: '2026-11-25T09:00:00.000Z' },
    ])
    const restored = await services.handlers['project:restore']({ trashPath: trashed.trashPath })
    expect(restored.path).toBe(path)
    expect(await readFile(path, 'utf8')).toBe(bytes)
    expect(await services.handlers['project:trash']({})).toEqual([])
  })

  it('refuses to restore from outside the trash', async () => {
    const path = await create('Elsewhere')
    await expect(services.handlers['project:restore']({ trashPath: path })).rejects.toThrow(/is not in this library's trash/)
  })

  it('remembers recent projects, most recent first, and forgets deleted ones', async () => {
    const a = await create('First')
    const b = await create('Second')
    await services.store.closeAll()
    await services.handlers['project:open']({ path: a })
    expect((await services.handlers['project:recent']({})).map((p) => p.title)).toEqual(['First', 'Second'])
    await services.handlers['project:delete']({ path: b })
    expect((await services.handlers['project:recent']({})).map((p) => p.title)).toEqual(['First'])
  })

  it('lists an unsaved edit of an open project', async () => {
    const path = await create('Live')
    services.store.mutate(path, (p) => ({ ...p, claims: [claimOver(p, 'The budget rose 4% in 2026.')] }))
    expect((await services.handlers['project:list']({})).projects[0]?.claims).toBe(1)
  })

  it('lists 0 projects for a folder that does not exist yet', async () => {
    await expect(services.library.list(join(root, 'nothing-here'))).resolves.toEqual({
      dir: join(root, 'nothing-here'),
      projects: [],
      problems: [],
    })
  })
})

import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { syncCopyOriginal } from '@engine/team/sync-copies'
import { tempDir } from '../helpers/projects'
import { checker, rangeOf, readProjectJson, TEAM_TEXT, type Checker } from '../helpers/team'

describe('copies a sync client left beside a project', () => {
  it.each([
    ['rail-fares (Ana Lima’s conflicted copy 2026-11-30).factdesk.json', 'rail-fares.factdesk.json', 'Dropbox or Nextcloud'],
    ['rail-fares (conflicted copy 2026-11-30 101500).factdesk.json', 'rail-fares.factdesk.json', 'Dropbox or Nextcloud'],
    ['rail-fares.factdesk.sync-conflict-20261130-101500-7QXKZ3A.json', 'rail-fares.factdesk.json', 'Syncthing'],
    ['rail-fares (1).factdesk.json', 'rail-fares.factdesk.json', 'Google Drive, Dropbox or OneDrive'],
    ['rail-fares-LAPTOP-7.factdesk.json', 'rail-fares.factdesk.json', 'OneDrive'],
  ])('recognises %s as a copy of %s', (copy, original, service) => {
    expect(syncCopyOriginal(copy)).toEqual({ original, service })
  })

  it.each(['rail-fares.factdesk.json', 'rail-fares-2.factdesk.json', 'rail-fares copy.factdesk.json'])(
    'takes %s for a project of its own',
    (name) => {
      expect(syncCopyOriginal(name)).toBeNull()
    },
  )

  describe('merging one into its project', () => {
    let cleanup: () => Promise<void>
    let ana: Checker
    let path: string
    let ids: string[]
    beforeEach(async () => {
      let root: string
      ;({ dir: root, cleanup } = await tempDir('factdesk-copies-'))
      ana = await checker(root, 'Ana', 'ana@desk.example')
      path = (await ana.h['project:create']({ title: 'Rail fares', text: TEAM_TEXT, language: 'en' })).path
      ids = [
        (await ana.h['claim:create']({ path, ...rangeOf('rail fares will rise by 4.6% in March') })).focus!,
        (await ana.h['claim:create']({ path, ...rangeOf('only 68% of trains arrived on time in 2025') })).focus!,
      ]
      await ana.h['project:close']({ path })
    })
    afterEach(async () => {
      await ana.services.store.closeAll()
      await cleanup()
    })

    const edited = async (from: string, id: string, verdict: string, at: string): Promise<Project> => {
      const project = await readProjectJson(from)
      return { ...project, updatedAt: at, claims: project.claims.map((c) => (c.id === id ? { ...c, verdict, updatedAt: at } : c)) }
    }

    it('lists it, merges it with the backup as the common ancestor, and moves it to the trash', async () => {
      const copy = join(ana.home, 'rail-fares (Ben’s conflicted copy 2026-11-30).factdesk.json')
      // Both copies grew from the same saved version, which Factdesk keeps as the .bak at the next save.
      await copyFile(path, `${path}.bak`)
      await writeFile(copy, encodeProject(await edited(path, ids[0]!, 'false', '2026-11-30T10:00:00.000Z')))
      await writeFile(path, encodeProject(await edited(path, ids[1]!, 'true', '2026-11-30T10:05:00.000Z')))

      expect(await ana.h['team:copies']({})).toEqual([
        expect.objectContaining({
          file: 'rail-fares (Ben’s conflicted copy 2026-11-30).factdesk.json',
          originalFile: 'rail-fares.factdesk.json',
        }),
      ])
      const merged = await ana.h['team:mergeCopy']({ path: copy })
      expect(merged).toMatchObject({ path, conflicts: 0, ancestor: 'backup' })
      const project = await readProjectJson(path)
      expect(project.claims.map((c) => c.verdict)).toEqual(['false', 'true'])
      expect(await readdir(ana.home)).not.toContain('rail-fares (Ben’s conflicted copy 2026-11-30).factdesk.json')
      expect(await readFile(merged.trashed, 'utf8')).toContain('"verdict": "false"')
      expect(await ana.h['team:copies']({})).toEqual([])
    })

    it('without a common ancestor keeps both values of every difference as a conflict', async () => {
      const copy = join(ana.home, 'rail-fares (1).factdesk.json')
      await rm(`${path}.bak`)
      await writeFile(copy, encodeProject(await edited(path, ids[0]!, 'false', '2026-11-30T10:00:00.000Z')))
      await writeFile(path, encodeProject(await edited(path, ids[0]!, 'true', '2026-11-30T10:05:00.000Z')))
      const merged = await ana.h['team:mergeCopy']({ path: copy })
      expect(merged).toMatchObject({ conflicts: 1, ancestor: 'none' })
      const project = await readProjectJson(path)
      expect(project.conflicts[0]?.values.map((v) => v.value)).toEqual(['true', 'false'])
    })
  })
})

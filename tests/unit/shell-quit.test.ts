import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore } from '@engine/project-store'
import { RecoveryStore } from '@engine/recovery'
import { encodeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { quitQuestion, settleUnsavedBeforeQuit, type QuitChoice, type UnsavedProject } from '../../src/main/quit'
import { makeProject, tempDir } from '../helpers/projects'

describe('quitting the desktop app with edits that cannot be saved', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let path: string
  let store: ProjectStore
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('factdesk-quit-'))
    path = join(dir, 'bridge.factdesk.json')
    await writeFile(path, encodeProject(makeProject()))
    store = new ProjectStore({ debounceMs: 5, recovery: new RecoveryStore(join(dir, 'cfg')) })
    await store.open(path)
    // A folder where the backup goes: the save fails, as on a full or read-only disk.
    await mkdir(`${path}.bak`)
    store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'Unsaved outlet' } }))
  })
  afterEach(async () => {
    await store.closeAll().catch(() => undefined)
    await cleanup()
  })

  /** Answers the questions in turn; an answer may first change the world (free the disk). */
  const run = (answers: (QuitChoice | (() => Promise<QuitChoice>))[], copyTo: string | null = null) => {
    const asked: UnsavedProject[] = []
    const told: string[] = []
    const result = settleUnsavedBeforeQuit({
      store,
      ask: (project) => {
        asked.push(project)
        const answer = answers.shift() ?? 'cancel'
        return typeof answer === 'function' ? answer() : Promise.resolve(answer)
      },
      chooseCopyPath: () => Promise.resolve(copyTo),
      tell: (message) => {
        told.push(message)
        return Promise.resolve()
      },
    })
    return { result, asked, told }
  }

  it('asks, naming the project and why, and stays open on Cancel with the edit still in memory', async () => {
    const { result, asked } = run(['cancel'])
    expect(await result).toBe(false)
    expect(asked).toEqual([
      expect.objectContaining({ title: 'Bridge over budget', edits: 1, message: expect.stringContaining('Could not save') as string }),
    ])
    expect(store.peek(path)?.article.outlet).toBe('Unsaved outlet')
    expect(quitQuestion(asked[0]!)).toMatchObject({
      message: '“Bridge over budget” has 1 edit that could not be saved.',
      buttons: ['Retry', 'Save a copy as…', 'Discard 1 edit', 'Cancel'],
    })
  })

  it('saves on Retry once the disk takes it', async () => {
    const { result, asked } = run([
      async () => {
        await rmdir(`${path}.bak`)
        return 'retry'
      },
    ])
    expect(await result).toBe(true)
    expect(asked).toHaveLength(1)
    expect((JSON.parse(await readFile(path, 'utf8')) as Project).article.outlet).toBe('Unsaved outlet')
  })

  it('writes the checker’s version where they choose on Save a copy as…, never over an existing file', async () => {
    const existing = join(dir, 'taken.factdesk.json')
    await writeFile(existing, 'someone else’s')
    const copy = join(dir, 'mine.factdesk.json')
    const { result, told } = run(['copy', 'cancel'], existing)
    await expect(result).resolves.toBe(false)
    expect(told).toEqual([expect.stringContaining('already exists') as string])
    expect(await readFile(existing, 'utf8')).toBe('someone else’s')

    const second = run(['copy'], copy)
    expect(await second.result).toBe(true)
    expect((JSON.parse(await readFile(copy, 'utf8')) as Project).article.outlet).toBe('Unsaved outlet')
  })

  it('drops the edit only when the checker says Discard', async () => {
    const { result } = run(['discard'])
    expect(await result).toBe(true)
    await rmdir(`${path}.bak`)
    expect((JSON.parse(await readFile(path, 'utf8')) as Project).article.outlet).toBe('The Test Gazette')
    expect(store.isOpen(path)).toBe(false)
  })
})

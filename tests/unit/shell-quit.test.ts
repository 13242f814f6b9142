import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore } from '@engine/project-store'
import { RecoveryStore } from '@engine/recovery'
import { encodeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { quitQuestion, settleUnsavedBeforeQuit, type QuitChoice, type UnsavedProject } from '../../src/main/quit'
import { makeProject, tempDir } from '../helpers/projects'
import { translator } from '../helpers/translator'

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
    expect(quitQuestion(asked[0]!, translator('en'))).toMatchObject({
      message: '“Bridge over budget” has 1 edit that could not be saved.',
      detail: expect.stringMatching(/^Could not save[^]*discard the 1 edit\.$/) as string,
      buttons: ['Retry', 'Save a copy as…', 'Discard 1 edit', 'Cancel'],
    })
  })

  it('asks in the checker’s language, with Ukrainian plural forms, without the engine’s English reason', () => {
    const uk = translator('uk')
    const question = (edits: number) => quitQuestion({ path, title: 'Міст', edits, message: 'Could not save "x": disk full.' }, uk)
    expect(question(1)).toEqual({
      message: 'У проєкті «Міст» не вдалося зберегти 1 зміну.',
      detail: 'Зберегти не вдалося.\n\nСпробуйте ще раз, збережіть свою версію в іншому місці або відкиньте 1 зміну.',
      buttons: ['Спробувати ще раз', 'Зберегти копію як…', 'Відкинути 1 зміну', 'Скасувати'],
    })
    expect(question(3).buttons[2]).toBe('Відкинути 3 зміни')
    expect(question(5).buttons[2]).toBe('Відкинути 5 змін')
    expect(question(21).message).toBe('У проєкті «Міст» не вдалося зберегти 21 зміну.')
    expect(quitQuestion({ path, title: 'Bridge', edits: 2, message: null }, translator('en')).detail).toMatch(
      /^It could not be saved\.\n\n/,
    )
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

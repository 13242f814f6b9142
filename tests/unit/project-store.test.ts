import { mkdir, readFile, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { AUTOSAVE_DEBOUNCE_MS, ProjectStore } from '@engine/project-store'
import { claimOver, makeProject, tempDir } from '../helpers/projects'

const readJson = async (path: string): Promise<Project> => JSON.parse(await readFile(path, 'utf8')) as Project

describe('ProjectStore', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let path: string
  let store: ProjectStore
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir())
    path = join(dir, 'bridge.factdesk.json')
    await writeFile(path, encodeProject(makeProject()))
    store = new ProjectStore()
    await store.open(path)
  })
  afterEach(async () => {
    await store.closeAll()
    await cleanup()
  })

  const addClaim = (quote: string) => store.mutate(path, (p) => ({ ...p, claims: [...p.claims, claimOver(p, quote)] }))

  // How fast it lands is measured in `npm run bench` (target: within 300 ms of the last edit).
  it('puts an edit on disk after the debounce, and says Saving then Saved', async () => {
    expect(addClaim('cost €41 million').save.state).toBe('saving')
    expect((await readJson(path)).claims).toHaveLength(0)
    const status = await store.awaitSave(path)
    expect(status.state).toBe('saved')
    expect(status.savedAt).not.toBeNull()
    expect((await readJson(path)).claims.map((c) => c.text)).toEqual(['cost €41 million'])
  })

  it('debounces a burst of edits into one write', async () => {
    addClaim('cost €41 million')
    const mtimeAfterFirstEdit = (await stat(path)).mtimeMs
    await new Promise((r) => setTimeout(r, AUTOSAVE_DEBOUNCE_MS / 2))
    addClaim('12% over budget')
    await new Promise((r) => setTimeout(r, AUTOSAVE_DEBOUNCE_MS / 2 + 20))
    // Still inside the debounce window of the second edit: nothing written yet.
    expect((await stat(path)).mtimeMs).toBe(mtimeAfterFirstEdit)
    await store.awaitSave(path)
    expect((await readJson(path)).claims).toHaveLength(2)
  })

  it('takes an edit that arrives while a save checks the disk into that save, and settles at Saved', async () => {
    addClaim('cost €41 million')
    const flushing = store.flush(path)
    // The save is now awaiting its disk check; this edit lands in that window.
    addClaim('12% over budget')
    await flushing
    let status = await store.awaitSave(path)
    for (let i = 0; i < 3 && status.state === 'saving'; i++) status = await store.awaitSave(path)
    expect(status.state).toBe('saved')
    expect((await readJson(path)).claims).toHaveLength(2)
    expect((await store.checkDisk(path)).state).toBe('saved')
  })

  it('keeps the previous good version as .bak on each save', async () => {
    addClaim('cost €41 million')
    await store.awaitSave(path)
    addClaim('12% over budget')
    await store.awaitSave(path)
    expect((await readJson(`${path}.bak`)).claims).toHaveLength(1)
    expect((await readJson(path)).claims).toHaveLength(2)
  })

  it('flushes pending edits on close', async () => {
    addClaim('cost €41 million')
    await store.close(path)
    expect((await readJson(path)).claims).toHaveLength(1)
    expect(store.isOpen(path)).toBe(false)
  })

  it('refuses an edit that breaks the offset invariant, and keeps the project as it was', async () => {
    expect(() =>
      store.mutate(path, (p) => ({ ...p, claims: [{ ...claimOver(p, 'cost €41 million'), text: 'cost €14 million' }] })),
    ).toThrow(/claims\[0\]\.text: does not match the article text/)
    expect(store.peek(path)?.claims).toHaveLength(0)
  })

  it('refuses an edit that rewrites history', async () => {
    expect(() => store.mutate(path, (p) => ({ ...p, history: [] }))).toThrow(/append-only/)
    expect(() => store.mutate(path, (p) => ({ ...p, history: [{ ...p.history[0]!, summary: 'forged' }] }))).toThrow(/append-only/)
    expect(store.peek(path)?.history[0]?.summary).toMatch(/^Created from/)
  })

  it('does not overwrite a file changed on disk; the checker can reload it', async () => {
    const external = { ...makeProject(), article: { ...makeProject().article, title: 'Edited in another window' } }
    await writeFile(path, encodeProject(external))
    await utimes(path, new Date(), new Date(Date.now() + 5000))
    addClaim('cost €41 million')
    const status = await store.awaitSave(path)
    expect(status.state).toBe('conflict')
    expect(status.message).toContain(path)
    expect(status.message).toMatch(/changed or removed outside Factdesk/)
    expect((await readJson(path)).article.title).toBe('Edited in another window')
    expect(() => addClaim('12% over budget')).toThrow(/Reload it from disk, or save your version as a copy/)

    const reloaded = await store.reload(path)
    expect(reloaded.project.article.title).toBe('Edited in another window')
    expect(reloaded.save.state).toBe('saved')
    addClaim('12% over budget')
    expect((await store.awaitSave(path)).state).toBe('saved')
  })

  it('saves the checker’s version as a copy when the file changed on disk, leaving the other untouched', async () => {
    addClaim('cost €41 million')
    await store.awaitSave(path)
    const externalText = encodeProject({ ...makeProject(), article: { ...makeProject().article, title: 'From git pull' } })
    await writeFile(path, externalText)
    addClaim('12% over budget')
    expect((await store.awaitSave(path)).state).toBe('conflict')
    const copy = await store.saveCopy(path)
    expect(copy.path).toBe(join(dir, 'bridge-copy.factdesk.json'))
    expect((await readJson(copy.path)).claims.map((c) => c.text)).toEqual(['cost €41 million', '12% over budget'])
    expect(await readFile(path, 'utf8')).toBe(externalText)
    expect(store.isOpen(path)).toBe(false)
  })

  it('notices an external change without an edit (checkDisk), and ignores a touch that changed nothing', async () => {
    await utimes(path, new Date(), new Date(Date.now() + 10_000))
    expect((await store.checkDisk(path)).state).toBe('saved')
    await unlink(path)
    expect((await store.checkDisk(path)).state).toBe('conflict')
  })

  it('reports a failed write as an error, keeps the edit in memory, and retries until it lands', async () => {
    // Every save first keeps the previous file as .bak; a folder in its place makes the save fail.
    const temp = join(dir, 'bridge.factdesk.json.bak')
    await mkdir(temp)
    addClaim('cost €41 million')
    const failed = await store.awaitSave(path)
    expect(failed.state).toBe('error')
    expect(failed.message).toMatch(/Could not save ".*bridge\.factdesk\.json".*Your edits are kept in memory/)
    expect(store.peek(path)?.claims).toHaveLength(1)
    expect((await readJson(path)).claims).toHaveLength(0)

    await rmdir(temp)
    const retried = await store.awaitSave(path)
    expect(retried.state).toBe('saved')
    expect((await readJson(path)).claims).toHaveLength(1)
  })
})

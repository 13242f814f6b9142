import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveAttachment } from '@engine/attachments'
import { copyFileAtomic, createFileExclusive, removeStaleTemps, tempPathFor, writeFileAtomic } from '@engine/fs/durable'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-durable-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the durable writer', () => {
  it('leaves the complete new file and no temp file behind', async () => {
    const target = join(dir, 'report.html')
    await writeFile(target, 'old')
    await writeFileAtomic(target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['report.html'])
  })

  it('gives every write its own temp file, so 50 simultaneous writers each land whole', async () => {
    const target = join(dir, 'p.factdesk.json')
    const bodies = Array.from({ length: 50 }, (_, i) => `writer ${i} `.repeat(2000))
    await Promise.all(bodies.map((body) => writeFileAtomic(target, body)))
    expect(bodies).toContain(await readFile(target, 'utf8'))
    expect(await readdir(dir)).toEqual(['p.factdesk.json'])
  })

  it('keeps the replaced file’s permissions', async () => {
    const target = join(dir, 'private.json')
    await writeFile(target, '{}', { mode: 0o600 })
    await writeFileAtomic(target, '{"a":1}')
    expect((await stat(target)).mode & 0o777).toBe(0o600)
  })

  it('never replaces an existing name when creating, and takes the next free one', async () => {
    await writeFile(join(dir, 'a.json'), 'theirs')
    const created = await createFileExclusive(dir, ['a.json', 'a-2.json'], 'mine')
    expect(created).toBe(join(dir, 'a-2.json'))
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('theirs')
    expect(await createFileExclusive(dir, ['a.json'], 'mine')).toBeNull()
    expect((await readdir(dir)).sort()).toEqual(['a-2.json', 'a.json'])
  })

  it('copies a backup whole, readable and writable by its owner even from a read-only original', async () => {
    const original = join(dir, 'p.factdesk.json')
    await writeFile(original, 'x'.repeat(100_000), { mode: 0o444 })
    await copyFileAtomic(original, `${original}.bak`)
    expect(await readFile(`${original}.bak`, 'utf8')).toHaveLength(100_000)
    expect((await stat(`${original}.bak`)).mode & 0o600).toBe(0o600)
  })

  it('removes temp files a crash left behind, but not a live writer’s or anyone else’s files', async () => {
    const target = join(dir, 'p.factdesk.json')
    const stale = tempPathFor(target)
    const live = tempPathFor(target)
    const foreign = join(dir, '.p.factdesk.json.notes.tmp')
    await Promise.all([writeFile(stale, 'half'), writeFile(live, 'half'), writeFile(foreign, 'keep')])
    const old = new Date(Date.now() - 10 * 60_000)
    await utimes(stale, old, old)
    await utimes(foreign, old, old)
    expect(await removeStaleTemps(target)).toBe(1)
    const left = await readdir(dir)
    expect(left).not.toContain(stale.split('/').pop())
    expect(left).toContain(live.split('/').pop())
    expect(left).toContain('.p.factdesk.json.notes.tmp')
  })
})

describe('attachments', () => {
  it('stores 30 pairs of simultaneous attachments each with its own bytes', async () => {
    const project = join(dir, 'case.factdesk.json')
    const files = Array.from({ length: 60 }, (_, i) => ({ name: `evidence-${i % 2}.txt`, data: Buffer.from(`file ${i} `.repeat(500)) }))
    const stored = await Promise.all(files.map((f) => saveAttachment(project, f.name, f.data)))
    expect(new Set(stored).size).toBe(60)
    for (const [i, relative] of stored.entries()) {
      expect((await readFile(join(dir, relative))).equals(files[i]!.data), `${relative} holds file ${i}`).toBe(true)
    }
  })
})

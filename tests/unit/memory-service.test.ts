import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@domain/errors'
import { encodeProject } from '@domain/project/codec'
import { MemoryService } from '@engine/memory/memory-service'
import { makeProject, tempDir } from '../helpers/projects'

/** The memory worker runs under a heap bound; what a checker is told when a library outgrows it. */
describe('claim memory service', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir())
    for (let i = 0; i < 20; i++) await writeFile(join(dir, `p${i}.factdesk.json`), encodeProject(makeProject()))
  })
  afterEach(() => cleanup())

  it('says the library index ran out of the memory it may use, and in the checker’s language by its key', async () => {
    const memory = new MemoryService(async () => dir, 2)
    const failure = await memory.search('bridge', {}, 5).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'TOO_LARGE', key: 'libraryIndex.outOfMemory', params: { limit: 2 } })
    expect((failure as AppError).message).toMatch(/needs more than the 2 MB of memory it may use/)
    await memory.close()
  })
})

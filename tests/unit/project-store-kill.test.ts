import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeProject } from '@domain/project/codec'
import { readProjectFile } from '@engine/project-store'
import { makeProject, tempDir } from '../helpers/projects'
import { runAndKill } from '../../scripts/torture/kill'

const KILLS = 200
const LANES = 4

describe('a project survives SIGKILL at any moment of a save', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let script: string
  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('factdesk-kill-'))
    script = join(dir, 'kill-writer.mjs')
    // Bundled once so each of the 200 child processes starts in tens of milliseconds.
    await build({
      entryPoints: [join(import.meta.dirname, '../../scripts/torture/kill-writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'error',
    })
  })
  afterAll(async () => cleanup())

  it(`holds the previous or the new state after each of ${KILLS} kills`, { timeout: 240_000 }, async () => {
    // Four files killed in parallel lanes: the same 200 kills in a fraction of the time.
    const outcomes = { previous: 0, next: 0 }
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const path = join(dir, `growing-${lane}.factdesk.json`)
        await writeFile(path, encodeProject(makeProject()))
        // A fixed-seed sequence of delays per lane spreads the kills over every phase of a save.
        let seed = 20261127 + lane
        const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
        for (let i = 0; i < KILLS / LANES; i++) {
          const confirmed = await runAndKill(script, path, random() * 25)
          const { project } = await readProjectFile(path)
          const onDisk = Number(/generation (\d+)/.exec(project.article.title)?.[1])
          expect([confirmed, confirmed + 1], `lane ${lane}, kill ${i + 1}`).toContain(onDisk)
          expect(project.history).toHaveLength(onDisk + 1)
          outcomes[onDisk === confirmed ? 'previous' : 'next']++
        }
      }),
    )
    // Both outcomes occurring shows kills landed mid-save, not only between saves.
    expect(outcomes.previous + outcomes.next).toBe(KILLS)
    expect(outcomes.next).toBeGreaterThan(0)
  })
})

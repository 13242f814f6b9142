import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Project } from '@domain/project/schema'
import { startServe } from '../helpers/cli'
import { tempDir } from '../helpers/projects'

const REPO = join(import.meta.dirname, '../..')

describe('factdesk serve', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    if (!existsSync(join(REPO, 'out/renderer/index.html')))
      throw new Error('out/renderer is missing: run `npm run build` first (npm test does).')
    ;({ dir, cleanup } = await tempDir('factdesk-serve-'))
  })
  afterAll(async () => cleanup())

  it('prints the address on a line by itself, serves the app, and stops cleanly on Ctrl+C', async () => {
    const { child, url, stderr, api } = await startServe(join(dir, 'projects'), { HOME: dir, FACTDESK_CONFIG_DIR: join(dir, 'cfg') })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/)
    const base = url.split('#')[0]!
    const page = await fetch(base)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root"></div>')

    const created = (await api('project:create', {
      title: 'Quit test',
      text: 'The council spent €3.1 million on the bridge in 2025, the auditor said.',
    })) as { ok: boolean; value: { path: string; project: Project } }
    const claim = created.value.project.claims[0]!
    const edited = await api('claim:setVerdict', { path: created.value.path, id: claim.id, verdict: 'true' })
    expect(edited.ok).toBe(true)
    // Ctrl+C while the edit still waits for its autosave: it must be flushed, not lost.
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect(stderr()).toContain('Every change is saved. Factdesk stopped.')
    const saved = JSON.parse(await readFile(created.value.path, 'utf8')) as Project
    expect(saved.claims[0]?.verdict).toBe('true')
  })
})

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'

const REPO = join(import.meta.dirname, '../..')
const built = existsSync(join(REPO, 'out/renderer/index.html'))

describe('factdesk serve', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => ({ dir, cleanup } = await tempDir('factdesk-serve-')))
  afterAll(async () => cleanup())

  it.skipIf(!built)('prints the address on a line by itself, serves the app, and stops cleanly on Ctrl+C', async () => {
    const child = spawn(process.execPath, [join(REPO, 'bin/factdesk.js'), 'serve', '--no-open', '--home', join(dir, 'projects')], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, FACTDESK_CONFIG_DIR: join(dir, 'cfg') },
    })
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d
        const line = stdout.split('\n').find((l) => l.startsWith('http'))
        if (line) resolve(line)
      })
      child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)))
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/)
    const page = await fetch(url.split('#')[0]!)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root"></div>')
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect(stderr).toContain('Every change is saved. Factdesk stopped.')
  })
})

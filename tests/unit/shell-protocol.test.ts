import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY_HEADER } from '@contract/csp'
import { appProtocolHandler } from '../../src/main/app-protocol'

let renderer: string

beforeAll(async () => {
  renderer = await mkdtemp(join(tmpdir(), 'factdesk-protocol-'))
  await mkdir(join(renderer, 'assets'))
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Factdesk</title>')
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
})
afterAll(() => rm(renderer, { recursive: true, force: true }))

/** Electron's net.fetch for file:// URLs, played by reading the file. */
const readFileUrl = async (url: string): Promise<Response> =>
  new Response(await readFile(fileURLToPath(url)), { headers: { 'Content-Type': 'text/html' } })

describe('the app:// protocol', () => {
  it('serves the renderer’s files with the app’s security headers', async () => {
    const handle = appProtocolHandler({ rendererDir: renderer, fetchFile: readFileUrl })
    const response = await handle(new Request('app://factdesk/index.html'))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Factdesk</title>')
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('answers a missing asset, a folder or a path outside the renderer with 404, without reading anything', async () => {
    const fetchFile = vi.fn(readFileUrl)
    const report = vi.fn()
    const handle = appProtocolHandler({ rendererDir: renderer, fetchFile, report })
    for (const url of [
      'app://factdesk/assets/index-gone.js',
      'app://factdesk/assets/',
      'app://factdesk/..%2f..%2fetc/passwd',
      'app://other/index.html',
    ]) {
      const response = await handle(new Request(url))
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).toBe('Not found')
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY_HEADER)
    }
    expect(fetchFile).not.toHaveBeenCalled()
    expect(report).not.toHaveBeenCalled()
  })

  it('answers 500 with one line in the log when a file exists but cannot be read', async () => {
    const report = vi.fn()
    const handle = appProtocolHandler({
      rendererDir: renderer,
      fetchFile: () => Promise.reject(new Error('net::ERR_ACCESS_DENIED')),
      report,
    })
    const response = await handle(new Request('app://factdesk/assets/index-abc.js'))
    expect(response.status).toBe(500)
    expect(report).toHaveBeenCalledOnce()
    expect(report.mock.calls[0]?.[0]).toMatch(
      /^\[factdesk\] app:\/\/factdesk\/assets\/index-abc\.js could not be read from ".*index-abc\.js": net::ERR_ACCESS_DENIED$/,
    )
  })
})

import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '@engine/dispatcher'
import { startServer, type RunningServer } from '../../src/cli/serve/server'
import { testEngine } from '../helpers/projects'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so tests can send any Host, Origin or path a hostile page or tool could. */
function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (d: string) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('browser edition server', () => {
  let server: RunningServer
  let close: () => Promise<void>
  let home: string
  const rendererDir = join(import.meta.dirname, '../fixtures/server-root')

  beforeAll(async () => {
    let dispatch: Dispatch
    ;({ dispatch, home, close } = await testEngine({ edition: 'browser' }))
    server = await startServer({ rendererDir, dispatch, token: 'test-token', maxBodyBytes: 64 * 1024 })
  })
  afterAll(async () => {
    await server.close()
    await close()
  })

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
    send(server.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Factdesk-Token': 'test-token', ...headers },
      body: JSON.stringify(body),
    })

  it('listens on 127.0.0.1 only and prints an address with the token in the fragment', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=test-token`)
  })

  it('serves the app with its CSP and no CORS headers', async () => {
    const page = await send(server.port, { headers: { Host: `localhost:${server.port}` } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('server test page')
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/)
    expect(Object.keys(page.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('answers 400, not 500, to an address whose percent-encoding is malformed, for the API and for files', async () => {
    for (const path of ['/api/%E0%A4%A', '/%E0%A4%A', '/api/app%3Ainfo%']) {
      const reply = path.startsWith('/api/')
        ? await send(server.port, {
            method: 'POST',
            path,
            headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Factdesk-Token': 'test-token' },
            body: '{}',
          })
        : await send(server.port, { path, headers: { Host: `127.0.0.1:${server.port}` } })
      expect(reply.status, path).toBe(400)
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The address is not valid: its percent-encoding (%XX) does not spell out characters.' },
      })
    }
    expect((await api('app%3Ainfo', {})).status).toBe(200)
  })

  it('answers the API with the same envelopes and validation as IPC', async () => {
    const info = await api('app:info', {})
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { edition: 'browser', projectsDir: home } })
    expect(JSON.parse((await api('project:create', { title: 3 })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(JSON.parse((await api('system:exec', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('refuses API requests without the token, or with a wrong one (401)', async () => {
    for (const token of [undefined, 'wrong-token', 'test-token-but-longer']) {
      const headers: Record<string, string> = { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' }
      if (token) headers['X-Factdesk-Token'] = token
      const reply = await send(server.port, {
        method: 'POST',
        path: '/api/project:create',
        headers,
        body: JSON.stringify({ title: 'x', text: 'y' }),
      })
      expect(reply.status).toBe(401)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(JSON.parse((await api('project:list', {})).body)).toMatchObject({ ok: true, value: { projects: [] } })
  })

  it('refuses a foreign Host, as a DNS-rebinding page would send (403), for the API and the app', async () => {
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, 'localhost']) {
      expect((await api('app:info', {}, { Host: host })).status).toBe(403)
      expect((await send(server.port, { headers: { Host: host } })).status).toBe(403)
    }
  })

  it('refuses a foreign Origin or a cross-site fetch (403), even with the token', async () => {
    expect((await api('app:info', {}, { Origin: 'https://evil.example' })).status).toBe(403)
    expect((await api('app:info', {}, { Origin: 'null' })).status).toBe(403)
    expect((await api('app:info', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await api('app:info', {}, { Origin: `http://localhost:${server.port}` })).status).toBe(200)
  })

  it('answers a CORS preflight without any CORS header', async () => {
    const reply = await send(server.port, {
      method: 'OPTIONS',
      path: '/api/app:info',
      headers: { Host: `127.0.0.1:${server.port}`, Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST' },
    })
    expect(reply.status).toBe(405)
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('refuses a body over the size limit (413) and a body that is not JSON (400)', async () => {
    const big = await api('project:create', { title: 'big', text: 'x'.repeat(70 * 1024) })
    expect(big.status).toBe(413)
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
    const garbage = await send(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Factdesk-Token': 'test-token' },
      body: '{nope',
    })
    expect(garbage.status).toBe(400)
  })

  it('never serves files outside the app folder', async () => {
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/%00index.html']) {
      const reply = await send(server.port, { path, headers: { Host: `127.0.0.1:${server.port}` } })
      expect(reply.status, path).toBe(404)
      expect(reply.body).not.toContain('root:')
    }
  })
})

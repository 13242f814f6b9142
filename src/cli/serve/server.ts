import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import { CONTENT_SECURITY_POLICY_HEADER } from '@contract/csp'
import type { Dispatch } from '@engine/dispatcher'
import { MIME_TYPES, resolveInsideDir } from '@engine/static-files'

/** The header that carries the launch token on every API request. */
export const TOKEN_HEADER = 'x-factdesk-token'
/**
 * An API request body may carry a whole article (pasted text up to 2 million characters, or an
 * uploaded file's bytes as base64), so the limit is generous but bounded.
 */
export const MAX_BODY_BYTES = 96 * 1024 * 1024

export interface ServerOptions {
  rendererDir: string
  dispatch: Dispatch
  /** 0 picks a free port. */
  port?: number
  /** A fixed token for tests; a random one per launch otherwise. */
  token?: string
  maxBodyBytes?: number
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  url: string
  close: () => Promise<void>
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8')
}

/** The decoded path, or null when its percent-encoding is malformed ("%E0%A4%A" is no character). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * The browser edition's HTTP server, on 127.0.0.1 only: the built renderer, and the API contract
 * at `POST /api/<channel>` through the same dispatcher as Electron's IPC. Requests for another
 * Host (DNS rebinding) or from another Origin (cross-site) get 403, API requests without the
 * launch token get 401, and no CORS headers are ever sent.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  let port = 0
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      return sendError(res, 403, 'FORBIDDEN', 'This Factdesk server only answers requests for 127.0.0.1 or localhost.')
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts().some((host) => origin === `http://${host}`)) {
      return sendError(res, 403, 'FORBIDDEN', 'Requests from other sites are refused.')
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return sendError(res, 403, 'FORBIDDEN', 'Requests from other sites are refused.')
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? ''}`)
    const path = decodedPath(url.pathname)
    if (path === null) {
      return sendError(res, 400, 'INVALID_INPUT', 'The address is not valid: its percent-encoding (%XX) does not spell out characters.')
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'INVALID_INPUT', 'The API takes POST requests.')
      const given = req.headers[TOKEN_HEADER]
      if (typeof given !== 'string' || !tokensEqual(given, token)) {
        return sendError(res, 401, 'FORBIDDEN', 'Missing or wrong launch token: open the address that `factdesk serve` printed.')
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, 415, 'INVALID_INPUT', 'The API takes JSON (Content-Type: application/json).')
      }
      const limit = options.maxBodyBytes ?? MAX_BODY_BYTES
      const body = await readBody(req, limit)
      if (body === null) {
        res.setHeader('Connection', 'close')
        return sendError(res, 413, 'TOO_LARGE', `The request is larger than the ${(limit / 1048576).toFixed(0)} MB the API accepts.`)
      }
      let input: unknown
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return sendError(res, 400, 'INVALID_INPUT', 'The request body is not valid JSON.')
      }
      const channel = path.slice('/api/'.length)
      const envelope = await options.dispatch(channel, input)
      return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8')
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'INVALID_INPUT', 'Only GET is served here.')
    const file = resolveInsideDir(options.rendererDir, url.pathname)
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8')
    try {
      const content = await readFile(file)
      const type = MIME_TYPES[extname(file)] ?? 'application/octet-stream'
      if (req.method === 'HEAD') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': content.length })
        res.end()
      } else {
        send(res, 200, content, type)
      }
    } catch {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8')
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendError(res, 500, 'INTERNAL', `Factdesk's server failed: ${error instanceof Error ? error.message : String(error)}`)
      else res.destroy()
    })
  })
  server.requestTimeout = 5 * 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

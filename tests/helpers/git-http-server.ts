import { spawn, spawnSync } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Whether Debian's git (with its `git http-backend` CGI program) is installed here. */
export const HAS_GIT_HTTP_BACKEND =
  spawnSync('git', ['http-backend'], { env: { REQUEST_METHOD: 'GET', PATH_INFO: '/' } }).error === undefined

export interface GitHttpServer {
  url: string
  /** Requests refused for a missing or wrong token. */
  refused: number
  close: () => Promise<void>
}

function authorised(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? ''
  if (header === `Bearer ${token}`) return true
  const basic = /^Basic (.+)$/.exec(header)?.[1]
  if (!basic) return false
  const password = Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':')
  return password === token
}

/**
 * A git host on 127.0.0.1 for tests: `git http-backend` (git's smart-HTTP CGI program) behind a
 * small Node server that asks for the token as a git host does (401 with a Basic challenge).
 */
export async function startGitHttpServer(projectRoot: string, token: string): Promise<GitHttpServer> {
  const state = { refused: 0 }
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!authorised(request, token)) {
      state.refused++
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' }).end('token required')
      return
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: request.method ?? 'GET',
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(request.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'checker',
        REMOTE_ADDR: '127.0.0.1',
      },
    })
    request.pipe(cgi.stdin)
    let head = Buffer.alloc(0)
    let headersSent = false
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        response.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      const headers: Record<string, string> = {}
      let status = 200
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const [name = '', ...rest] = line.split(':')
        const value = rest.join(':').trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else headers[name] = value
      }
      response.writeHead(status, headers)
      headersSent = true
      response.write(head.subarray(end + 4))
    })
    cgi.stdout.on('end', () => response.end())
    cgi.on('error', () => response.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get refused() {
      return state.refused
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

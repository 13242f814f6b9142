import { stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY_HEADER } from '@contract/csp'
import { resolveAppRequest } from './security'

export interface AppProtocolOptions {
  /** The built renderer (out/renderer): the only folder app:// serves. */
  rendererDir: string
  /** Reads a file:// URL; Electron's `net.fetch` in the app. */
  fetchFile: (fileUrl: string) => Promise<Response>
  /** Where a file that exists but cannot be read is reported (one line, no stack). */
  report?: (message: string) => void
}

function withAppHeaders(headers: ConstructorParameters<typeof Headers>[0]): Headers {
  const result = new Headers(headers)
  result.set('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER)
  result.set('X-Content-Type-Options', 'nosniff')
  return result
}

function answer(status: 404 | 500, body: string): Response {
  return new Response(body, { status, headers: withAppHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }) })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * The app:// handler for `protocol.handle`. A handler answers every request with a Response,
 * an error status included (https://www.electronjs.org/docs/latest/api/protocol#protocolhandlescheme-handler);
 * `net.fetch` of a missing file:// URL rejects instead, which Electron logs with a stack trace
 * and turns into ERR_UNEXPECTED. So a missing file, a folder or a path outside the renderer is
 * a plain 404 before anything is fetched.
 */
export function appProtocolHandler({ rendererDir, fetchFile, report = console.error }: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    const file = resolveAppRequest(rendererDir, request.url)
    if (!file || !(await isFile(file))) return answer(404, 'Not found')
    try {
      const response = await fetchFile(pathToFileURL(file).href)
      return new Response(response.body, { status: response.status, headers: withAppHeaders(response.headers) })
    } catch (error) {
      report(`[factdesk] ${request.url} could not be read from "${file}": ${error instanceof Error ? error.message : String(error)}`)
      return answer(500, 'This part of Factdesk could not be read from disk.')
    }
  }
}

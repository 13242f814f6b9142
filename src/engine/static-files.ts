import { isAbsolute, join, normalize, relative, sep } from 'node:path'

/**
 * The file a URL path names inside `dir`, or null when it would leave it (`..`, encoded
 * separators, NUL, absolute paths). "/" is index.html. Used by the app:// protocol handler and
 * the browser edition's server.
 */
export function resolveInsideDir(dir: string, urlPath: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const file = normalize(join(dir, relativePath))
  const inside = relative(dir, file)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  return file
}

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Every screen's address, the same in both editions: the library is `#/`, a project
 * `#/p/<project>`, a claim in it `#/p/<project>/c/<claim>`. A project in the projects folder is
 * named by its file name without `.factdesk.json` (short, readable in a chat); one elsewhere by its
 * whole path, percent-encoded. The desktop app's links are the same route under `factdesk://`.
 * Pure string work, so the renderer, the Electron shell and the tests share it.
 */

export interface Route {
  /** The project's reference as it appears in the address, or null for the library. */
  project: string | null
  claim: string | null
}

export const LINK_SCHEME = 'factdesk'
const PROJECT_SUFFIX = '.factdesk.json'
/** Claim ids are 1–64 of these (the project schema's IdSchema). */
const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/

export const LIBRARY: Route = { project: null, claim: null }

/** `#/p/rail-fares/c/c-12`, `#/p/rail-fares` or `#/`. */
export function formatRoute(route: Route): string {
  if (route.project === null) return '#/'
  const project = `#/p/${encodeURIComponent(route.project)}`
  return route.claim === null ? project : `${project}/c/${encodeURIComponent(route.claim)}`
}

/**
 * The route an address fragment names, or null when it names none (another fragment, a malformed
 * one). The launch token's fragment (`#token=…`) is not a route.
 */
export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/') return LIBRARY
  const match = /^\/p\/([^/]+)(?:\/c\/([^/]+))?\/?$/.exec(path)
  if (!match?.[1]) return null
  let project: string
  let claim: string | null
  try {
    project = decodeURIComponent(match[1])
    claim = match[2] === undefined ? null : decodeURIComponent(match[2])
  } catch {
    return null
  }
  if (!project || project.includes('\0') || (claim !== null && !CLAIM_ID.test(claim))) return null
  return { project, claim }
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
}

function separatorOf(dir: string): '/' | '\\' {
  return dir.includes('\\') && !dir.includes('/') ? '\\' : '/'
}

/** How a project file is named in an address: its short name inside the projects folder, else its path. */
export function projectRef(path: string, projectsDir: string): string {
  const sep = separatorOf(projectsDir)
  const dir = projectsDir.replace(/[\\/]+$/, '')
  const name = path.slice(dir.length + 1)
  const inside = path.startsWith(`${dir}${sep}`) && !/[\\/]/.test(name) && name.endsWith(PROJECT_SUFFIX)
  return inside ? name.slice(0, -PROJECT_SUFFIX.length) : path
}

/** The project file an address names: a path as it is, a short name inside the projects folder. */
export function projectPathOf(ref: string, projectsDir: string): string {
  if (isAbsolutePath(ref)) return ref
  const sep = separatorOf(projectsDir)
  return `${projectsDir.replace(/[\\/]+$/, '')}${sep}${ref}${PROJECT_SUFFIX}`
}

/** `factdesk://p/rail-fares/c/c-12`: the desktop app's link to a route. */
export function desktopLink(route: Route): string {
  return `${LINK_SCHEME}:${formatRoute(route).slice(1).replace(/^\//, '//')}`
}

/**
 * The route a `factdesk:` link names (as the operating system hands it to the app: on the command
 * line, or through macOS's open-url), or null for anything else. Both `factdesk://p/x` and
 * `factdesk:/p/x` are taken, since some launchers fold the slashes.
 */
export function routeOfLink(link: string): Route | null {
  const match = new RegExp(`^${LINK_SCHEME}:/{0,2}(.*)$`, 'i').exec(link.trim())
  if (!match) return null
  const rest = (match[1] ?? '').replace(/[?#].*$/, '')
  return parseRoute(`#/${rest}`)
}

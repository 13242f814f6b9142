import { useEffect } from 'react'
import { formatRoute, LIBRARY, parseRoute, projectPathOf, projectRef, type Route } from '@contract/routes'
import { useApp } from '../store'

/** The route of what is on screen: the library, a project, a claim in it. */
function currentRoute(): Route {
  const { current, selectedId, info } = useApp.getState()
  if (!current || !info) return LIBRARY
  return { project: projectRef(current.path, info.projectsDir), claim: selectedId }
}

/** The address being applied: while it is, the screen's changes are its doing and not written back. */
let applying: string | null = null

/** Puts the screen where an address says: opens the project it names and selects the claim. */
async function applyRoute(route: Route): Promise<void> {
  const app = useApp.getState()
  const hash = formatRoute(route)
  // Back fires both popstate and hashchange: the second asks for what is already under way.
  if (!app.info || applying === hash) return
  applying = hash
  try {
    if (route.project === null) {
      if (app.current) await app.closeProject()
      return
    }
    const path = projectPathOf(route.project, app.info.projectsDir)
    if (app.current?.path !== path) await app.openProject(path)
    const opened = useApp.getState().current
    if (opened?.path !== path) {
      // The project could not be opened (the checker was told why): the address goes back to what is on screen.
      history.replaceState(null, '', formatRoute(currentRoute()))
      return
    }
    if (route.claim === null) return
    if (opened.project.claims.some((c) => c.id === route.claim)) useApp.getState().select(route.claim)
    else app.notify('error', `There is no claim ${route.claim} in this project; it may have been merged or removed.`)
  } finally {
    if (applying === hash) applying = null
  }
}

/**
 * Keeps the address bar and the screen in step, in both editions: opening a project adds a history
 * entry (so Back returns to the library), selecting a claim replaces the current one (so stepping
 * through claims does not flood the history), and reload, Back, Forward, a pasted link or a
 * `factdesk://` link put the screen back where the address says.
 */
export function useRoute(): void {
  useEffect(() => {
    const follow = (): void => {
      const route = parseRoute(window.location.hash)
      if (route) void applyRoute(route)
    }
    let booted = useApp.getState().info !== null
    if (booted) follow()
    const unsubscribe = useApp.subscribe((state, before) => {
      if (!booted && state.info) {
        booted = true
        follow()
        return
      }
      if (applying !== null || !state.info) return
      const hash = formatRoute(currentRoute())
      if (hash === window.location.hash || (hash === '#/' && window.location.hash === '')) return
      if (state.current?.path !== before.current?.path) history.pushState(null, '', hash)
      else history.replaceState(null, '', hash)
    })
    window.addEventListener('popstate', follow)
    window.addEventListener('hashchange', follow)
    return () => {
      unsubscribe()
      window.removeEventListener('popstate', follow)
      window.removeEventListener('hashchange', follow)
    }
  }, [])
}

/** Opens the place a `factdesk://` link names (the desktop shell hands over its route). */
export function openRoute(hash: string): void {
  if (parseRoute(hash) === null) return
  if (window.location.hash === hash) void applyRoute(parseRoute(hash) ?? LIBRARY)
  else window.location.hash = hash
}

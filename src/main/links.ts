import { formatRoute, LINK_SCHEME, routeOfLink } from '@contract/routes'

export { LINK_SCHEME }

/**
 * The `factdesk://` links on a command line: Windows and Linux start the app (or hand the running
 * one a second instance's argv) with the link as an argument. Each comes back as the route's
 * address fragment, which the renderer opens; anything that is not a valid link is skipped.
 */
export function routesFromArgv(argv: readonly string[]): string[] {
  const routes: string[] = []
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${LINK_SCHEME}:`)) continue
    const route = routeOfLink(arg)
    if (route) routes.push(formatRoute(route))
  }
  return routes
}

/**
 * Registers Factdesk as the handler of `factdesk://` links. A packaged app declares the scheme in
 * its installer (electron-builder's `protocols`, which macOS requires in Info.plist); a development
 * run registers Electron with the app's folder as its argument, as Electron's docs describe.
 */
export function registerLinkScheme(
  app: { isPackaged: boolean; setAsDefaultProtocolClient: (scheme: string, path?: string, args?: string[]) => boolean },
  execPath: string,
  appPath: string,
): boolean {
  return app.isPackaged ? app.setAsDefaultProtocolClient(LINK_SCHEME) : app.setAsDefaultProtocolClient(LINK_SCHEME, execPath, [appPath])
}

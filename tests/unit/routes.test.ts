import { describe, expect, it } from 'vitest'
import { desktopLink, formatRoute, LIBRARY, parseRoute, projectPathOf, projectRef, routeOfLink } from '@contract/routes'
import { projectPathsFromArgv } from '../../src/main/file-args'
import { registerLinkScheme, routesFromArgv } from '../../src/main/links'

describe('addresses of screens, projects and claims', () => {
  it('writes and reads back the library, a project and a claim', () => {
    for (const route of [LIBRARY, { project: 'rail-fares', claim: null }, { project: 'rail-fares', claim: 'c-fares_2' }]) {
      expect(parseRoute(formatRoute(route))).toEqual(route)
    }
    expect(formatRoute({ project: 'rail-fares', claim: 'c-1' })).toBe('#/p/rail-fares/c/c-1')
    expect(parseRoute('')).toEqual(LIBRARY)
  })

  it('names a project in the projects folder by its short name, and any other by its whole path', () => {
    expect(projectRef('/home/ana/Documents/Factdesk/rail-fares.factdesk.json', '/home/ana/Documents/Factdesk')).toBe('rail-fares')
    expect(projectRef('/home/ana/Documents/Factdesk/old/x.factdesk.json', '/home/ana/Documents/Factdesk')).toBe(
      '/home/ana/Documents/Factdesk/old/x.factdesk.json',
    )
    expect(projectRef('C:\\Users\\ana\\Factdesk\\rail.factdesk.json', 'C:\\Users\\ana\\Factdesk')).toBe('rail')
    expect(projectPathOf('rail-fares', '/home/ana/Documents/Factdesk')).toBe('/home/ana/Documents/Factdesk/rail-fares.factdesk.json')
    expect(projectPathOf('rail', 'C:\\Users\\ana\\Factdesk')).toBe('C:\\Users\\ana\\Factdesk\\rail.factdesk.json')
    const elsewhere = '/mnt/desk/shared story.factdesk.json'
    const hash = formatRoute({ project: projectRef(elsewhere, '/home/ana/Factdesk'), claim: 'c-1' })
    expect(hash).toBe('#/p/%2Fmnt%2Fdesk%2Fshared%20story.factdesk.json/c/c-1')
    expect(projectPathOf(parseRoute(hash)!.project!, '/home/ana/Factdesk')).toBe(elsewhere)
  })

  it('refuses what names no route: other fragments, malformed encoding, a claim id the schema would not allow', () => {
    for (const hash of ['#token=abc', '#/x/y', '#/p/', '#/p/%E0%A4%A', '#/p/a/c/not an id', '#/p/a/c/x/y', '#/p/%00']) {
      expect(parseRoute(hash), hash).toBeNull()
    }
  })

  it('links the desktop app to a claim with factdesk://, and reads such a link back as the operating system hands it over', () => {
    const route = { project: 'rail-fares', claim: 'c-12' }
    expect(desktopLink(route)).toBe('factdesk://p/rail-fares/c/c-12')
    expect(routeOfLink('factdesk://p/rail-fares/c/c-12')).toEqual(route)
    expect(routeOfLink('FACTDESK:/p/rail-fares/c/c-12/')).toEqual(route)
    expect(routeOfLink('factdesk://p/rail-fares?x=1')).toEqual({ project: 'rail-fares', claim: null })
    expect(routeOfLink('https://p/rail-fares')).toBeNull()
    expect(routeOfLink('factdesk://evil/../../etc')).toBeNull()
  })

  it('finds a link on the command line a second instance is given, and never takes it for a project file', () => {
    const link = desktopLink({ project: '/mnt/desk/story.factdesk.json', claim: 'c-1' })
    const argv = ['/opt/Factdesk/factdesk', '--no-sandbox', link]
    expect(routesFromArgv(argv)).toEqual(['#/p/%2Fmnt%2Fdesk%2Fstory.factdesk.json/c/c-1'])
    expect(projectPathsFromArgv(argv, '/home/ana')).toEqual([])
    expect(routesFromArgv(['/opt/Factdesk/factdesk', 'factdesk://nonsense'])).toEqual([])
  })

  it('registers the factdesk scheme: the packaged app as itself, a development run as Electron with the app folder', () => {
    const calls: unknown[][] = []
    const app = (isPackaged: boolean) => ({
      isPackaged,
      setAsDefaultProtocolClient: (...args: unknown[]) => calls.push(args) > 0,
    })
    expect(registerLinkScheme(app(true), '/opt/Factdesk/factdesk', '/opt/Factdesk/resources/app.asar')).toBe(true)
    registerLinkScheme(app(false), '/repo/node_modules/electron/dist/electron', '/repo')
    expect(calls).toEqual([['factdesk'], ['factdesk', '/repo/node_modules/electron/dist/electron', ['/repo']]])
  })
})

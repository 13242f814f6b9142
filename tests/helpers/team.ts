import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Project } from '@domain/project/schema'
import { createServices, type Services } from '@engine/services'

export const TEAM_TEXT = `Ministers said on Monday that rail fares will rise by 4.6% in March, the smallest increase in five years.

The transport secretary told parliament the network carried 1.7 billion passengers last year.

According to Transport Focus, only 68% of trains arrived on time in 2025.`

export interface Checker {
  name: string
  email: string
  /** The checker's own projects folder (their laptop's). */
  home: string
  services: Services
  h: Services['handlers']
}

/**
 * One checker on their own laptop: their own home, config and projects folder, and their own
 * engine (createServices), as a second app instance would be.
 */
export async function checker(root: string, name: string, email: string, env: Record<string, string> = {}): Promise<Checker> {
  const base = join(root, name.toLowerCase())
  const home = join(base, 'projects')
  await mkdir(join(base, 'home'), { recursive: true })
  const services = createServices({
    edition: 'test',
    version: '0',
    resourcesDir: join(import.meta.dirname, '../../resources'),
    configDir: join(base, 'config'),
    env: { FACTDESK_HOME: home, HOME: join(base, 'home'), ...env },
    proposeClaims: false,
    debounceMs: 5,
  })
  await services.handlers['settings:set']({ checkerName: name, checkerEmail: email })
  return { name, email, home, services, h: services.handlers }
}

/** A claim's range in TEAM_TEXT. */
export function rangeOf(quote: string): { start: number; end: number } {
  const start = TEAM_TEXT.indexOf(quote)
  return { start, end: start + quote.length }
}

export async function readProjectJson(path: string): Promise<Project> {
  return JSON.parse(await readFile(path, 'utf8')) as Project
}

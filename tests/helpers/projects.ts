import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newProject } from '@domain/project/create'
import { unattributed, type Claim, type Project } from '@domain/project/schema'
import { createDispatcher, type Dispatch } from '@engine/dispatcher'
import { createServices, type ServiceContext, type Services } from '@engine/services'

export const ARTICLE_TEXT = `City officials said the new bridge cost €41 million, 12% over budget.

The mayor called it "the best day for this town in a decade." Opponents say the money should have gone to schools.`

export function makeProject(text = ARTICLE_TEXT, title = 'Bridge over budget'): Project {
  return newProject(
    { title, text, outlet: 'The Test Gazette', publishedAt: '2026-11-01', language: 'en' },
    { now: new Date('2026-11-20T10:00:00.000Z'), author: 'tester' },
  )
}

const T0 = '2026-11-20T10:00:00.000Z'

/**
 * A manual claim "to check" over `quote`, which must occur exactly once in the text (so the
 * fixture cannot silently point at the wrong sentence); `fields` override the defaults.
 */
export function claimIn(text: string, id: string, quote: string, fields: Partial<Claim> = {}): Claim {
  const start = text.indexOf(quote)
  if (start < 0 || text.indexOf(quote, start + 1) >= 0)
    throw new Error(`fixture claim "${id}": "${quote}" must occur exactly once in the text`)
  return {
    id,
    text: quote,
    start,
    end: start + quote.length,
    origin: 'manual',
    status: 'to-check',
    score: null,
    reasons: [],
    verdict: null,
    rationale: '',
    sourceIds: [],
    notes: '',
    checker: '',
    ...unattributed(),
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  }
}

/** A manual claim over `quote` in the project's article. */
export function claimOver(project: Project, quote: string, id = `c-${project.claims.length + 1}`): Claim {
  return claimIn(project.article.text, id, quote)
}

export async function tempDir(prefix = 'factdesk-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export interface TestEngineOptions extends Partial<Omit<ServiceContext, 'configDir' | 'env'>> {
  /**
   * The projects folder (FACTDESK_HOME): by default one of the engine's own, made empty and removed
   * by `close`; a folder the test laid out, which `close` leaves to the test; or null for none, so the
   * folder comes from Settings or the Documents folder as for a checker who never set it.
   */
  home?: string | null
}

export interface TestEngine {
  services: Services
  dispatch: Dispatch
  /** Ends open projects and the memory worker, then removes the engine's own folders. */
  close: () => Promise<void>
  /** The projects folder the engine works in ('' when `home` was null). */
  home: string
  /** The engine's temporary folder (its config lives in it), for files a test lays beside the projects. */
  dir: string
}

/**
 * The engine as a test drives it: its own projects and config folders in a temporary directory,
 * its handlers behind the dispatcher the app uses.
 */
export async function testEngine({ home: homeOption, ...options }: TestEngineOptions = {}): Promise<TestEngine> {
  const temp = await tempDir()
  const home = homeOption === undefined ? join(temp.dir, 'projects') : (homeOption ?? '')
  if (homeOption === undefined) await mkdir(home)
  const services = createServices({
    edition: 'test',
    version: '0.0.0-test',
    resourcesDir: join(import.meta.dirname, '../../resources'),
    configDir: join(temp.dir, 'config'),
    // Without a projects folder the default one is inside Documents: never the real one in a test.
    documentsDir: join(temp.dir, 'Documents'),
    env: home ? { FACTDESK_HOME: home } : {},
    ...options,
  })
  const close = async (): Promise<void> => {
    await services.store.closeAll()
    await services.memory.close()
    await temp.cleanup()
  }
  return { services, dispatch: createDispatcher(services.handlers), close, home, dir: temp.dir }
}

import { userInfo } from 'node:os'
import type { Edition, Handlers } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { newProject, type NewProjectOptions } from '../../shared/project/create'
import { SCHEMA_VERSION } from '../../shared/project/schema'
import { Library } from './library'
import { documentsDir, resolveProjectsDir, type Env } from './paths'
import { ProjectStore, writeNewProjectFile } from './project-store'
import { readSample } from './samples'
import { SettingsStore } from './settings'

export interface ServiceContext {
  edition: Edition
  version: string
  /** The folder holding `samples/` and other shipped resources. */
  resourcesDir: string
  configDir: string
  /** The Documents folder (Electron's, in the app); the default projects folder lives inside it. */
  documentsDir?: string
  env?: Env
  platform?: string
  now?: () => Date
  debounceMs?: number
  /** The claim engine's hooks for new projects. */
  claims?: Pick<NewProjectOptions, 'proposeClaims' | 'detectLanguage'>
}

export interface Services {
  handlers: Handlers
  store: ProjectStore
  library: Library
  settings: SettingsStore
  projectsDir: () => Promise<string>
}

/**
 * Wires the API contract to the plain services. No electron import: the Electron main process,
 * the browser-edition server, the CLI and the tests all build their services here.
 */
export function createServices(ctx: ServiceContext): Services {
  const env = ctx.env ?? process.env
  const now = ctx.now ?? (() => new Date())
  const store = new ProjectStore(ctx.debounceMs === undefined ? {} : { debounceMs: ctx.debounceMs })
  const library = new Library((path) => store.peek(path))
  const settings = new SettingsStore(ctx.configDir)
  const documents = ctx.documentsDir ?? documentsDir(env)

  const projectsDirChoice = async (): Promise<ReturnType<typeof resolveProjectsDir>> =>
    resolveProjectsDir(env, (await settings.get()).projectsDir, documents)
  const projectsDir = async (): Promise<string> => (await projectsDirChoice()).dir
  const author = async (): Promise<string> => {
    const name = (await settings.get()).checkerName
    if (name) return name
    try {
      return userInfo().username
    } catch {
      return 'checker'
    }
  }
  const ensureClosed = async (path: string): Promise<void> => {
    if (!store.isOpen(path)) return
    const status = await store.close(path)
    if (status.state === 'error') throw new AppError('IO', status.message ?? `Could not save "${path}".`)
  }

  const handlers: Handlers = {
    'app:info': async () => {
      const choice = await projectsDirChoice()
      return {
        name: 'Factdesk',
        version: ctx.version,
        edition: ctx.edition,
        platform: ctx.platform ?? process.platform,
        projectsDir: choice.dir,
        projectsDirSource: choice.source,
        schemaVersion: SCHEMA_VERSION,
      }
    },
    'app:sample': () => readSample(ctx.resourcesDir),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
    'project:create': async (input) => {
      const project = newProject(input, { now: now(), author: await author(), ...ctx.claims })
      const path = await writeNewProjectFile(await projectsDir(), project.article.title, project)
      await settings.addRecent(path)
      return store.open(path)
    },
    'project:open': async ({ path }) => {
      const opened = await store.open(path)
      await settings.addRecent(path)
      return opened
    },
    'project:list': async () => library.list(await projectsDir()),
    'project:close': ({ path }) => store.close(path),
    'project:awaitSave': ({ path }) => store.awaitSave(path),
    'project:checkDisk': ({ path }) => store.checkDisk(path),
    'project:reload': ({ path }) => store.reload(path),
    'project:saveCopy': async ({ path }) => {
      const copy = await store.saveCopy(path)
      await settings.addRecent(copy.path)
      return copy
    },
    'project:rename': async ({ path, title }) => {
      await ensureClosed(path)
      const summary = await library.rename(path, title, now(), await author())
      await settings.replaceRecent(path, summary.path)
      return summary
    },
    'project:duplicate': async ({ path }) => library.duplicate(path, now(), await author()),
    'project:delete': async ({ path }) => {
      await ensureClosed(path)
      const trashed = await library.delete(path, now())
      await settings.replaceRecent(path, null)
      return trashed
    },
    'project:trash': async () => library.trash(await projectsDir()),
    'project:restore': async ({ trashPath }) => library.restore(await projectsDir(), trashPath),
    'project:recent': async () => {
      const { recent } = await settings.get()
      const summaries = await Promise.all(recent.map((path) => library.summaryOf(path).catch(() => null)))
      return summaries.filter((s) => s !== null)
    },
  }
  return { handlers, store, library, settings, projectsDir }
}

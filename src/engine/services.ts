import { userInfo } from 'node:os'
import type { Edited, Edition, FileOrigin, Handlers, NewProjectInput } from '@contract/api'
import { sealHistory } from '@domain/evidence/chain'
import { createClaimProposer } from '@domain/claims/propose'
import type { CheckworthinessModel } from '@domain/claims/model'
import { AppError } from '@domain/errors'
import { newId } from '@domain/ids'
import { newProject } from '@domain/project/create'
import { decodeProject, MAX_PROJECT_BYTES, serializeProject } from '@domain/project/codec'
import type { EditContext, EditOutcome } from '@domain/project/ops'
import type { ArticleOrigin, Project } from '@domain/project/schema'
import { detectLanguage } from '@domain/text/language'
import { loadCheckworthinessModel } from './claim-model'
import { appHandlers } from './handlers/app'
import { claimHandlers } from './handlers/claims'
import { importHandlers } from './handlers/import'
import { libraryHandlers } from './handlers/library'
import { projectHandlers } from './handlers/projects'
import { reportHandlers } from './handlers/reports'
import { settingsHandlers } from './handlers/settings'
import { sourceHandlers } from './handlers/sources'
import { teamHandlers } from './handlers/team'
import { memoryHandlers } from './handlers/memory'
import { evidenceHandlers } from './handlers/evidence'
import { MemoryService } from './memory/memory-service'
import { PathAccess } from './access'
import { Library } from './library'
import { documentsDir, resolveProjectsDir, type Env, type ProjectsDirChoice } from './paths'
import type { DesktopAbilities } from './ports'
import { ProjectStore, sha256, writeNewProjectFile, writeProjectFileAt } from './project-store'
import { RecoveryStore } from './recovery'
import { SettingsStore } from './settings'
import { currentHolder } from './fs/lock'
import { gitIdentity } from './team/identity'
import { TeamSync } from './team/sync'
import { TokenStore } from './team/tokens'
import { appLanguage, translatorFor } from '@contract/i18n/translator'
import type { Translator } from '@domain/translate'
import { loadCatalogues } from './catalogues'

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
  /**
   * Whether new projects start with the engine's proposed claims (the default). Off gives a
   * blank project, as the tests of manual claim editing use.
   */
  proposeClaims?: boolean
  /** What only the desktop shell can do; absent in the browser edition and the CLI. */
  desktop?: DesktopAbilities
  /** The operating system's language, which the app speaks until the checker picks one (desktop: app.getLocale()). */
  systemLanguage?: string
}

/** Where a new project file goes: a folder (named after its title), an exact file, or the projects folder. */
export type NewProjectTarget = { dir: string } | { file: string } | null

/** What every handler module shares: the stores, the settings, and the few steps all edits take. */
export interface Engine {
  ctx: ServiceContext
  env: Env
  now: () => Date
  store: ProjectStore
  library: Library
  settings: SettingsStore
  projectsDirChoice: () => Promise<ProjectsDirChoice>
  projectsDir: () => Promise<string>
  /** Who history entries name: the checker's name from Settings, else the system user. */
  author: () => Promise<string>
  claimModel: () => Promise<CheckworthinessModel>
  /** Applies a checker's edit to an open project: history entry, undo step, autosave. */
  edit: (path: string, action: string, apply: (project: Project, ctx: EditContext) => EditOutcome) => Promise<Edited>
  step: (path: string, direction: 'undo' | 'redo') => Promise<Edited>
  /** The in-memory project; NOT_OPEN when it is not open. */
  openProject: (path: string) => Project
  /** The desktop shell's abilities, or UNSUPPORTED naming what needed them. */
  needDesktop: (need: DesktopNeed) => DesktopAbilities
  /** Writes a new project file from an article (claims proposed) and returns its path. */
  createProject: (input: NewProjectInput, target?: NewProjectTarget) => Promise<string>
  /** Which project files the API may open: the projects folder, and files the checker chose. */
  access: PathAccess
  /** The projects folder shared through git (team work). */
  team: TeamSync
  /** Who the checker is to the team: the name and e-mail from Settings, else git's user.name and user.email. */
  identity: () => Promise<{ name: string; email: string }>
  /** The claim memory: the projects folder's library index, in its worker. */
  memory: MemoryService
  /** The app's language, for what the engine itself puts before the checker (the native dialogs' titles). */
  uiTranslator: () => Promise<Translator>
}

export interface Services {
  handlers: Handlers
  store: ProjectStore
  library: Library
  settings: SettingsStore
  projectsDir: () => Promise<string>
  memory: MemoryService
  createProject: Engine['createProject']
  /** Lets the API open a project file the checker chose outside the API (a file opened from the OS, the command line). */
  grant: (path: string) => void
  team: TeamSync
}

/** In a shared folder the checker's saved work is committed at least this often while the app runs. */
const AUTO_COMMIT_MINUTES = 10

/** A new project must leave room to work: the claims, sources and history a checker adds all grow the file. */
const NEW_PROJECT_SHARE = 0.8

/** What only the desktop shell can do (a system file dialog), as the English message says it; `errors.desktopOnly` says each in the checker's language. */
const DESKTOP_NEEDS = {
  chooseProject: 'Choosing a project file with a dialog',
  chooseArticle: 'Choosing an article file with a dialog',
  saveCase: 'Saving a case file with a dialog',
  saveReport: 'Saving a report with a dialog',
} as const

export type DesktopNeed = keyof typeof DESKTOP_NEEDS

function refuseOversizedNewProject(project: Project): void {
  const bytes = Buffer.byteLength(serializeProject(project))
  if (bytes <= MAX_PROJECT_BYTES * NEW_PROJECT_SHARE) return
  throw new AppError(
    'TOO_LARGE',
    `This article makes a project of ${(bytes / 1048576).toFixed(1)} MB with ${project.claims.length.toLocaleString('en')} proposed claims, too close to the ${MAX_PROJECT_BYTES / 1048576} MB a project file may be to work in. Split the article into parts and make a project of each. Nothing was written.`,
    {
      key: 'project.newTooLarge',
      params: { size: Math.round((bytes / 1048576) * 10) / 10, claims: project.claims.length, limit: MAX_PROJECT_BYTES / 1048576 },
    },
  )
}

/** Where a new project's text came from: the imported file's hash and size, and the hash of the text as normalised. */
export function articleOrigin(project: Project, file: FileOrigin | null): ArticleOrigin {
  return {
    fileName: file?.fileName ?? '',
    fileSha256: file?.sha256 ?? '',
    fileBytes: file?.bytes ?? null,
    textSha256: sha256(project.article.text),
    importedAt: project.createdAt,
  }
}

/** The system user's name, for history entries when no checker name is set. */
export function systemUserName(): string {
  try {
    return userInfo().username
  } catch {
    return 'checker'
  }
}

function createEngine(ctx: ServiceContext): Engine {
  const env = ctx.env ?? process.env
  const now = ctx.now ?? (() => new Date())
  const settings = new SettingsStore(ctx.configDir)
  const recovery = new RecoveryStore(ctx.configDir)
  const memory = new MemoryService(async () => (await projectsDirChoice()).dir)
  const store = new ProjectStore({
    ...(ctx.debounceMs === undefined ? {} : { debounceMs: ctx.debounceMs }),
    holder: async () => currentHolder((await settings.get()).checkerName, ctx.edition),
    recovery,
    onSaved: (path, project) => memory.projectSaved(path, project),
  })
  const library = new Library((path) => store.peek(path))
  const access = new PathAccess(
    async () => (await projectsDirChoice()).dir,
    async () => (await settings.get()).recent,
  )
  const documents = ctx.documentsDir ?? documentsDir(env)
  const projectsDirChoice = async (): Promise<ProjectsDirChoice> => resolveProjectsDir(env, (await settings.get()).projectsDir, documents)
  const author = async (): Promise<string> => (await settings.get()).checkerName || systemUserName()
  const claimModel = (): Promise<CheckworthinessModel> => loadCheckworthinessModel(ctx.resourcesDir)
  const identity = async (): Promise<{ name: string; email: string }> => {
    const { checkerName, checkerEmail } = await settings.get()
    if (checkerName && checkerEmail) return { name: checkerName, email: checkerEmail }
    const fromGit = await gitIdentity(env, (await projectsDirChoice()).dir)
    return { name: checkerName || fromGit.name || systemUserName(), email: checkerEmail || fromGit.email }
  }
  const team = new TeamSync({
    projectsDir: async () => (await projectsDirChoice()).dir,
    identity,
    tokens: new TokenStore(ctx.configDir, env, ctx.desktop?.secrets ?? null),
    now,
    flush: () => store.flushAll(),
    received: async (changes) => {
      const meta = { author: await author(), at: now().toISOString() }
      for (const { path, committed } of changes) {
        if (!store.isOpen(path)) continue
        const base = committed === null ? null : decodeProject(Buffer.from(committed), path).project
        await store.mergeExternal(path, base, meta)
      }
    },
  })

  return {
    ctx,
    env,
    now,
    store,
    library,
    settings,
    access,
    memory,
    projectsDirChoice,
    projectsDir: async () => (await projectsDirChoice()).dir,
    uiTranslator: async () => {
      // As the shell's: settings that cannot be read leave the system's language.
      const chosen = (await settings.get().catch(() => null))?.language ?? ''
      const catalogues = loadCatalogues(ctx.resourcesDir)
      return translatorFor(catalogues, appLanguage(catalogues, chosen, ctx.systemLanguage))
    },
    author,
    claimModel,
    edit: async (path, action, apply) => {
      const at = now().toISOString()
      const meta = { action, author: await author(), at }
      // An edit that changes nothing (a field saved unchanged) leaves no history entry or undo step.
      const current = store.peek(path)
      const probe = current && apply(current, { now: at, newId })
      if (probe?.unchanged) return { ...(await store.open(path)), focus: probe.claimId }
      const { opened, outcome } = store.edit(path, meta, (project) =>
        project === current && probe ? probe : apply(project, { now: at, newId }),
      )
      return { ...opened, focus: outcome.claimId }
    },
    step: async (path, direction) => {
      const meta = { author: await author(), at: now().toISOString() }
      return { ...(direction === 'undo' ? store.undo(path, meta) : store.redo(path, meta)), focus: null }
    },
    openProject: (path) => {
      const project = store.peek(path)
      if (!project)
        throw new AppError('NOT_OPEN', `The project "${path}" is not open. Open it again from the library.`, {
          key: 'notOpen',
          params: { file: path },
        })
      return project
    },
    needDesktop: (need) => {
      if (!ctx.desktop)
        throw new AppError('UNSUPPORTED', `${DESKTOP_NEEDS[need]} needs the desktop app.`, { key: 'desktopOnly', params: { need } })
      return ctx.desktop
    },
    team,
    identity,
    createProject: async ({ origin, ...input }, target = null) => {
      const proposeClaims = ctx.proposeClaims === false ? undefined : createClaimProposer(await claimModel())
      const dir = target && 'dir' in target ? target.dir : (await projectsDirChoice()).dir
      // In a shared folder a verdict needs a second checker's approval unless the project says otherwise.
      const requireReview = !(target && 'file' in target) && (await team.isShared(dir))
      const made = newProject(input, {
        now: now(),
        author: await author(),
        detectLanguage,
        requireReview,
        ...(proposeClaims ? { proposeClaims } : {}),
      })
      // The chain starts with the project's first entry; the origin says which file, byte for byte, the text came from.
      const project = sealHistory({ ...made, evidence: { ...made.evidence, origin: articleOrigin(made, origin ?? null) } }, sha256, 0)
      refuseOversizedNewProject(project)
      if (target && 'file' in target) return writeProjectFileAt(target.file, project)
      return writeNewProjectFile(dir, project.article.title, project)
    },
  }
}

/**
 * Wires the API contract to the engine. No electron import: the Electron main process, the
 * browser-edition server, the CLI and the tests all build their services here. Each domain's
 * handlers live in their own module; TypeScript checks that together they serve every channel.
 */
export function createServices(ctx: ServiceContext): Services {
  const engine = createEngine(ctx)
  const handlers: Handlers = {
    ...appHandlers(engine),
    ...settingsHandlers(engine),
    ...projectHandlers(engine),
    ...libraryHandlers(engine),
    ...importHandlers(engine),
    ...claimHandlers(engine),
    ...sourceHandlers(engine),
    ...reportHandlers(engine),
    ...teamHandlers(engine),
    ...memoryHandlers(engine),
    ...evidenceHandlers(engine),
  }
  if (ctx.edition === 'desktop' || ctx.edition === 'browser') engine.team.startAutoCommit(AUTO_COMMIT_MINUTES * 60_000)
  // Closing a project ends an editing session: in a shared folder its saved work becomes a commit.
  const close = handlers['project:close']
  handlers['project:close'] = async (input) => {
    const closed = await close(input)
    await engine.team.commit().catch(() => null)
    return closed
  }
  return {
    handlers,
    store: engine.store,
    library: engine.library,
    settings: engine.settings,
    projectsDir: engine.projectsDir,
    memory: engine.memory,
    createProject: engine.createProject,
    grant: (path) => engine.access.grant(path),
    team: engine.team,
  }
}

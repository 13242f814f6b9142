import { userInfo } from 'node:os'
import { basename } from 'node:path'
import type { Edited, Edition, Handlers, ImportedFile } from '@contract/api'
import { newId } from '@domain/ids'
import {
  acceptClaims,
  addSource,
  adjustClaim,
  attachSource,
  createClaim,
  deleteSource,
  detachSource,
  mergeClaims,
  setRatingScale,
  setSourceAttachment,
  setStatus,
  setVerdict,
  splitClaim,
  trimRange,
  updateArticle,
  updateClaim,
  updateSource,
  type EditContext,
  type EditOutcome,
} from '@domain/project/ops'
import { RATING_SCALE_PRESETS } from '@domain/project/rating-scales'
import type { Project } from '@domain/project/schema'
import { REPORT_FORMATS, type ReportOptions } from '@domain/report'
import { attachmentPath, saveAttachment } from './attachments'
import { loadCheckworthinessModel } from './claim-model'
import { IMPORT_EXTENSIONS, importBytes, importFile, type ImportedArticle } from './import'
import { defaultExportName, renderExport, writeFileAtomic, type ExportDeps } from './export'
import { AppError } from '@domain/errors'
import { createClaimProposer, scoreSpans } from '@domain/claims/propose'
import type { CheckworthinessModel } from '@domain/claims/model'
import { newProject } from '@domain/project/create'
import { detectLanguage } from '@domain/text/language'
import { SCHEMA_VERSION } from '@domain/project/schema'
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
  /**
   * Whether new projects start with the engine's proposed claims (the default). Off gives a
   * blank project, as the tests of manual claim editing use.
   */
  proposeClaims?: boolean
  /** What only the desktop shell can do; absent in the browser edition and the CLI. */
  desktop?: DesktopAbilities
}

export interface FileFilter {
  name: string
  extensions: string[]
}

/** What the Electron shell provides on top of the services (dialogs, PDF printing, the OS). */
export interface DesktopAbilities {
  /** Opens a file with the system's default application. */
  openPath: (path: string) => Promise<void>
  /** A native open dialog; resolves to the chosen path, or null when cancelled. */
  chooseOpenFile: (options: { title: string; filters: FileFilter[] }) => Promise<string | null>
  /** A native save dialog; resolves to the chosen path, or null when cancelled. */
  chooseSaveFile: (options: { title: string; defaultPath: string; filters: FileFilter[] }) => Promise<string | null>
  /** Prints self-contained HTML to PDF (Electron's printToPDF). */
  printToPdf: (html: string) => Promise<Uint8Array>
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
  const edit = async (path: string, action: string, apply: (project: Project, ctx: EditContext) => EditOutcome): Promise<Edited> => {
    const at = now().toISOString()
    const meta = { action, author: await author(), at }
    const { opened, outcome } = store.edit(path, meta, (project) => apply(project, { now: at, newId }))
    return { ...opened, focus: outcome.claimId }
  }
  const step = async (path: string, direction: 'undo' | 'redo'): Promise<Edited> => {
    const meta = { author: await author(), at: now().toISOString() }
    return { ...(direction === 'undo' ? store.undo(path, meta) : store.redo(path, meta)), focus: null }
  }
  const importedFile = (fileName: string, { encoding, ...imported }: ImportedArticle): ImportedFile => ({
    ...imported,
    fileName,
    language: imported.language ?? detectLanguage(imported.text),
  })
  const claimModel = (): Promise<CheckworthinessModel> => loadCheckworthinessModel(ctx.resourcesDir)
  const needDesktop = (what: string): DesktopAbilities => {
    if (!ctx.desktop) throw new AppError('UNSUPPORTED', `${what} needs the desktop app.`)
    return ctx.desktop
  }
  const openProject = (path: string): Project => {
    const project = store.peek(path)
    if (!project) throw new AppError('NOT_OPEN', `The project "${path}" is not open. Open it again from the library.`)
    return project
  }
  const reportOptions = async (claims: ReportOptions['claims'], includeArticle: boolean): Promise<ReportOptions> => {
    const { organisationName, organisationUrl } = await settings.get()
    return { claims, includeArticle, organisation: { name: organisationName, url: organisationUrl }, generatedAt: now().toISOString() }
  }
  const printer = (): ExportDeps => (ctx.desktop ? { printPdf: ctx.desktop.printToPdf } : { env })
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
        desktop: ctx.desktop !== undefined,
      }
    },
    'app:sample': () => readSample(ctx.resourcesDir),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
    'project:create': async (input) => {
      const proposeClaims = ctx.proposeClaims === false ? undefined : createClaimProposer(await claimModel())
      const project = newProject(input, { now: now(), author: await author(), detectLanguage, ...(proposeClaims ? { proposeClaims } : {}) })
      const path = await writeNewProjectFile(await projectsDir(), project.article.title, project)
      await settings.addRecent(path)
      return store.open(path)
    },
    'project:importFile': async ({ fileName, dataBase64 }) =>
      importedFile(fileName, await importBytes(Buffer.from(dataBase64, 'base64'), fileName)),
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
    'project:updateArticle': ({ path, fields }) => edit(path, 'article.edit', (p, c) => updateArticle(p, { fields }, c)),
    'project:undo': ({ path }) => step(path, 'undo'),
    'project:redo': ({ path }) => step(path, 'redo'),
    'claim:create': async ({ path, start, end }) => {
      const checker = (await settings.get()).checkerName
      const model = await claimModel()
      return edit(path, 'claim.create', (p, c) => {
        // A claim the checker makes gets the same score and reasons a proposal would have.
        const range = trimRange(p.article.text, start, end)
        const [scored] = scoreSpans(p.article.text, [range], p.article.language, model)
        return createClaim(p, { ...range, checker, score: scored?.score ?? null, reasons: scored?.reasons ?? [] }, c)
      })
    },
    'claim:accept': ({ path, ids }) => edit(path, 'claim.accept', (p, c) => acceptClaims(p, ids, c)),
    'claim:dismiss': ({ path, ids }) => edit(path, 'claim.dismiss', (p, c) => setStatus(p, { ids, status: 'dismissed' }, c)),
    'claim:setStatus': ({ path, ids, status }) => edit(path, 'claim.status', (p, c) => setStatus(p, { ids, status }, c)),
    'claim:setVerdict': ({ path, id, verdict }) => edit(path, 'claim.verdict', (p, c) => setVerdict(p, { id, verdict }, c)),
    'claim:update': ({ path, id, fields }) => edit(path, 'claim.edit', (p, c) => updateClaim(p, { id, fields }, c)),
    'claim:merge': ({ path, ids }) => edit(path, 'claim.merge', (p, c) => mergeClaims(p, { ids }, c)),
    'claim:split': ({ path, id, at }) => edit(path, 'claim.split', (p, c) => splitClaim(p, { id, at }, c)),
    'claim:adjust': ({ path, id, start, end }) => edit(path, 'claim.adjust', (p, c) => adjustClaim(p, { id, start, end }, c)),
    'source:add': ({ path, claimId, fields }) => edit(path, 'source.add', (p, c) => addSource(p, { fields, claimId }, c)),
    'source:update': ({ path, id, fields }) => edit(path, 'source.edit', (p, c) => updateSource(p, { id, fields }, c)),
    'source:delete': ({ path, id }) => edit(path, 'source.delete', (p, c) => deleteSource(p, { id }, c)),
    'source:attach': ({ path, claimId, sourceId }) => edit(path, 'source.cite', (p, c) => attachSource(p, { claimId, sourceId }, c)),
    'source:detach': ({ path, claimId, sourceId }) => edit(path, 'source.uncite', (p, c) => detachSource(p, { claimId, sourceId }, c)),
    'source:attachFile': async ({ path, sourceId, fileName, dataBase64 }) => {
      const project = store.peek(path)
      if (!project) throw new AppError('NOT_OPEN', `The project "${path}" is not open. Open it again from the library.`)
      if (!project.sources.some((s) => s.id === sourceId))
        throw new AppError('NOT_FOUND', `There is no source ${sourceId} in this project.`)
      const attachment = await saveAttachment(path, fileName, Buffer.from(dataBase64, 'base64'))
      return edit(path, 'source.attachFile', (p, c) => setSourceAttachment(p, { id: sourceId, attachment }, c))
    },
    'source:openAttachment': async ({ path, sourceId }) => {
      const source = store.peek(path)?.sources.find((s) => s.id === sourceId)
      if (!source?.attachment) throw new AppError('NOT_FOUND', 'This source has no attached file.')
      const file = attachmentPath(path, source.attachment)
      if (!ctx.desktop) throw new AppError('UNSUPPORTED', `Opening attached files needs the desktop app. The file is at "${file}".`)
      await ctx.desktop.openPath(file)
      return { opened: true }
    },
    'app:chooseProject': async () => {
      const desktop = needDesktop('Choosing a project file with a dialog')
      const path = await desktop.chooseOpenFile({
        title: 'Open a Factdesk project',
        filters: [{ name: 'Factdesk project', extensions: ['factdesk.json'] }],
      })
      return { path }
    },
    'app:chooseImportFile': async () => {
      const desktop = needDesktop('Choosing an article file with a dialog')
      const path = await desktop.chooseOpenFile({
        title: 'Import an article',
        filters: [{ name: 'Articles', extensions: [...IMPORT_EXTENSIONS] }],
      })
      return path ? importedFile(basename(path), await importFile(path)) : null
    },
    'report:render': async ({ path, format, claims, includeArticle }) => {
      const { data, warnings } = await renderExport(openProject(path), format, await reportOptions(claims, includeArticle), printer())
      return {
        content: typeof data === 'string' ? data : Buffer.from(data).toString('base64'),
        encoding: typeof data === 'string' ? 'utf8' : 'base64',
        mimeType: REPORT_FORMATS[format].mimeType,
        fileName: basename(defaultExportName(path, format)),
        warnings,
      }
    },
    'report:save': async ({ path, format, claims, includeArticle }) => {
      const desktop = needDesktop('Saving a report with a dialog')
      const { label, extension } = REPORT_FORMATS[format]
      const target = await desktop.chooseSaveFile({
        title: `Export ${label}`,
        defaultPath: defaultExportName(path, format),
        filters: [{ name: label, extensions: [extension] }],
      })
      if (!target) return { path: null, warnings: [] }
      const { data, warnings } = await renderExport(openProject(path), format, await reportOptions(claims, includeArticle), printer())
      await writeFileAtomic(target, data)
      return { path: target, warnings }
    },
    'scale:presets': () => Promise.resolve(RATING_SCALE_PRESETS.map((scale) => structuredClone(scale))),
    'scale:set': ({ path, scale }) => edit(path, 'scale.set', (p, c) => setRatingScale(p, { scale }, c)),
  }
  return { handlers, store, library, settings, projectsDir }
}

import { z } from 'zod'
import type { Channel } from './channels'
import type { Envelope, ErrorInfo } from '@domain/errors'
import type { ImportedArticle, ImportProgress } from './import'
import type { EvidenceReport } from '@domain/evidence/report'
import {
  CommentIdSchema,
  ConflictPickSchema,
  PersonInputSchema,
  RemoteSchema,
  TokenSchema,
  type CopyMerged,
  type SyncCopy,
  type SyncResult,
  type TeamIdentityInfo,
  type TeamStatus,
} from './team'
import {
  ArchiveFileName,
  ArchiveUpload,
  CsvMappingSchema,
  MemorySearchInput,
  ReuseFrom,
  type ArchiveSummary,
  type CsvColumns,
  type IndexStatus,
  type MemorySearchResult,
  type SeenBeforeItem,
} from './memory'
import { base64Limit, MAX_ATTACHMENT_BYTES, MAX_IMPORT_BYTES, MAX_KEY_BYTES } from './uploads'
import {
  AppearanceSchema,
  ArticleInputSchema,
  ArticleMetadataSchema,
  ClaimantSchema,
  ClaimStatusSchema,
  IdSchema,
  LooseDateSchema,
  RatingScaleSchema,
  type Article,
  type ArticleInput,
  type ClaimStatus,
  type Project,
  type RatingScale,
} from '@domain/project/schema'

/**
 * The typed API contract: for every channel, the zod schema its input must pass and the type of
 * its output. Main (IPC), the browser edition (HTTP) and the e2e bridge all serve it through one
 * dispatcher; the renderer calls it through `window.factdesk` or HTTP. Every call resolves to an
 * envelope: `{ ok: true, value } | { ok: false, error: { code, message } }`.
 */

/** A project file path as the renderer may name it: absolute and ending in .factdesk.json. */
const ProjectPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.endsWith('.factdesk.json'), 'must be a path ending in .factdesk.json')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path')
  .refine((p) => !p.includes('\0'), 'must not contain NUL')
const Empty = z.strictObject({})
const WithPath = z.strictObject({ path: ProjectPath })
const Offset = z.number().int().nonnegative().max(100_000_000)
const ClaimIds = z.array(IdSchema).min(1).max(10_000)
const SourceFieldsSchema = z.strictObject({
  url: z.string().trim().max(4000),
  title: z.string().trim().max(1000),
  publisher: z.string().trim().max(500),
  date: LooseDateSchema,
  excerpt: z.string().max(20000),
  archiveUrl: z.string().trim().max(4000),
  reliability: z.string().max(2000),
  /** Added in schema 2; callers that predate it leave it out. */
  accessedAt: LooseDateSchema.default(''),
})
const ReportRequestSchema = z.strictObject({
  path: ProjectPath,
  format: z.enum(['html', 'pdf', 'md', 'csv', 'json', 'claimreview', 'annotations']),
  /** Default: Done claims for ClaimReview (what is published), accepted claims for every other format. */
  claims: z.enum(['all', 'accepted', 'done']).optional(),
  includeArticle: z.boolean().default(true),
  /**
   * A preview of work in progress: a ClaimReview missing what publishing needs is still rendered,
   * with what is missing named. Without it such a ClaimReview is refused.
   */
  draft: z.boolean().default(false),
  /** The report's language (a catalogue's tag, "uk"), chosen apart from the app's; default English. */
  language: z.string().max(35).optional(),
})
/** The claimant's fields to change, merged into the claimant the project holds (see ops.updateClaim). */
const ClaimantInputSchema = z
  .strictObject({
    // Trimmed before the length checks, so a name of spaces is refused as empty.
    name: z.string().trim().min(1, 'must not be empty: name the person or body who made the claim').max(300),
    kind: ClaimantSchema.shape.kind,
    role: z.string().trim().max(300),
    url: z.string().trim().max(4000),
  })
  .partial()
const AppearanceInputSchema = z.strictObject({
  url: z.string().trim().max(4000),
  title: z.string().trim().max(1000),
  publisher: z.string().trim().max(500),
  author: z.string().trim().max(500),
  date: AppearanceSchema.shape.date,
})

/**
 * Which window or tab a call comes from and the project version it shows, sent with every call as
 * the input's `$session` (the dispatcher takes it out before the channel's schema sees the input).
 * An edit made on an older version merges with what other windows did since, or is refused as a
 * conflict when both changed the same field; undo undoes the edits of the window it is pressed in.
 */
export const SESSION_KEY = '$session'
export const CallSessionSchema = z.strictObject({
  client: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  base: z.number().int().nonnegative().nullable(),
})
export type CallSession = z.infer<typeof CallSessionSchema>

/** A rendered report: text, or base64 for PDF, with the name to save it under. */
export interface RenderedExport {
  content: string
  encoding: 'utf8' | 'base64'
  mimeType: string
  fileName: string
  warnings: string[]
  /** What publishing this report needs and it lacks (ClaimReview); a download is refused until it is empty. */
  missing: string[]
}

/** A part the case file left out, and why (a report incomplete, a PDF without a browser): as its manifest records it. */
export interface CaseOmission {
  what: string
  reason: string
}

/** A case file's zip as base64, with the name to save it under and what it left out. */
export interface RenderedCase {
  content: string
  encoding: 'base64'
  mimeType: 'application/zip'
  fileName: string
  omitted: CaseOmission[]
}

/** A case file opened: where its project was unpacked, under which name, and the case's own check. */
export interface OpenedCaseFile {
  path: string
  renamedFrom: string | null
  report: EvidenceReport
}

/** What an imported file gives the new-project form: its text and the metadata found in it. */
/** The file an article was imported from, as Factdesk read it: its name, SHA-256 and size (issue 20's checksums). */
export const FileOriginSchema = z.strictObject({
  fileName: z.string().max(500),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256: 64 hex digits'),
  bytes: z.number().int().nonnegative(),
})
export type FileOrigin = z.infer<typeof FileOriginSchema>

/** A new project's article, with the file it was imported from (none for pasted text). */
export const NewProjectInputSchema = ArticleInputSchema.extend({ origin: FileOriginSchema.nullable().optional() })
export type NewProjectInput = z.input<typeof NewProjectInputSchema>

export interface ImportedFile extends Omit<ImportedArticle, 'language' | 'encoding'> {
  /** The file read, hashed as it came; null for pasted text. */
  origin: FileOrigin | null
  /** The file's name; '' for pasted text. */
  fileName: string
  /** From the file's own metadata, else detected from the text; "und" when neither tells. */
  language: string
}

/**
 * Names one import while it runs, so its progress can be asked for and it can be cancelled; the
 * renderer makes it up (a random UUID) and passes it with the import.
 */
const ImportId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an import id of 8 to 64 letters, digits, - or _')

export { ArticleInputSchema, type ArticleInput }

export { MAX_ATTACHMENT_BYTES, MAX_IMPORT_BYTES } from './uploads'

export const SettingsSchema = z.strictObject({
  /** Where new projects go and the library lists from; empty means the default. */
  projectsDir: z.string().max(4096),
  checkerName: z.string().max(200),
  /** The checker's e-mail: with the name, who they are to the team (assignments, reviews, commits). */
  checkerEmail: z.string().max(320),
  organisationName: z.string().max(300),
  organisationUrl: z.string().max(4000),
  /** The organisation's logo (an http(s) address), ClaimReview's `author.logo`. */
  organisationLogo: z.string().max(4000),
  recent: z.array(z.string().max(4096)).max(50),
  /** The app's language (a catalogue's tag, "uk"); empty follows the system's. */
  language: z.string().max(35),
})
export type Settings = z.infer<typeof SettingsSchema>

export type Edition = 'desktop' | 'browser' | 'cli' | 'test'

export interface AppInfo {
  name: string
  version: string
  edition: Edition
  platform: string
  projectsDir: string
  /** Why projectsDir is what it is: the FACTDESK_HOME variable, a setting, or the default. */
  projectsDirSource: 'env' | 'setting' | 'default'
  schemaVersion: number
  /** Native dialogs and PDF printing are there (the desktop app); the renderer falls back without them. */
  desktop: boolean
  /** The operating system's language (Electron's app.getLocale()) on the desktop; the browser edition asks the browser. */
  systemLanguage?: string
}

/** The shipped sample article, as the new-project form takes it. */
export type SampleArticle = Omit<Article, 'url'>

export type SaveState = 'saved' | 'saving' | 'error' | 'conflict'

export interface SaveStatus {
  state: SaveState
  /** ISO time of the last successful write, or null before the first one. */
  savedAt: string | null
  message: string | null
  /** The project's version in this process: it grows with every edit from any window. */
  version: number
  /** Something to know that is not an error (the project is near the size limit), or null. */
  warning: string | null
}

/** Why a project is open read-only, with the sentence the banner shows. */
export interface ReadOnlyState {
  reason: 'locked' | 'file-read-only' | 'folder-read-only' | 'taken-over'
  message: string
  /** Who holds the project (reason 'locked' or 'taken-over'), as a checker reads it in English. */
  holder: string | null
  /** The same holder as data, so the UI names them in the checker's language. */
  by: LockHolderInfo | null
}

/** Who holds a project's lock: their name, system user and computer, the edition, and since when ("14:05", UTC; empty when unknown). */
export interface LockHolderInfo {
  name: string
  user: string
  host: string
  edition: string
  since: string
}

/** Unsaved edits from an earlier session that could not be written, kept in a recovery file. */
export interface RecoveryOffer {
  /** ISO time the edits were kept. */
  at: string
  edits: number
  file: string
  /** Whether the project changed on disk since: then the edits come back as a copy, never over it. */
  asCopy: boolean
}

/** An undoable edit as its history entry names it: the UI renders the summary in the checker's language from the action. */
export interface UndoLabel {
  action: string
  summary: string
}

export interface OpenedProject {
  path: string
  project: Project
  save: SaveStatus
  /** Set when the file was upgraded from an older schema on open (it is saved as the new one). */
  migratedFrom: number | null
  /** What Undo and Redo would do now in this window (the edit's history action and summary), or null. */
  undoable: { undo: UndoLabel | null; redo: UndoLabel | null }
  version: number
  readOnly: ReadOnlyState | null
  recovery: RecoveryOffer | null
}

/** A closed project's last save status, and the recovery file its unsaved edits went to, if any. */
export interface ClosedProject extends SaveStatus {
  recoveryFile: string | null
}

/** The result of an edit: the project after it, and the claim to select (the one made or changed). */
export interface Edited extends OpenedProject {
  focus: string | null
}

export interface ProjectSummary {
  path: string
  file: string
  title: string
  outlet: string
  publishedAt: string
  language: string
  claims: number
  byStatus: Record<ClaimStatus, number>
  byVerdict: Record<string, number>
  /** Checked claims (status done) out of the claims that are not suggestions or dismissed. */
  progress: { done: number; total: number }
  updatedAt: string
  bytes: number
}

export interface LibraryListing {
  dir: string
  projects: ProjectSummary[]
  /** Files that look like projects but cannot be read, with the reason; never hidden. */
  /** Files that could not be read as projects, with why (the engine's English, and the catalogue's key and values when it has them). */
  problems: { path: string; file: string; message: string; error?: ErrorInfo }[]
}

export interface TrashedProject {
  trashPath: string
  file: string
  title: string
  deletedAt: string
}

// The output type exists only at the type level: it is the contract, and the handler map checks it.
const channel =
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  <Output>() =>
    <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output })

/** A case file's request: its reports are written in the chosen language (a catalogue's tag); default English. */
/**
 * A key file's bytes, as a file input read them (the browser edition; a public key in either). A
 * key is a few hundred bytes: the engine refuses more than MAX_KEY_FILE_BYTES and anything not an
 * Ed25519 key in PEM, naming the file.
 */
const KeyFile = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  dataBase64: z.base64().max(base64Limit(MAX_KEY_BYTES), 'a key file is a few hundred bytes; this one is too large to be a key'),
})
export type KeyFileInput = z.infer<typeof KeyFile>

const CaseRequest = z.strictObject({
  path: ProjectPath,
  language: z.string().max(35).optional(),
  /** The organisation's private key to sign this export's manifest with; used once, never kept. */
  signingKey: KeyFile.optional(),
})
/** The desktop's save: `chooseSigningKey` asks for the private key with the system's open dialog first. */
const SaveCaseRequest = CaseRequest.omit({ signingKey: true }).extend({ chooseSigningKey: z.boolean().optional() })

export const api = {
  'app:info': channel<AppInfo>()(Empty),
  'app:sample': channel<SampleArticle>()(Empty),
  'settings:get': channel<Settings>()(Empty),
  // The recent list is the engine's own record of what the checker opened: never set from outside.
  'settings:set': channel<Settings>()(SettingsSchema.omit({ recent: true }).partial().strict()),
  'project:create': channel<OpenedProject>()(NewProjectInputSchema),
  'project:importFile': channel<ImportedFile>()(
    z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      dataBase64: z.base64().max(base64Limit(MAX_IMPORT_BYTES), 'the file is over the 50 MB import limit'),
      importId: ImportId.optional(),
    }),
  ),
  /** Pasted text read like a file: its headline, byline, date and captions recognised for the review form. */
  'project:importText': channel<ImportedFile>()(
    z.strictObject({ text: ArticleInputSchema.shape.text, title: z.string().max(1000).default(''), importId: ImportId.optional() }),
  ),
  /** How far an import under way has got; null when no import runs under that id (not started, or over). */
  'project:importProgress': channel<ImportProgress | null>()(z.strictObject({ importId: ImportId })),
  /** Stops an import under way; it then fails with CANCELLED. `cancelled` is false when none was running. */
  'project:cancelImport': channel<{ cancelled: boolean }>()(z.strictObject({ importId: ImportId })),
  'project:open': channel<OpenedProject>()(WithPath),
  'project:list': channel<LibraryListing>()(Empty),
  'project:close': channel<ClosedProject>()(WithPath),
  'project:awaitSave': channel<SaveStatus>()(WithPath),
  'project:checkDisk': channel<SaveStatus>()(WithPath),
  'project:reload': channel<OpenedProject>()(WithPath),
  'project:takeOver': channel<OpenedProject>()(WithPath),
  'project:restoreRecovery': channel<OpenedProject>()(WithPath),
  'project:discardRecovery': channel<OpenedProject>()(WithPath),
  'project:saveCopy': channel<OpenedProject>()(WithPath),
  'project:rename': channel<ProjectSummary>()(z.strictObject({ path: ProjectPath, title: z.string().trim().min(1).max(1000) })),
  'project:duplicate': channel<ProjectSummary>()(WithPath),
  'project:delete': channel<TrashedProject>()(WithPath),
  'project:trash': channel<TrashedProject[]>()(Empty),
  'project:restore': channel<ProjectSummary>()(z.strictObject({ trashPath: z.string().min(1).max(4096) })),
  'project:recent': channel<ProjectSummary[]>()(Empty),
  'project:updateArticle': channel<Edited>()(z.strictObject({ path: ProjectPath, fields: ArticleMetadataSchema.partial() })),
  'project:undo': channel<Edited>()(WithPath),
  'project:redo': channel<Edited>()(WithPath),
  'claim:create': channel<Edited>()(z.strictObject({ path: ProjectPath, start: Offset, end: Offset })),
  'claim:accept': channel<Edited>()(z.strictObject({ path: ProjectPath, ids: ClaimIds })),
  'claim:dismiss': channel<Edited>()(z.strictObject({ path: ProjectPath, ids: ClaimIds })),
  'claim:setStatus': channel<Edited>()(z.strictObject({ path: ProjectPath, ids: ClaimIds, status: ClaimStatusSchema })),
  'claim:setVerdict': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, verdict: IdSchema.nullable() })),
  'claim:update': channel<Edited>()(
    z.strictObject({
      path: ProjectPath,
      id: IdSchema,
      fields: z
        .strictObject({
          rationale: z.string().max(200_000),
          notes: z.string().max(200_000),
          checker: z.string().trim().max(200),
          claimant: ClaimantInputSchema.nullable(),
          claimDate: LooseDateSchema,
          appearances: z.array(AppearanceInputSchema).max(50),
          claimReviewed: z.string().trim().max(1000),
        })
        .partial(),
    }),
  ),
  'claim:merge': channel<Edited>()(z.strictObject({ path: ProjectPath, ids: z.tuple([IdSchema, IdSchema]) })),
  'claim:split': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, at: Offset })),
  'claim:adjust': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, start: Offset, end: Offset })),
  'source:add': channel<Edited>()(z.strictObject({ path: ProjectPath, claimId: IdSchema.nullable(), fields: SourceFieldsSchema })),
  'source:update': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, fields: SourceFieldsSchema.partial() })),
  'source:delete': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema })),
  'source:attach': channel<Edited>()(z.strictObject({ path: ProjectPath, claimId: IdSchema, sourceId: IdSchema })),
  'source:detach': channel<Edited>()(z.strictObject({ path: ProjectPath, claimId: IdSchema, sourceId: IdSchema })),
  'source:attachFile': channel<Edited>()(
    z.strictObject({
      path: ProjectPath,
      sourceId: IdSchema,
      fileName: z.string().trim().min(1).max(255),
      dataBase64: z.base64().max(base64Limit(MAX_ATTACHMENT_BYTES), 'the file is over the 50 MB attachment limit'),
    }),
  ),
  'source:openAttachment': channel<{ opened: boolean }>()(z.strictObject({ path: ProjectPath, sourceId: IdSchema })),
  'app:chooseProject': channel<{ path: string | null }>()(Empty),
  'app:chooseImportFile': channel<ImportedFile | null>()(z.strictObject({ importId: ImportId.optional() })),
  'report:render': channel<RenderedExport>()(ReportRequestSchema),
  'report:save': channel<{ path: string | null; warnings: string[] }>()(ReportRequestSchema),
  'report:setPublication': channel<Edited>()(
    z.strictObject({
      path: ProjectPath,
      fields: z.strictObject({ reviewUrl: z.string().trim().max(4000), publishedAt: LooseDateSchema }).partial(),
    }),
  ),
  'scale:presets': channel<RatingScale[]>()(Empty),
  'scale:set': channel<Edited>()(z.strictObject({ path: ProjectPath, scale: RatingScaleSchema })),
  'claim:assign': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, assignee: PersonInputSchema.nullable() })),
  'claim:setReviewer': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, reviewer: PersonInputSchema.nullable() })),
  'claim:comment': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, text: z.string().trim().min(1).max(20_000) })),
  'claim:withdrawComment': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, commentId: CommentIdSchema })),
  'claim:approve': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema })),
  'claim:withdrawApproval': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema })),
  'project:setRequireReview': channel<Edited>()(z.strictObject({ path: ProjectPath, required: z.boolean() })),
  'project:resolveConflict': channel<Edited>()(ConflictPickSchema.extend({ path: ProjectPath })),
  'team:status': channel<TeamStatus>()(Empty),
  'team:identity': channel<TeamIdentityInfo>()(Empty),
  'team:startSharing': channel<TeamStatus>()(z.strictObject({ remote: RemoteSchema.optional(), token: TokenSchema.optional() })),
  'team:sync': channel<SyncResult>()(z.strictObject({ token: TokenSchema.optional() })),
  'team:copies': channel<SyncCopy[]>()(Empty),
  'team:mergeCopy': channel<CopyMerged>()(z.strictObject({ path: ProjectPath })),
  // The claim memory (contract/memory.ts, engine/handlers/memory.ts).
  'memory:search': channel<MemorySearchResult>()(MemorySearchInput),
  'memory:status': channel<IndexStatus>()(Empty),
  'memory:seenBefore': channel<SeenBeforeItem[]>()(z.strictObject({ path: ProjectPath, claimId: IdSchema })),
  'memory:checkedBefore': channel<Record<string, SeenBeforeItem>>()(WithPath),
  'memory:archives': channel<ArchiveSummary[]>()(Empty),
  'memory:csvColumns': channel<CsvColumns>()(ArchiveUpload),
  'memory:importArchive': channel<ArchiveSummary>()(
    ArchiveUpload.extend({ mapping: CsvMappingSchema.optional(), name: z.string().trim().max(300).optional() }),
  ),
  'memory:removeArchive': channel<{ removed: true }>()(z.strictObject({ file: ArchiveFileName })),
  'claim:reuseCheck': channel<Edited>()(z.strictObject({ path: ProjectPath, id: IdSchema, from: ReuseFrom })),
  /** The open project's history chain, its state against its last entry, and every attached file hashed (issue 20). */
  'evidence:verify': channel<EvidenceReport>()(WithPath),
  /** The case file (`factdesk case`) of the open project as saved, for the browser edition to download. */
  'evidence:renderCase': channel<RenderedCase>()(CaseRequest),
  /** The case file saved where the checker chooses (desktop); path null when the dialog was cancelled. */
  /**
   * A case file unpacked into the projects folder (never over anything there) after it is verified;
   * the same 50 MB cap as an article file, since it travels the same way.
   */
  'evidence:openCase': channel<OpenedCaseFile>()(
    z.strictObject({
      fileName: z
        .string()
        .trim()
        .min(1)
        .max(255)
        .refine((name) => name.toLowerCase().endsWith('.zip'), {
          error: 'must name a .zip case file',
          params: { key: 'caseFile.notZip' },
        }),
      dataBase64: z
        .base64()
        .max(base64Limit(MAX_IMPORT_BYTES), 'the case file is over the 50 MB limit; check it with factdesk verify instead'),
      /** The organisation's public key to check the case's signature against (never one from the zip). */
      publicKey: KeyFile.optional(),
    }),
  ),
  /** A newer version of the article (text as the import read it), every claim re-anchored in it; the earlier text kept as a version. */
  'evidence:importVersion': channel<Edited>()(
    z.strictObject({ path: ProjectPath, text: ArticleInputSchema.shape.text, origin: FileOriginSchema.nullable() }),
  ),
  'evidence:saveCase': channel<{ path: string | null; omitted: CaseOmission[]; signed: boolean }>()(SaveCaseRequest),
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

export type Api = typeof api
/** What a caller passes (defaults may be left out). */
export type InputOf<C extends Channel> = z.input<Api[C]['input']>
/** What a handler receives after parsing (defaults filled in). */
export type ParsedInputOf<C extends Channel> = z.output<Api[C]['input']>
export type OutputOf<C extends Channel> = Api[C]['output']

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> }

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never

/** `window.factdesk`: `factdesk.project.open({ path })`, one function per channel. */
export type FactdeskApi = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<Channel, D>]: (input: InputOf<`${D}:${V}` & Channel>) => Promise<Envelope<OutputOf<`${D}:${V}` & Channel>>>
  }
}

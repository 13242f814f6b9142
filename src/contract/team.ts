import { z } from 'zod'
import { IdSchema, PersonSchema } from '@domain/project/schema'

/** Team work's part of the API contract: sharing the projects folder through git, and the claim's team fields. */

/** A team remote: a folder holding a bare repository (absolute path or file://), or an HTTP(S) git host. */
export const RemoteSchema = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .refine(
    (url) =>
      /^https?:\/\//i.test(url) ||
      url.startsWith('file://') ||
      url.startsWith('/') ||
      /^[A-Za-z]:[\\/]/.test(url) ||
      url.startsWith('\\\\'),
    'must be a folder (an absolute path) or an http(s):// address',
  )
/** A token for an HTTP(S) git host; sealed by the OS keychain on the desktop, never written in clear. */
export const TokenSchema = z.string().trim().min(1).max(4000)

export interface TeamRemote {
  kind: 'folder' | 'http'
  url: string
}

export interface TeamStatus {
  /** Whether the projects folder is a git repository Factdesk syncs. */
  shared: boolean
  dir: string
  remote: TeamRemote | null
  /** Commits here that the remote does not have yet, and the remote's that are not here (as of the last fetch). */
  ahead: number
  behind: number
  /** Files changed since the last commit. */
  uncommitted: number
  /** ISO time of the last sync that reached the remote, or null. */
  lastSync: string | null
  /** The last sync could not reach the remote; commits wait here until it can. */
  offline: boolean
  /** What the last sync said (reached, offline, refused), as a sentence. */
  message: string | null
  /** The same as a catalogue sentence (`errors.<key>`) with its values, for the UI in the checker's language. */
  reason: SyncReason | null
  /** An HTTP(S) remote has a token (saved, or from FACTDESK_GIT_TOKEN); always true for a folder. */
  tokenReady: boolean
}

export interface SyncResult extends TeamStatus {
  /** Project files the sync brought in or changed here. */
  received: string[]
  /** Conflicts the merges recorded, to resolve on their claims. */
  conflicts: number
  /** Copies kept where both sides changed an article's text (which is never merged). */
  copies: string[]
}

/** A file a sync client (Dropbox, OneDrive, Google Drive, Syncthing, Nextcloud) left beside a project when two people saved at once. */
export interface SyncCopy {
  path: string
  file: string
  /** The project it is a copy of. */
  original: string
  originalFile: string
  service: string
}

export interface CopyMerged {
  path: string
  conflicts: number
  /** Where the merged copy went (the projects folder's trash). */
  trashed: string
  /** How the merge found the copies' common ancestor: git, the backup, or none (both values kept). */
  ancestor: 'git' | 'backup' | 'none'
}

export interface TeamIdentityInfo {
  name: string
  email: string
  /** git's user.name and user.email, offered as the default. */
  git: { name: string; email: string }
}

export const PersonInputSchema = PersonSchema.extend({ name: z.string().trim().max(200), email: z.string().trim().max(320) })
export const ConflictPickSchema = z.strictObject({ key: z.string().min(1).max(200), pick: z.number().int().min(0).max(1) })
export const CommentIdSchema = IdSchema

/** Which catalogue sentence says a sync's outcome, and its values (the folder, the host). */
export interface SyncReason {
  key: string
  params: Record<string, string | number>
}

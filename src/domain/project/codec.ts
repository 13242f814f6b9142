import { z } from 'zod'
import { AppError } from '../errors'
import { declaredVersion, laterSchemaFields, migrateToCurrent } from './migrations'
import { ProjectSchema, SCHEMA_VERSION, type Project } from './schema'

/**
 * A project file larger than this is refused before it is read: a 1 MB article with 5,000 claims,
 * sources and a long history stays under 20 MB, so 50 MB leaves room while still stopping a stray
 * video or archive renamed to .factdesk.json from being loaded into memory.
 */
export const MAX_PROJECT_BYTES = 50 * 1024 * 1024

export interface DecodedProject {
  project: Project
  /** The version the file was written with; lower than SCHEMA_VERSION when it was migrated. */
  fromVersion: number
  /** Fields a file declaring an older schema should not have (see laterSchemaFields): empty for an honest file. */
  laterFields: string[]
}

const NOTHING_CHANGED = 'Nothing was changed.'

/** `key` names the catalogue sentence (`errors.project.<key>`) that says the same with the file's name and `params`. */
function invalid(file: string, problem: string, advice: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('INVALID_PROJECT', `"${file}" ${problem}. ${advice} ${NOTHING_CHANGED}`.replace(/\s+/g, ' ').trim(), {
    key: `project.${key}`,
    params: { file, ...params },
  })
}

/** `claims[3].start` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`
  return out || '(top level)'
}

export function describeZodError(error: z.ZodError, limit = 3): string {
  const issues = error.issues.slice(0, limit).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`)
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : ''
  return issues.join('; ') + more
}

/** Validates a project in memory (before every write) with the same rules as a file on read. */
export function validateProject(project: unknown, file: string): Project {
  const result = ProjectSchema.safeParse(project)
  if (!result.success) {
    const detail = describeZodError(result.error)
    throw new AppError('INVALID_PROJECT', `The project "${file}" would be invalid: ${detail}. It was not saved.`, {
      key: 'project.wouldBeInvalid',
      params: { file, detail },
    })
  }
  return result.data
}

/**
 * A project file's bytes as JSON, checked as far as its schema version: size, encoding, JSON, a
 * version this Factdesk reads. Each failure names the file and says what is wrong.
 */
export function parseProjectJson(bytes: Uint8Array, file: string): { data: unknown; version: number } {
  if (bytes.byteLength > MAX_PROJECT_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `"${file}" is ${(bytes.byteLength / 1048576).toFixed(1)} MB, over the ${MAX_PROJECT_BYTES / 1048576} MB limit for a project file; it is probably not a Factdesk project. ${NOTHING_CHANGED}`,
      {
        key: 'project.tooLarge',
        params: { file, size: Math.round((bytes.byteLength / 1048576) * 10) / 10, limit: MAX_PROJECT_BYTES / 1048576 },
      },
    )
  }
  if (bytes.byteLength === 0) {
    throw invalid(
      file,
      'is empty (0 bytes)',
      `It may have been cut short by a crash or a sync conflict; restore "${file}.bak" if it exists.`,
      'empty',
    )
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw invalid(
      file,
      'starts with a byte-order mark (BOM), which Factdesk never writes',
      'Another program re-saved it; save it again as UTF-8 without BOM, or restore the .bak copy.',
      'bom',
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw invalid(file, 'is not valid UTF-8 text', 'It is damaged or not a project file; restore the .bak copy.', 'notUtf8')
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    // V8 reports where parsing stopped; stopping at the very end means the text was cut short.
    const position = /position (\d+)/.exec(detail)?.[1]
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(detail) || (position !== undefined && Number(position) >= text.trimEnd().length)
    // V8 quotes the text around the error; a message must never show a file's contents (it may be
    // any file a symlink or a typo points at), so only the position is kept.
    const where = position === undefined ? '' : ` at character ${position}`
    throw invalid(
      file,
      truncated ? 'ends before the JSON is complete, so it looks truncated' : `is not valid JSON (the text goes wrong${where})`,
      `Restore "${file}.bak" if it exists, or fix the file by hand.`,
      truncated ? 'truncated' : 'notJson',
    )
  }
  const version = declaredVersion(data)
  if (version === undefined) {
    throw invalid(
      file,
      'is not a Factdesk project: it has no valid "schemaVersion"',
      'Open a .factdesk.json file written by Factdesk.',
      'noSchema',
    )
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'NEWER_SCHEMA',
      `"${file}" was saved by a newer Factdesk (schema ${version}); this version reads up to ${SCHEMA_VERSION}. Update Factdesk to open it. ${NOTHING_CHANGED}`,
      { key: 'project.newer', params: { file, version, supported: SCHEMA_VERSION } },
    )
  }
  return { data, version }
}

/**
 * Reads a project file's bytes: size, encoding, JSON, schema version, migration, then the schema.
 * Each failure names the file and says what is wrong; the bytes are never modified here.
 */
export function decodeProject(bytes: Uint8Array, file: string): DecodedProject {
  const { data, version } = parseProjectJson(bytes, file)
  return decodeProjectData(data, version, file)
}

/** A project file's JSON (from parseProjectJson) migrated to the current schema and validated whole. */
export function decodeProjectData(data: unknown, version: number, file: string): DecodedProject {
  let migrated: unknown
  try {
    migrated = migrateToCurrent(data, version)
  } catch (error) {
    const detail = error instanceof z.ZodError ? describeZodError(error) : error instanceof Error ? error.message : String(error)
    throw invalid(
      file,
      `uses schema ${version} but cannot be upgraded (${detail})`,
      'Fix the fields named, or restore the .bak copy.',
      'cannotUpgrade',
      {
        version,
        detail,
      },
    )
  }
  const result = ProjectSchema.safeParse(migrated)
  if (!result.success) {
    throw invalid(
      file,
      `has invalid content: ${describeZodError(result.error)}`,
      'Fix the fields named, or restore the .bak copy.',
      'invalidContent',
      {
        detail: describeZodError(result.error),
      },
    )
  }
  return { project: result.data, fromVersion: version, laterFields: laterSchemaFields(data, version) }
}

/**
 * The exact text a project is saved as: keys in the schema's order (zod's output order, which
 * docs/project-format.md describes: `updatedAt` and the appended history last, claims in article
 * order), two-space indentation and a final newline, so saving an unchanged project gives
 * identical bytes and two checkers' independent edits fall on different lines of a git diff.
 */
export function serializeProject(validated: Project): string {
  return `${JSON.stringify(validated, null, 2)}\n`
}

export function encodeProject(project: Project, file = 'project'): string {
  return serializeProject(validateProject(project, file))
}

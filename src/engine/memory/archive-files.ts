import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import {
  ARCHIVE_SUFFIX,
  ArchiveFileSchema,
  guessCsvMapping,
  reviewsFromCsvRows,
  reviewsFromFile,
  type ArchiveFile,
  type ArchiveReview,
  type CsvMapping,
} from '@domain/memory/archive'
import type { ArchiveSummary, CsvColumns } from '@contract/memory'
import { MAX_ARCHIVE_BYTES } from '@contract/uploads'
import { describeZodError } from '@domain/project/codec'
import { AppError } from '@domain/errors'
import { slugify } from '@domain/slug'
import { createFileExclusive } from '../fs/durable'

/** Imported archives live here inside the projects folder, so a team's sync shares them with the projects. */
export const ARCHIVES_DIR = 'archives'

export async function readArchiveFile(path: string): Promise<ArchiveFile> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    const reason = (error as Error).message
    throw new AppError('INVALID_INPUT', `The archive "${path}" cannot be read: ${reason}. Import it again.`, {
      key: 'archive.unreadable',
      params: { file: path, reason },
    })
  }
  const parsed = ArchiveFileSchema.safeParse(value)
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', `The archive "${path}" is not a Factdesk archive: ${describeZodError(parsed.error)}.`, {
      key: 'archive.notArchive',
      params: { file: path, detail: describeZodError(parsed.error) },
    })
  return parsed.data
}

function csvRows(fileName: string, content: string): Record<string, string>[] {
  try {
    return parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    })
  } catch (error) {
    throw new AppError(
      'INVALID_INPUT',
      `"${fileName}" is not a CSV file Factdesk can read: ${(error as Error).message}. Nothing was imported.`,
      { key: 'archive.csvUnreadable', params: { file: fileName, reason: (error as Error).message } },
    )
  }
}

/** The columns of a CSV and a guess at which holds what. */
export function csvColumns(fileName: string, content: string): CsvColumns {
  const rows = csvRows(fileName, content)
  const columns = rows[0] ? Object.keys(rows[0]) : []
  if (!columns.length)
    throw new AppError('NO_REVIEWS', `"${fileName}" has no header row with column names. Nothing was imported.`, {
      key: 'archive.csvNoHeader',
      params: { file: fileName },
    })
  return { columns, sample: rows.slice(0, 3), guess: guessCsvMapping(columns) }
}

export function isCsv(fileName: string): boolean {
  return extname(fileName).toLowerCase() === '.csv'
}

/** The fact-checks in an imported file: ClaimReview JSON-LD, a saved page, a Factdesk report, or a CSV through its mapping. */
export function reviewsOf(fileName: string, content: string, mapping?: CsvMapping): ArchiveReview[] {
  if (!isCsv(fileName)) return reviewsFromFile(fileName, content)
  if (!mapping)
    throw new AppError('INVALID_INPUT', `"${fileName}" is a CSV file: say which column holds the claims (and the verdict, title, link…).`, {
      key: 'archive.csvMapping',
      params: { file: fileName },
    })
  return reviewsFromCsvRows(fileName, csvRows(fileName, content), mapping)
}

/** Writes a new archive file (never over another) and returns its summary. */
export async function writeArchive(
  projectsDir: string,
  input: { fileName: string; content: string; mapping?: CsvMapping; name?: string },
  now: Date,
): Promise<ArchiveSummary> {
  if (Buffer.byteLength(input.content) > MAX_ARCHIVE_BYTES)
    throw new AppError(
      'TOO_LARGE',
      `"${input.fileName}" is over ${MAX_ARCHIVE_BYTES / 1048576} MB; split it into smaller files. Nothing was imported.`,
      { key: 'archive.tooLarge', params: { file: input.fileName, limit: MAX_ARCHIVE_BYTES / 1048576 } },
    )
  const reviews = reviewsOf(input.fileName, input.content, input.mapping)
  const name = (input.name?.trim() || basename(input.fileName, extname(input.fileName))).slice(0, 300)
  const archive: ArchiveFile = {
    format: 'factdesk-archive',
    version: 1,
    name,
    source: basename(input.fileName),
    importedAt: now.toISOString(),
    reviews,
  }
  const dir = join(projectsDir, ARCHIVES_DIR)
  const slug = slugify(name)
  function* names(): Generator<string> {
    for (let n = 1; n < 10_000; n++) yield `${slug}${n === 1 ? '' : `-${n}`}${ARCHIVE_SUFFIX}`
  }
  await mkdir(dir, { recursive: true })
  const path = await createFileExclusive(dir, names(), `${JSON.stringify(archive, null, 2)}\n`)
  if (!path)
    throw new AppError('ALREADY_EXISTS', `Every name for the archive "${name}" is taken in "${dir}". Give it another name.`, {
      key: 'archive.namesTaken',
      params: { name, folder: dir },
    })
  return {
    file: `${ARCHIVES_DIR}/${basename(path)}`,
    name,
    source: archive.source,
    importedAt: archive.importedAt,
    reviews: reviews.length,
  }
}

export async function listArchives(projectsDir: string): Promise<ArchiveSummary[]> {
  const dir = join(projectsDir, ARCHIVES_DIR)
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(ARCHIVE_SUFFIX) && !n.startsWith('.'))
  const summaries = await Promise.all(
    names.map(async (n) => {
      try {
        const archive = await readArchiveFile(join(dir, n))
        return {
          file: `${ARCHIVES_DIR}/${n}`,
          name: archive.name,
          source: archive.source,
          importedAt: archive.importedAt,
          reviews: archive.reviews.length,
        }
      } catch {
        return null
      }
    }),
  )
  return summaries.filter((s) => s !== null).sort((a, b) => b.importedAt.localeCompare(a.importedAt))
}

/** An archive file named as the API names it: inside the archives folder, nothing else. */
export function archivePath(projectsDir: string, file: string): string {
  const name = file.startsWith(`${ARCHIVES_DIR}/`) ? file.slice(ARCHIVES_DIR.length + 1) : ''
  if (!name || name.includes('/') || name.includes('\\') || !name.endsWith(ARCHIVE_SUFFIX) || name.startsWith('.'))
    throw new AppError('INVALID_INPUT', `"${file}" is not an archive of this projects folder (archives/<name>${ARCHIVE_SUFFIX}).`, {
      key: 'archive.notInFolder',
      params: { file, pattern: `archives/<name>${ARCHIVE_SUFFIX}` },
    })
  return join(projectsDir, ARCHIVES_DIR, name)
}

export async function removeArchive(projectsDir: string, file: string): Promise<void> {
  const path = archivePath(projectsDir, file)
  if (!(await stat(path).catch(() => null)))
    throw new AppError('NOT_FOUND', `The archive "${file}" is not in the projects folder any more.`, {
      key: 'archive.gone',
      params: { file },
    })
  await rm(path)
}

import { stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '@domain/errors'
import type { Project } from '@domain/project/schema'
import { missingMessage, renderHtml, renderReport, REPORT_FORMATS, type ReportFormat, type ReportOptions } from '@domain/report'
import type { Translate } from '@domain/translate'
import type { Env } from '../paths'
import { isProtectedFileName } from '../access'
import { PROJECT_SUFFIX, readProjectFile } from '../project-store'
import { writeFileAtomic } from '../fs/durable'
import { printPdfWithChromium, type PdfPrinter } from './chromium'

export { findChromium, chromiumMissingMessage, describeBrowser, printPdfWithChromium, type PdfPrinter } from './chromium'

export interface ExportDeps {
  /** Prints the report HTML to PDF; the app passes Electron's printToPDF, the CLI and tests use Chromium. */
  printPdf?: PdfPrinter
  /** Where FACTDESK_CHROMIUM is looked up (default: the process environment). */
  env?: Env
  /** Told which browser prints a PDF, so the checker knows what ran. */
  log?: (line: string) => void
}

export interface ExportResult {
  path: string
  format: ReportFormat
  bytes: number
  warnings: string[]
}

/** `story.factdesk.json` → `story.report.html`, `story.claimreview.jsonld` or `story.annotations.jsonld`, in the project's folder. */
export function defaultExportName(projectPath: string, format: ReportFormat): string {
  const name = basename(projectPath)
  const stem = name.endsWith(PROJECT_SUFFIX) ? name.slice(0, -PROJECT_SUFFIX.length) : name.replace(/\.[^.]*$/, '')
  const kind = format === 'claimreview' || format === 'annotations' ? format : 'report'
  return `${stem}.${kind}.${REPORT_FORMATS[format].extension}`
}

export interface RenderedData {
  data: string | Uint8Array
  warnings: string[]
  /** What publishing needs and the report lacks (ClaimReview); see `requireComplete`. */
  missing: string[]
}

/** The report's bytes (PDF) or text (every other format), with what the checker should know. */
export async function renderExport(
  project: Project,
  format: ReportFormat,
  options: ReportOptions,
  deps: ExportDeps = {},
): Promise<RenderedData> {
  if (format !== 'pdf') {
    const { content, warnings, missing } = renderReport(project, format, options)
    return { data: content, warnings, missing }
  }
  const { content, warnings, missing } = renderHtml(project, options)
  const print = deps.printPdf ?? ((html: string) => printPdfWithChromium(html, deps.env, deps.log))
  return { data: await print(content), warnings, missing }
}

/**
 * A report to be written or downloaded must be complete: INCOMPLETE names each field it lacks (in
 * the report's language, `t`); the UI says it with `errors.INCOMPLETE` and its own advice.
 */
export function requireComplete<T extends { missing: string[] }>(rendered: T, t: Translate, advice?: string): T {
  if (rendered.missing.length > 0) {
    throw new AppError('INCOMPLETE', missingMessage(rendered.missing, t, advice), {
      key: 'INCOMPLETE',
      params: { missing: rendered.missing.join('; ') },
    })
  }
  return rendered
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** A report never replaces a project file, its backup, its lock or a recovery file, in any letter case. */
export function refuseProtectedTarget(target: string, projectPath?: string): void {
  if (target === projectPath || isProtectedFileName(target)) {
    throw new AppError(
      'INVALID_INPUT',
      `"${target}" is the name of a project file (or its backup, lock or recovery file); a report never replaces one. Choose another output name.`,
      { key: 'export.protectedTarget', params: { file: target } },
    )
  }
}

/**
 * Exports the project file at `path` as a report. `out` may be a file or an existing folder; by
 * default the report goes next to the project. An existing report is replaced atomically; a
 * project file never is.
 */
export async function exportProject(
  path: string,
  format: ReportFormat,
  options: ReportOptions,
  out?: string,
  deps: ExportDeps & { advice?: string } = {},
): Promise<ExportResult> {
  const projectPath = resolve(path)
  const { project } = await readProjectFile(projectPath)
  let target = resolve(out ?? join(dirname(projectPath), defaultExportName(projectPath, format)))
  if (await isDirectory(target)) target = join(target, defaultExportName(projectPath, format))
  refuseProtectedTarget(target, projectPath)
  const { data, warnings } = requireComplete(await renderExport(project, format, options, deps), options.translator.t, deps.advice)
  try {
    await writeFileAtomic(target, data)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const [key, reason]: [string, string] =
      code === 'ENOENT'
        ? ['noFolder', 'its folder does not exist']
        : code === 'EACCES' || code === 'EPERM'
          ? ['denied', 'permission was denied']
          : code === 'ENOSPC'
            ? ['diskFull', 'the disk is full']
            : ['writeFailed', (error as Error).message]
    throw new AppError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'IO',
      `Could not write the report to "${target}": ${reason}. Nothing was written.`,
      {
        cause: error,
        key: `export.${key}`,
        params: { file: target, reason },
      },
    )
  }
  return { path: target, format, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, warnings }
}

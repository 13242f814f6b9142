import { basename } from 'node:path'
import { REPORT_FORMATS, type ReportOptions } from '@domain/report'
import { defaultExportName, refuseProtectedTarget, renderExport, type ExportDeps } from '../export'
import { writeFileAtomic } from '../fs/durable'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function reportHandlers({
  ctx,
  env,
  now,
  settings,
  openProject,
  needDesktop,
}: Engine): HandlersFor<'report:render' | 'report:save'> {
  const reportOptions = async (claims: ReportOptions['claims'], includeArticle: boolean): Promise<ReportOptions> => {
    const { organisationName, organisationUrl } = await settings.get()
    return { claims, includeArticle, organisation: { name: organisationName, url: organisationUrl }, generatedAt: now().toISOString() }
  }
  const printer = (): ExportDeps => (ctx.desktop ? { printPdf: ctx.desktop.printToPdf } : { env })
  return {
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
      refuseProtectedTarget(target, path)
      const { data, warnings } = await renderExport(openProject(path), format, await reportOptions(claims, includeArticle), printer())
      await writeFileAtomic(target, data)
      return { path: target, warnings }
    },
  }
}

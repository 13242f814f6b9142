import { basename } from 'node:path'
import { setPublication } from '@domain/project/ops'
import { defaultSelection, REPORT_FORMATS, type ClaimSelection, type ReportFormat, type ReportOptions } from '@domain/report'
import { defaultExportName, refuseProtectedTarget, renderExport, requireComplete, type ExportDeps } from '../export'
import { writeFileAtomic } from '../fs/durable'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

const APP_ADVICE = 'Give them in the Export dialog (and the claims’ Claimant) and export again.'

export function reportHandlers({
  ctx,
  env,
  now,
  settings,
  edit,
  openProject,
  needDesktop,
}: Engine): HandlersFor<'report:render' | 'report:save' | 'report:setPublication'> {
  const reportOptions = async (
    format: ReportFormat,
    claims: ClaimSelection | undefined,
    includeArticle: boolean,
  ): Promise<ReportOptions> => {
    const { organisationName, organisationUrl, organisationLogo } = await settings.get()
    return {
      claims: claims ?? defaultSelection(format),
      includeArticle,
      organisation: { name: organisationName, url: organisationUrl, logo: organisationLogo },
      generatedAt: now().toISOString(),
    }
  }
  const printer = (): ExportDeps => (ctx.desktop ? { printPdf: ctx.desktop.printToPdf } : { env })
  return {
    'report:render': async ({ path, format, claims, includeArticle, draft }) => {
      const rendered = await renderExport(openProject(path), format, await reportOptions(format, claims, includeArticle), printer())
      const { data, warnings, missing } = draft ? rendered : requireComplete(rendered, APP_ADVICE)
      return {
        content: typeof data === 'string' ? data : Buffer.from(data).toString('base64'),
        encoding: typeof data === 'string' ? 'utf8' : 'base64',
        mimeType: REPORT_FORMATS[format].mimeType,
        fileName: basename(defaultExportName(path, format)),
        warnings,
        missing,
      }
    },
    'report:save': async ({ path, format, claims, includeArticle }) => {
      const desktop = needDesktop('Saving a report with a dialog')
      // Refused before the save dialog opens, so the checker is not asked for a place to put nothing.
      const { data, warnings } = requireComplete(
        await renderExport(openProject(path), format, await reportOptions(format, claims, includeArticle), printer()),
        APP_ADVICE,
      )
      const { label, extension } = REPORT_FORMATS[format]
      const target = await desktop.chooseSaveFile({
        title: `Export ${label}`,
        defaultPath: defaultExportName(path, format),
        filters: [{ name: label, extensions: [extension] }],
      })
      if (!target) return { path: null, warnings: [] }
      refuseProtectedTarget(target, path)
      await writeFileAtomic(target, data)
      return { path: target, warnings }
    },
    'report:setPublication': ({ path, fields }) => edit(path, 'report.publication', (p, c) => setPublication(p, { fields }, c)),
  }
}

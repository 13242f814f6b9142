import { basename } from 'node:path'
import { setPublication } from '@domain/project/ops'
import { defaultSelection, REPORT_FORMATS, type ClaimSelection, type ReportFormat, type ReportOptions } from '@domain/report'
import { defaultExportName, refuseProtectedTarget, renderExport, requireComplete, type ExportDeps } from '../export'
import { writeFileAtomic } from '../fs/durable'
import { loadCatalogues } from '../catalogues'
import { translatorFor } from '@contract/i18n/translator'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function reportHandlers({
  ctx,
  env,
  now,
  settings,
  edit,
  openProject,
  needDesktop,
  uiTranslator,
}: Engine): HandlersFor<'report:render' | 'report:save' | 'report:setPublication'> {
  const reportOptions = async (
    format: ReportFormat,
    claims: ClaimSelection | undefined,
    includeArticle: boolean,
    language: string | undefined,
  ): Promise<ReportOptions> => {
    const { organisationName, organisationUrl, organisationLogo } = await settings.get()
    return {
      claims: claims ?? defaultSelection(format),
      includeArticle,
      organisation: { name: organisationName, url: organisationUrl, logo: organisationLogo },
      generatedAt: now().toISOString(),
      translator: translatorFor(loadCatalogues(ctx.resourcesDir), language ?? 'en'),
    }
  }
  const printer = (): ExportDeps => (ctx.desktop ? { printPdf: ctx.desktop.printToPdf } : { env })
  return {
    'report:render': async ({ path, format, claims, includeArticle, draft, language }) => {
      const options = await reportOptions(format, claims, includeArticle, language)
      const rendered = await renderExport(openProject(path), format, options, printer())
      const { t } = options.translator
      const { data, warnings, missing } = draft ? rendered : requireComplete(rendered, t, t('report.cr.adviceApp'))
      return {
        content: typeof data === 'string' ? data : Buffer.from(data).toString('base64'),
        encoding: typeof data === 'string' ? 'utf8' : 'base64',
        mimeType: REPORT_FORMATS[format].mimeType,
        fileName: basename(defaultExportName(path, format)),
        warnings,
        missing,
      }
    },
    'report:save': async ({ path, format, claims, includeArticle, language }) => {
      const desktop = needDesktop('saveReport')
      const options = await reportOptions(format, claims, includeArticle, language)
      const { t } = options.translator
      // Refused before the save dialog opens, so the checker is not asked for a place to put nothing.
      const { data, warnings } = requireComplete(
        await renderExport(openProject(path), format, options, printer()),
        t,
        t('report.cr.adviceApp'),
      )
      const { label, extension } = REPORT_FORMATS[format]
      const target = await desktop.chooseSaveFile({
        title: (await uiTranslator()).t('nativeDialogs.saveReport', { format: label }),
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

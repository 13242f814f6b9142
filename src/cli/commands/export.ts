import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import { exportProject, requireComplete } from '@engine/export'
import { defaultConfigDir } from '@engine/paths'
import { readProjectFile } from '@engine/project-store'
import { SettingsStore } from '@engine/settings'
import { AppError } from '@domain/errors'
import {
  CLAIM_SELECTIONS,
  defaultSelection,
  REPORT_FORMATS,
  renderReport,
  type ClaimSelection,
  type ReportFormat,
  type ReportOptions,
} from '@domain/report'
import { loadCatalogues } from '@engine/catalogues'
import { shippedLanguages, translatorFor } from '@contract/i18n/translator'
import { RESOURCES_DIR, type CliIo } from '../io'

interface ExportOptions {
  format: ReportFormat
  output?: string
  claims?: ClaimSelection
  article: boolean
  reviewUrl?: string
  reviewDate?: string
  lang: string
}

export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(
      'export a verdict report as HTML, PDF, Markdown, CSV, JSON or schema.org ClaimReview JSON-LD, or the claims as W3C Web Annotations',
    )
    .argument('<file>', 'the project file (.factdesk.json)')
    .addOption(new Option('-f, --format <format>', 'the report format').choices(Object.keys(REPORT_FORMATS)).makeOptionMandatory())
    .option('-o, --output <path>', 'a file or folder to write to, or "-" for standard output (not for pdf); default: next to the project')
    .addOption(
      new Option(
        '--claims <which>',
        'all (suggestions and dismissed too), accepted (not suggested or dismissed) or done; default: done for claimreview, accepted otherwise',
      ).choices(CLAIM_SELECTIONS),
    )
    .option('--no-article', 'leave the article text out (html, pdf, md, json)')
    .option('--review-url <url>', 'the address of the published fact check, for ClaimReview (default: the one kept in the project)')
    .option(
      '--review-date <date>',
      'the day the fact check is published, like 2026-11-27, for ClaimReview (default: the one kept in the project)',
    )
    .option('--lang <language>', `the report's language: ${shippedLanguages(loadCatalogues(RESOURCES_DIR)).join(', ')}`, 'en')
    .action(async (file: string, options: ExportOptions) => {
      const settings = await new SettingsStore(defaultConfigDir(io.env)).get()
      const catalogues = loadCatalogues(RESOURCES_DIR)
      if (!shippedLanguages(catalogues).includes(options.lang)) {
        throw new AppError(
          'INVALID_INPUT',
          `There is no report language "${options.lang}"; choose one of ${shippedLanguages(catalogues).join(', ')} (one file each in ${RESOURCES_DIR}/locales).`,
        )
      }
      const translator = translatorFor(catalogues, options.lang)
      // The CLI's own words stay English (docs/i18n.md); the advice belongs to the report's refusal, so it is in the report's language.
      const advice = translator.t('report.cr.adviceCli')
      const reportOptions: ReportOptions = {
        translator,
        claims: options.claims ?? defaultSelection(options.format),
        includeArticle: options.article,
        organisation: { name: settings.organisationName, url: settings.organisationUrl, logo: settings.organisationLogo },
        generatedAt: new Date().toISOString(),
        ...(options.reviewUrl === undefined ? {} : { reviewUrl: options.reviewUrl }),
        ...(options.reviewDate === undefined ? {} : { reviewDate: options.reviewDate }),
      }
      const path = resolve(io.cwd, file)
      let warnings: string[]
      if (options.output === '-') {
        if (options.format === 'pdf')
          throw new AppError('INVALID_INPUT', 'A PDF cannot go to standard output; give a file with -o, e.g. -o report.pdf.')
        const rendered = requireComplete(
          renderReport((await readProjectFile(path)).project, options.format, reportOptions),
          translator.t,
          advice,
        )
        io.stdout(rendered.content)
        warnings = rendered.warnings
      } else {
        const result = await exportProject(path, options.format, reportOptions, options.output && resolve(io.cwd, options.output), {
          env: io.env,
          log: (line) => io.stderr(`factdesk: ${line}\n`),
          advice,
        })
        io.stdout(`${result.path}\n`)
        warnings = result.warnings
      }
      for (const warning of warnings) io.stderr(`warning: ${warning}\n`)
    })
}

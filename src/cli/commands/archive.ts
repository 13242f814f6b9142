import { resolve } from 'node:path'
import type { Command } from 'commander'
import { CSV_FIELDS, type CsvMapping } from '@domain/memory/archive'
import { AppError } from '@domain/errors'
import { cliServices, readTextInput, type CliIo } from '../io'

export function registerArchive(program: Command, io: CliIo): void {
  const archive = program
    .command('archive')
    .description("fact-check archives the claim memory matches against (files in the projects folder's archives/)")
  archive
    .command('import')
    .description('import schema.org ClaimReview (JSON-LD, a DataFeed, a saved page), a Factdesk JSON report, or a CSV (with --column)')
    .argument('<file>', 'the file to import')
    .option('--name <name>', 'what to call the archive (default: the file name)')
    .option(
      '--column <field=column...>',
      `for a CSV: which column holds each field (${CSV_FIELDS.join(', ')}); claim is required, the rest are guessed from the header`,
    )
    .option('--json', "print the archive's summary as JSON")
    .action(async (file: string, options: { name?: string; column?: string[]; json?: boolean }) => {
      const { writeArchive, isCsv, csvColumns } = await import('@engine/memory/archive-files')
      const services = await cliServices(io)
      const dir = await services.projectsDir()
      const { text } = await readTextInput(file, io)
      let mapping: CsvMapping | undefined
      if (isCsv(file)) {
        const { columns, guess } = csvColumns(file, text)
        const chosen: Record<string, string> = { ...guess }
        for (const pair of options.column ?? []) {
          const [field, column] = pair.split('=', 2)
          if (!field || column === undefined || !(CSV_FIELDS as readonly string[]).includes(field))
            throw new AppError('INVALID_INPUT', `--column ${pair}: write it as field=column, with a field among ${CSV_FIELDS.join(', ')}.`)
          if (!columns.includes(column))
            throw new AppError('INVALID_INPUT', `--column ${pair}: "${file}" has no column "${column}" (it has ${columns.join(', ')}).`)
          chosen[field] = column
        }
        if (!chosen.claim)
          throw new AppError(
            'INVALID_INPUT',
            `Which column of "${file}" holds the claims? Add --column claim=<column> (it has ${columns.join(', ')}).`,
          )
        mapping = chosen as CsvMapping
      }
      const summary = await writeArchive(
        dir,
        {
          fileName: resolve(io.cwd, file),
          content: text,
          ...(mapping ? { mapping } : {}),
          ...(options.name ? { name: options.name } : {}),
        },
        new Date(),
      )
      if (options.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`)
      else
        io.stdout(
          `Imported ${summary.reviews} fact-check${summary.reviews === 1 ? '' : 's'} as "${summary.name}" (${resolve(dir, summary.file)}).\n`,
        )
    })
}

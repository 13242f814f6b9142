import { resolve } from 'node:path'
import type { Readable } from 'node:stream'
import type { Command } from 'commander'
import { ArticleInputSchema } from '@contract/api'
import { withoutLines, type RecognisedLine } from '@contract/import'
import { IMPORT_EXTENSIONS, IMPORT_MAX_BYTES, type ImportedArticle } from '@engine/import'
import { runImport } from '@engine/import/worker-runner'
import { PROJECT_SUFFIX } from '@engine/project-store'
import { AppError } from '@domain/errors'
import { titleFromFirstLine } from '@domain/project/create'
import { cliServices, type CliIo } from '../io'
import { languageOption } from './sentences'

interface NewOptions {
  output?: string
  title?: string
  lang?: string
  keepText?: boolean
}

const STDIN_NAME = 'standard input'

/** Standard input as bytes, so a piped PDF, Word file or legacy-encoded text is read like a file. */
async function readStdinBytes(stdin: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += bytes.length
    // Checked while reading, so an endless stream is refused instead of filling memory.
    if (size > IMPORT_MAX_BYTES) {
      throw new AppError(
        'TOO_LARGE',
        `Cannot import "${STDIN_NAME}": it is more than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, over the import limit. Pipe in just the article.`,
      )
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks)
}

async function readArticle(file: string | undefined, io: CliIo): Promise<ImportedArticle> {
  if (file === undefined || file === '-') {
    const bytes = await readStdinBytes(io.stdin)
    if (!Buffer.from(bytes).toString('latin1').trim()) {
      throw new AppError('INVALID_INPUT', `${STDIN_NAME} is empty: there is no article text to check.`)
    }
    return runImport({ kind: 'bytes', bytes, fileName: STDIN_NAME })
  }
  return runImport({ kind: 'file', path: resolve(io.cwd, file) })
}

const TAKEN_AS: Record<RecognisedLine['kind'], string> = {
  headline: 'the headline, now the title',
  byline: 'the byline',
  date: 'the date line',
  caption: 'a photo caption',
}

/**
 * The article as the app's review form makes it by default: the recognised headline, byline, date
 * line and captions taken out of the text (each named on standard error), the fields they give
 * filled where the file left them empty. With --keep-text the text stays exactly as imported.
 */
function cleaned(
  article: ImportedArticle,
  keepText: boolean,
  io: CliIo,
): { text: string; title: string; author: string; publishedAt: string } {
  const lines = keepText ? [] : article.recognised
  for (const line of lines) io.stderr(`factdesk: note: took out ${TAKEN_AS[line.kind]}: "${article.text.slice(line.start, line.end)}"\n`)
  const text = withoutLines(article.text, lines)
  const fill = (field: 'title' | 'author' | 'publishedAt'): string => lines.find((line) => line.fills[field])?.fills[field] ?? ''
  return {
    text,
    // Kept text keeps its headline: the title is then given, so the project does not take the headline out by itself.
    title: article.title || fill('title') || (keepText ? titleFromFirstLine(text) : ''),
    author: article.author || fill('author'),
    publishedAt: article.publishedAt || fill('publishedAt'),
  }
}

export function registerNew(program: Command, io: CliIo): void {
  program
    .command('new')
    .description('create a project from an article file or standard input and print the new file’s path')
    .argument('[file]', `the article (${IMPORT_EXTENSIONS.map((ext) => `.${ext}`).join(', ')}); "-" or nothing reads standard input`)
    .option(
      '-o, --output <path>',
      `where to write: a folder, or a file ending in ${PROJECT_SUFFIX} (never overwritten); default: the projects folder`,
    )
    .option('--title <title>', 'the article’s title (default: the one the file names, else its headline or first line)')
    .option('--lang <code>', 'the article’s language, e.g. en, uk (default: the one the file names, else detected)')
    .option('--keep-text', 'keep the text exactly as imported: leave in the headline, byline, date line and photo captions found in it')
    .action(async (file: string | undefined, options: NewOptions) => {
      languageOption(options.lang)
      const article = await readArticle(file, io)
      for (const warning of article.warnings) io.stderr(`factdesk: note: ${warning}\n`)
      const language = options.lang ?? article.language
      const { text, title, author, publishedAt } = cleaned(article, options.keepText === true, io)
      const input = ArticleInputSchema.safeParse({
        text,
        title: options.title ?? title,
        outlet: article.outlet,
        author,
        url: article.url,
        publishedAt,
        ...(language ? { language } : {}),
      })
      if (!input.success) {
        const issue = input.error.issues[0]
        throw new AppError(
          'INVALID_INPUT',
          `The article cannot be saved: ${issue?.path.join('.') ?? 'input'} ${issue?.message ?? 'is invalid'}.`,
        )
      }
      const output = options.output === undefined ? undefined : resolve(io.cwd, options.output)
      const services = await cliServices(io)
      const path = await services.createProject(
        input.data,
        output?.endsWith(PROJECT_SUFFIX) ? { file: output } : output ? { dir: output } : null,
      )
      io.stdout(`${path}\n`)
    })
}

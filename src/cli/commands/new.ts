import { resolve } from 'node:path'
import type { Readable } from 'node:stream'
import type { Command } from 'commander'
import { ArticleInputSchema } from '@contract/api'
import { newProject } from '@domain/project/create'
import { defaultConfigDir, documentsDir, resolveProjectsDir } from '@engine/paths'
import { IMPORT_EXTENSIONS, IMPORT_MAX_BYTES, importBytes, importFile, type ImportedArticle } from '@engine/import'
import { writeNewProjectFile, writeProjectFileAt, PROJECT_SUFFIX } from '@engine/project-store'
import { SettingsStore } from '@engine/settings'
import { AppError } from '@domain/errors'
import { createClaimProposer } from '@domain/claims/propose'
import { normalizeArticleText } from '@domain/text/normalize'
import { loadCheckworthinessModel } from '@engine/claim-model'
import { RESOURCES_DIR, type CliIo } from '../io'
import { languageOf } from './sentences'
import { cliAuthor } from '../author'

interface NewOptions {
  output?: string
  title?: string
  lang?: string
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
    return importBytes(bytes, STDIN_NAME)
  }
  return importFile(resolve(io.cwd, file))
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
    .option('--title <title>', 'the article’s title (default: the one the file names, else its first line)')
    .option('--lang <code>', 'the article’s language, e.g. en, uk (default: the one the file names, else detected)')
    .action(async (file: string | undefined, options: NewOptions) => {
      if (options.lang !== undefined && !/^(und|[a-z]{2,3})$/.test(options.lang)) {
        throw new AppError('INVALID_INPUT', `--lang "${options.lang}" is not a language code; use one like en, uk or de.`)
      }
      const article = await readArticle(file, io)
      for (const warning of article.warnings) io.stderr(`factdesk: note: ${warning}\n`)
      const language = options.lang ?? article.language
      const input = ArticleInputSchema.safeParse({
        text: article.text,
        title: options.title ?? article.title,
        outlet: article.outlet,
        author: article.author,
        url: article.url,
        publishedAt: article.publishedAt,
        ...(language ? { language } : {}),
      })
      if (!input.success) {
        const issue = input.error.issues[0]
        throw new AppError(
          'INVALID_INPUT',
          `The article cannot be saved: ${issue?.path.join('.') ?? 'input'} ${issue?.message ?? 'is invalid'}.`,
        )
      }
      const settings = await new SettingsStore(defaultConfigDir(io.env)).get()
      const text = normalizeArticleText(input.data.text)
      const project = newProject(
        { ...input.data, text, language: input.data.language ?? (await languageOf(text, undefined)) },
        {
          now: new Date(),
          author: cliAuthor(settings.checkerName),
          proposeClaims: createClaimProposer(await loadCheckworthinessModel(RESOURCES_DIR)),
        },
      )
      let path: string
      if (options.output?.endsWith(PROJECT_SUFFIX)) {
        path = await writeProjectFileAt(resolve(io.cwd, options.output), project)
      } else {
        const dir = options.output
          ? resolve(io.cwd, options.output)
          : resolveProjectsDir(io.env, settings.projectsDir, documentsDir(io.env)).dir
        path = await writeNewProjectFile(dir, project.article.title, project)
      }
      io.stdout(`${path}\n`)
    })
}

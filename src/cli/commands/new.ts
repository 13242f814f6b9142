import { resolve } from 'node:path'
import type { Command } from 'commander'
import { newProject } from '../../shared/project/create'
import { defaultConfigDir, documentsDir, resolveProjectsDir } from '../../main/services/paths'
import { writeNewProjectFile, writeProjectFileAt, PROJECT_SUFFIX } from '../../main/services/project-store'
import { SettingsStore } from '../../main/services/settings'
import { AppError } from '../../shared/errors'
import { readTextInput, type CliIo } from '../io'
import { cliAuthor } from '../author'

interface NewOptions {
  output?: string
  title?: string
  lang?: string
}

export function registerNew(program: Command, io: CliIo): void {
  program
    .command('new')
    .description('create a project from an article (plain text) and print the new file’s path')
    .argument('[file]', 'the article; "-" or nothing reads standard input')
    .option(
      '-o, --output <path>',
      `where to write: a folder, or a file ending in ${PROJECT_SUFFIX} (never overwritten); default: the projects folder`,
    )
    .option('--title <title>', 'the article’s title (default: its first line)')
    .option('--lang <code>', 'the article’s language, e.g. en, uk (default: detected)')
    .action(async (file: string | undefined, options: NewOptions) => {
      const { text, name } = await readTextInput(file, io)
      if (!text.trim()) throw new AppError('INVALID_INPUT', `${name} is empty: there is no article text to check.`)
      if (options.lang !== undefined && !/^(und|[a-z]{2,3})$/.test(options.lang)) {
        throw new AppError('INVALID_INPUT', `--lang "${options.lang}" is not a language code; use one like en, uk or de.`)
      }
      const settings = await new SettingsStore(defaultConfigDir(io.env)).get()
      const project = newProject(
        { text, title: options.title ?? '', ...(options.lang ? { language: options.lang } : {}) },
        { now: new Date(), author: cliAuthor(settings.checkerName) },
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

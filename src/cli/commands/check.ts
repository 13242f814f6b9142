import { resolve } from 'node:path'
import type { Command } from 'commander'
import { readProjectFile } from '@engine/project-store'
import type { CliIo } from '../io'

export function registerCheck(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('validate project files without changing them; exit 1 if any is invalid')
    .argument('<files...>', 'project files to check')
    .action(async (files: string[]) => {
      let bad = 0
      for (const file of files) {
        const path = resolve(io.cwd, file)
        try {
          const { project, fromVersion } = await readProjectFile(path)
          const upgrade =
            fromVersion < project.schemaVersion ? `, schema ${fromVersion} (opening it upgrades it to ${project.schemaVersion})` : ''
          io.stdout(`ok ${path}: ${project.claims.length} claims${upgrade}\n`)
        } catch (error) {
          bad++
          io.stderr(`${error instanceof Error ? error.message : String(error)}\n`)
        }
      }
      if (bad > 0) process.exitCode = 1
    })
}

import { resolve } from 'node:path'
import type { Command } from 'commander'
import { formatEvidenceReport } from '@domain/evidence/report'
import { verifyProjectFile } from '@engine/evidence/verify'
import type { CliIo } from '../io'

export function registerVerify(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description(
      'check that a project file is as Factdesk left it: its history chain, that the project matches its last history entry, and every attached file; exit 1 on any break',
    )
    .argument('<files...>', 'project files (.factdesk.json)')
    .action(async (files: string[]) => {
      let bad = 0
      for (const file of files) {
        const path = resolve(io.cwd, file)
        try {
          const report = await verifyProjectFile(path)
          io.stdout(formatEvidenceReport(report))
          if (!report.intact) bad++
        } catch (error) {
          bad++
          io.stderr(`NOT INTACT: ${path}\n  ${error instanceof Error ? error.message : String(error)}\n`)
        }
      }
      if (bad > 0) process.exitCode = 1
    })
}

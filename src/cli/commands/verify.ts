import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { formatEvidenceReport, type EvidenceReport } from '@domain/evidence/report'
import { verifyCaseFile } from '@engine/evidence/case-file'
import { verifyProjectFile } from '@engine/evidence/verify'
import type { CliIo } from '../io'

export function registerVerify(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description(
      'check that a project file or a case file (.zip) is as Factdesk left it: the history chain, that the project matches its last history entry, every attached file, and for a case file every file against its manifest (and the signature, given the public key); exit 1 on any break',
    )
    .argument('<files...>', 'project files (.factdesk.json) or case files (.zip)')
    .option('--public-key <path>', "the organisation's Ed25519 public key (PEM) to check a case file's signature against")
    .action(async (files: string[], options: { publicKey?: string }) => {
      const publicKey = options.publicKey ? await readFile(resolve(io.cwd, options.publicKey), 'utf8') : undefined
      let bad = 0
      for (const file of files) {
        const path = resolve(io.cwd, file)
        try {
          const report: EvidenceReport = path.toLowerCase().endsWith('.zip')
            ? await verifyCaseFile(await readFile(path), path, publicKey)
            : await verifyProjectFile(path)
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

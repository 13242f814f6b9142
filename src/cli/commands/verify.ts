import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { formatEvidenceReport, type EvidenceReport } from '@domain/evidence/report'
import { readKeyFile, verifyCaseFile } from '@engine/evidence/case-file'
import { verifyProjectFile } from '@engine/evidence/verify'
import type { CliIo } from '../io'

/** Distinct from a break (1): a file from before the chain is not proof of anything, but not proof of tampering either. */
const NOT_RECORDED_EXIT = 2

export function registerVerify(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description(
      'check that a project file or a case file (.zip) is as Factdesk left it: the history chain, that the project matches its last history entry, every attached file, and for a case file every file against its manifest (and the signature, given the public key)',
    )
    .addHelpText(
      'after',
      `
Exit status:
  0  every file is intact
  1  a file is not intact: something was changed, removed or added outside Factdesk
     (a schema 4 file without its history chain counts: the chain was removed), or it could not be read
  2  nothing is broken, but a file is not recorded: it is still in a schema from before the
     history chain (3 or older), so nothing vouches for it yet; open and save it once in Factdesk
     to start its history chain
With several files, 1 wins over 2.`,
    )
    .argument('<files...>', 'project files (.factdesk.json) or case files (.zip)')
    .option('--public-key <path>', "the organisation's Ed25519 public key (PEM) to check a case file's signature against")
    .action(async (files: string[], options: { publicKey?: string }) => {
      const publicKey = options.publicKey
        ? readKeyFile(await readFile(resolve(io.cwd, options.publicKey)), options.publicKey, 'public')
        : undefined
      let bad = 0
      let unrecorded = 0
      for (const file of files) {
        const path = resolve(io.cwd, file)
        try {
          const report: EvidenceReport = path.toLowerCase().endsWith('.zip')
            ? await verifyCaseFile(await readFile(path), path, publicKey)
            : await verifyProjectFile(path)
          io.stdout(formatEvidenceReport(report))
          if (report.outcome === 'broken') bad++
          else if (report.outcome === 'not-recorded') unrecorded++
        } catch (error) {
          bad++
          io.stderr(`NOT INTACT: ${path}\n  ${error instanceof Error ? error.message : String(error)}\n`)
        }
      }
      if (bad > 0) process.exitCode = 1
      else if (unrecorded > 0) process.exitCode = NOT_RECORDED_EXIT
    })
}

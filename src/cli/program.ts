import { Command } from 'commander'
import { registerCheck } from './commands/check'
import { registerExport } from './commands/export'
import { registerList } from './commands/list'
import { registerNew } from './commands/new'
import { registerScore } from './commands/score'
import { registerSentences } from './commands/sentences'
import { registerSplit } from './commands/split'
import { registerServe } from './commands/serve'
import { packageVersion, type CliIo } from './io'

/** The `factdesk` command line: the same services the app uses, one file per subcommand. */
export function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('factdesk')
    .description('Factdesk: an offline workbench for fact-checkers. Project files, claims and verdict reports from the command line.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
  registerNew(program, io)
  registerCheck(program, io)
  registerList(program, io)
  registerSentences(program, io)
  registerScore(program, io)
  registerSplit(program, io)
  registerExport(program, io)
  registerServe(program, io)
  return program
}

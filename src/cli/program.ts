import { Command } from 'commander'
import { packageVersion, type CliIo } from './io'

type Register = (program: Command, io: CliIo) => void

/**
 * Every subcommand, one module each, loaded only when it runs (all of them for the general help):
 * `factdesk sentences` must not pay for loading the engine, zod and the report renderers.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  new: async () => (await import('./commands/new')).registerNew,
  check: async () => (await import('./commands/check')).registerCheck,
  list: async () => (await import('./commands/list')).registerList,
  sentences: async () => (await import('./commands/sentences')).registerSentences,
  score: async () => (await import('./commands/score')).registerScore,
  split: async () => (await import('./commands/split')).registerSplit,
  export: async () => (await import('./commands/export')).registerExport,
  verify: async () => (await import('./commands/verify')).registerVerify,
  case: async () => (await import('./commands/case')).registerCase,
  keygen: async () => (await import('./commands/case')).registerKeygen,
  serve: async () => (await import('./commands/serve')).registerServe,
  merge: async () => (await import('./commands/merge')).registerMerge,
  'merge-driver': async () => (await import('./commands/merge')).registerMerge,
  search: async () => (await import('./commands/search')).registerSearch,
  match: async () => (await import('./commands/match')).registerMatch,
  archive: async () => (await import('./commands/archive')).registerArchive,
}

/** The `factdesk` command line: the same engine the app uses, one file per subcommand. */
export async function buildProgram(io: CliIo, argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command()
    .name('factdesk')
    .description('Factdesk: an offline workbench for fact-checkers. Project files, claims and verdict reports from the command line.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'))
  const names = requested !== undefined && requested in COMMANDS ? [requested] : Object.keys(COMMANDS)
  // One module may register several commands (merge and merge-driver): each module once.
  const registered = new Set<Register>()
  for (const name of names) {
    const register = await COMMANDS[name]?.()
    if (!register || registered.has(register)) continue
    registered.add(register)
    register(program, io)
  }
  return program
}

import type { Command } from 'commander'
import type { CliIo } from '../io'
import type { ServeOptions } from '../serve/run'

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the browser edition: the Factdesk app in your browser, served from this machine only (127.0.0.1)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--home <dir>', 'projects folder for this run (default: FACTDESK_HOME, the setting, or Documents/Factdesk)')
    .option('--no-open', 'do not open the default browser')
    // The server and every service load only when the command runs, so other commands start fast.
    .action(async (options: ServeOptions) => (await import('../serve/run')).runServe(options, io))
}

import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import open from 'open'
import { AppError } from '../../shared/errors'
import { createDispatcher } from '../../main/services/dispatcher'
import { createServices } from '../../main/services/handlers'
import { defaultConfigDir } from '../../main/services/paths'
import { REPO_ROOT, RESOURCES_DIR, type CliIo } from '../io'
import { startServer } from '../serve/server'

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string }

interface ServeOptions {
  port: string
  home?: string
  open: boolean
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the browser edition: the Factdesk app in your browser, served from this machine only (127.0.0.1)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--home <dir>', 'projects folder for this run (default: FACTDESK_HOME, the setting, or Documents/Factdesk)')
    .option('--no-open', 'do not open the default browser')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new AppError('INVALID_INPUT', `--port "${options.port}" is not a port number (0–65535).`)
      const rendererDir = join(REPO_ROOT, 'out', 'renderer')
      if (!existsSync(join(rendererDir, 'index.html'))) {
        throw new AppError('NOT_FOUND', `The app is not built (${rendererDir} is missing): run \`npm run build\` first.`)
      }
      const env = options.home ? { ...io.env, FACTDESK_HOME: resolve(io.cwd, options.home) } : io.env
      const services = createServices({ edition: 'browser', version, resourcesDir: RESOURCES_DIR, configDir: defaultConfigDir(env), env })
      const running = await startServer({
        rendererDir,
        port,
        dispatch: createDispatcher(services.handlers, {
          onUnexpected: (channel, error) => io.stderr(`[factdesk] ${channel} failed: ${String(error)}\n`),
        }),
      })
      io.stderr(`Factdesk browser edition, projects in ${await services.projectsDir()}. Open this address (Ctrl+C stops):\n`)
      io.stdout(`${running.url}\n`)

      let stopping = false
      const stop = (): void => {
        if (stopping) return
        stopping = true
        void services.store
          .closeAll()
          .then(() => running.close())
          .then(
            () => {
              io.stderr('Every change is saved. Factdesk stopped.\n')
              process.exit(0)
            },
            (error: unknown) => {
              io.stderr(`Stopping failed: ${String(error)}\n`)
              process.exit(1)
            },
          )
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
      if (options.open) {
        await open(running.url).catch(() => io.stderr('Could not open a browser; open the address above yourself.\n'))
      }
    })
}

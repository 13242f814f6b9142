import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import open from 'open'
import { AppError } from '@domain/errors'
import { createDispatcher } from '@engine/dispatcher'
import { cliServices, REPO_ROOT, type CliIo } from '../io'
import { startServer } from './server'

export interface ServeOptions {
  port: string
  home?: string
  open: boolean
}

/** `factdesk serve`: the browser edition until Ctrl+C, which saves every pending edit first. */
export async function runServe(options: ServeOptions, io: CliIo): Promise<void> {
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('INVALID_INPUT', `--port "${options.port}" is not a port number (0–65535).`)
  const rendererDir = join(REPO_ROOT, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new AppError('NOT_FOUND', `The app is not built (${rendererDir} is missing): run \`npm run build\` first.`)
  }
  const env = options.home ? { ...io.env, FACTDESK_HOME: resolve(io.cwd, options.home) } : io.env
  const services = await cliServices({ ...io, env }, 'browser')
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
    // Every open project is saved; edits that cannot be (a full or read-only disk, a conflict)
    // go to a recovery file that is named here, and the exit code says not everything was saved.
    void services.store
      .closeAll()
      .then(async (kept) => {
        await running.close()
        if (kept.length === 0) {
          io.stderr('Every change is saved. Factdesk stopped.\n')
          process.exit(0)
        }
        for (const { message } of kept) io.stderr(`${message}\n`)
        io.stderr(`Factdesk stopped, but ${kept.length === 1 ? '1 project was' : `${kept.length} projects were`} not saved.\n`)
        process.exit(1)
      })
      .catch((error: unknown) => {
        io.stderr(`Factdesk could not save before stopping: ${error instanceof Error ? error.message : String(error)}\n`)
        process.exit(1)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  if (options.open) {
    await open(running.url).catch(() => io.stderr('Could not open a browser; open the address above yourself.\n'))
  }
}

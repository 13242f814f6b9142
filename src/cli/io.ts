import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Readable } from 'node:stream'
import { AppError } from '@domain/errors'
import { defaultConfigDir, type Env } from '@engine/paths'
import type { Services } from '@engine/services'

/** What a command may touch, passed in so tests can run the program in-process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stdin: Readable
  cwd: string
  env: Env
}

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const RESOURCES_DIR = resolve(REPO_ROOT, 'resources')

/** The version in package.json (the CLI runs from the sources or from its bundle in out/cli, both two levels down). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

/** The engine as the CLI uses it: the same settings, projects folder and project files as the app. */
export async function cliServices(io: CliIo, edition: 'cli' | 'browser' = 'cli'): Promise<Services> {
  const { createServices } = await import('@engine/services')
  return createServices({
    edition,
    version: packageVersion(),
    resourcesDir: RESOURCES_DIR,
    configDir: defaultConfigDir(io.env),
    env: io.env,
  })
}

export async function readAllStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads FILE, or standard input for "-" / no file. */
export async function readTextInput(file: string | undefined, io: CliIo): Promise<{ text: string; name: string }> {
  if (file === undefined || file === '-') return { text: await readAllStdin(io.stdin), name: 'standard input' }
  const path = resolve(io.cwd, file)
  try {
    return { text: await readFile(path, 'utf8'), name: path }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'IO',
      `Cannot read "${path}": ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    )
  }
}

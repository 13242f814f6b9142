import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'

const BIN = join(import.meta.dirname, '../../bin/factdesk.js')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real `factdesk` command (bin/factdesk.js) as a user would, with its own env and stdin. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}

export interface RunningServe {
  child: ChildProcessWithoutNullStreams
  /** The address serve printed, with its launch token. */
  url: string
  /** Everything serve wrote to stderr so far. */
  stderr: () => string
  /** Calls a channel of the browser edition's API with the launch token, and answers its envelope's value. */
  api: (channel: string, input: unknown) => Promise<{ ok: boolean; value: unknown }>
}

/** Starts the real `factdesk serve` on a projects folder and resolves once it prints its address. */
export async function startServe(home: string, env: Record<string, string>): Promise<RunningServe> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--home', home], { env: { PATH: process.env.PATH ?? '', ...env } })
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      const line = stdout.split('\n').find((l) => l.startsWith('http'))
      if (line) resolve(line)
    })
    child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)))
  })
  const [base = '', token = ''] = url.split('#token=')
  const api = async (channel: string, input: unknown): Promise<{ ok: boolean; value: unknown }> =>
    (await (
      await fetch(`${base}api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Factdesk-Token': token },
        body: JSON.stringify(input),
      })
    ).json()) as { ok: boolean; value: unknown }
  return { child, url, stderr: () => stderr, api }
}

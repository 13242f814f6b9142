import { spawn } from 'node:child_process'

/**
 * Starts the kill writer (kill-writer.ts, bundled) on a project, lets it confirm at least one save,
 * kills it with SIGKILL `delayMs` later, and resolves to the last generation it confirmed on disk.
 */
export function runAndKill(script: string, path: string, delayMs: number, cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own: ${err || out.slice(-200)}`))
      resolve(
        Number(
          out
            .split('\n')
            .filter((l) => /^\d+$/.test(l))
            .at(-1),
        ),
      )
    })
  })
}

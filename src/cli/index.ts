import { buildProgram } from './program'

const program = await buildProgram({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
})

try {
  await program.parseAsync(process.argv)
} catch (error) {
  process.stderr.write(`factdesk: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = process.exitCode || 1
}

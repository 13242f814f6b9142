#!/usr/bin/env node
// `npm start` (the built desktop app) and `npm run dev` (`start.js dev`: the app with hot reload).
// Both find Electron's runtime the same way (scripts/electron-runtime.js), fetch it on the first
// run in the foreground (Electron ≥ 42 has no postinstall), check that Chromium's sandbox can
// start, and hand the binary to electron-vite. Where the runtime cannot be had, `npm start` says
// so in one line and starts the browser edition; `npm run dev` stops with the reason.
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import {
  electronVersion,
  electronViteCommand,
  fetchElectron,
  findElectron,
  readSandboxFacts,
  ROOT,
  sandboxDecision,
} from './electron-runtime.js'

const [first, ...rest] = process.argv.slice(2)
const mode = first === 'dev' ? 'dev' : 'start'
const args = mode === 'dev' ? rest : process.argv.slice(2)

const say = (line) => process.stdout.write(`${line}\n`)
const complain = (line) => process.stderr.write(`${line}\n`)

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: ROOT, env })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

let found = findElectron()
let fetched = null
if (!found.ok && found.fetchable) {
  say(
    `Fetching Electron ${electronVersion()}'s runtime for this system (about 100 MB, first run only); a progress bar appears if it takes more than 30 s.`,
  )
  fetched = fetchElectron()
  if (fetched.ok) say(`Electron's runtime is installed (${fetched.seconds} s).`)
  // `npm run dev` cannot go on without it: the whole reason and what to do. `npm start` can.
  else if (mode === 'dev') complain(`✖ [${fetched.code}] ${fetched.message}`)
  found = findElectron()
}

if (!found.ok) {
  if (mode === 'dev' || !found.fetchable) {
    complain(`✖ [${found.code}] ${found.message}`)
    if (mode === 'dev') complain('npm run dev needs Electron’s runtime; npm run serve starts the browser edition without it.')
    process.exit(1)
  }
  const why = fetched && !fetched.ok ? fetched.cause : 'offline or download blocked'
  say(
    `Electron's runtime could not be fetched (${why}), so Factdesk starts its browser edition instead; docs/desktop-first-run.md says how to get the desktop app.`,
  )
  const electronVite = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const build = spawnSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: ROOT })
  if (build.status !== 0) process.exit(build.status ?? 1)
  run(process.execPath, [join(ROOT, 'bin', 'factdesk.js'), 'serve', ...args])
} else {
  const decision = sandboxDecision(readSandboxFacts(found.binary))
  if (!decision.sandbox) {
    complain(
      `⚠ [${decision.code}] ${decision.reason}, so this development run starts Electron with --no-sandbox (a packaged Factdesk never does so unannounced).`,
    )
    complain(`  To keep the sandbox: ${decision.fix}`)
  }
  const launch = electronViteCommand(mode, found.binary, decision, args)
  run(launch.command, launch.args, { ...process.env, ...launch.env })
}

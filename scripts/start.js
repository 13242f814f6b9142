#!/usr/bin/env node
// `npm start`: the desktop app when Electron's runtime is here (fetching it on the first run, as
// electron ≥ 42 does lazily), otherwise one line saying why and the browser edition instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist')
  const binary = join(base, relative)
  return existsSync(binary) ? binary : null
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

if (!electronBinary() && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  process.stdout.write("Fetching Electron's runtime (first run only)…\n")
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', cwd: electronDir, timeout: 10 * 60_000 })
}

if (electronBinary()) {
  run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview'])
} else {
  process.stdout.write(
    "Electron's runtime is not available here (offline or download blocked), so Factdesk starts its browser edition instead.\n",
  )
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'],
    { stdio: 'inherit', cwd: root },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
  run(process.execPath, [join(root, 'bin', 'factdesk.js'), 'serve', ...process.argv.slice(2)])
}

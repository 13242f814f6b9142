#!/usr/bin/env node
// `npm run pack:check`: packs the desktop app the way the installers do (electron-builder --dir,
// with electron-builder.js) and verifies app.asar. Electron's runtime cannot be downloaded
// everywhere, so the app is packed around a stub Electron distribution made here: a placeholder
// executable carrying Electron's fuse wire, which electron-builder flips as it would the real one.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import asar from '@electron/asar'
import { getCurrentFuseWire } from '@electron/fuses'
import { init as initLexer, parse as parseImports } from 'es-module-lexer'
import { legacy as legacyEntry, resolve as resolveExports } from 'resolve.exports'
import { DESKTOP_NAME } from '../electron-builder.js'
import {
  ELECTRON_FUSES,
  electronFuseWire,
  FUSE_OFF,
  FUSE_ON,
  isBareSpecifier,
  mainImports,
  NOT_IN_APP,
  OPTIONAL_LEFT_OUT,
  packageName,
  ROOT,
  RUNTIME_DATA,
} from './app-contents.js'

/** The Linux command electron-builder.js names (linux.executableName). */
const LINUX_EXECUTABLE = 'factdesk'

/** Never in the app: sources, tests and their fixtures, docs, tooling. */
const FORBIDDEN_PATHS = [
  'src/',
  'tests/',
  'bench/',
  'docs/',
  'scripts/',
  'bin/',
  '.ci/',
  'test-results/',
  'resources/icons/',
  'electron.vite.config.ts',
]
const FORBIDDEN_PACKAGES = [
  'electron',
  'electron-builder',
  'electron-vite',
  'vite',
  'vitest',
  'typescript',
  'eslint',
  'prettier',
  'playwright',
  '@playwright/test',
  'esbuild',
  'react',
  'react-dom',
  ...Object.keys(NOT_IN_APP),
  ...Object.keys(OPTIONAL_LEFT_OUT),
]

const problems = []
const fail = (message) => problems.push(message)

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options })
  if (result.status !== 0) {
    process.stderr.write(`\n✖ pack:check: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).\n`)
    process.exit(1)
  }
}

/** A Linux "Electron distribution" with nothing in it but what electron-builder reads or moves. */
function makeStubElectron(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const executable = join(dir, 'electron')
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "This is the stub Electron of npm run pack:check, not an app." >&2\nexit 1\n# '),
      electronFuseWire(),
      Buffer.from('\n'),
    ]),
  )
  chmodSync(executable, 0o755)
  writeFileSync(join(dir, 'LICENSE'), "Stub of Electron's licence file (npm run pack:check).\n")
}

/**
 * Every file the archive lists, with its size and whether electron-builder put it beside the
 * archive in app.asar.unpacked (native modules cannot load from inside it). Links are not counted.
 */
function asarFiles(archive) {
  const files = new Map()
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name
      if (child.files) walk(child, path)
      else if (!child.link) files.set(path, { size: child.size ?? 0, unpacked: child.unpacked === true })
    }
  }
  walk(asar.getRawHeader(archive).header, '')
  return files
}

/** Node's lookup inside the archive: the package's own node_modules, then each one above it. */
function resolveInArchive(files, name, fromDir) {
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const candidate = dir === '.' || dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`
    if (files.has(`${candidate}/package.json`)) return candidate
    if (dir === '.' || dir === '') return null
  }
}

/** The first of Node's candidates for `base` (a path inside the archive) that the archive holds. */
function fileIn(files, base) {
  return [base, `${base}.js`, `${base}.json`, `${base}/index.js`].find((candidate) => files.has(candidate)) ?? null
}

/**
 * Where an import of `specifier` from the archive file `from` lands in the archive, as Node's ESM
 * resolver would find it (package "exports" with the node and import conditions, else "main").
 */
function resolveImport(files, readJson, specifier, from) {
  if (specifier.startsWith('.')) return fileIn(files, posix.join(posix.dirname(from), specifier))
  const name = packageName(specifier)
  const dir = resolveInArchive(files, name, posix.dirname(from))
  if (!dir) return null
  const manifest = readJson(`${dir}/package.json`)
  const subpath = `.${specifier.slice(name.length)}`
  let target
  try {
    target = manifest.exports ? resolveExports(manifest, subpath)?.[0] : subpath === '.' ? (legacyEntry(manifest) ?? 'index.js') : subpath
  } catch {
    return null
  }
  return target ? fileIn(files, posix.join(dir, target)) : null
}

/** Whether Node loads an archive file as an ES module (.mjs, or .js under a "type": "module" package.json). */
function isModule(files, readJson, path) {
  if (path.endsWith('.mjs')) return true
  if (!path.endsWith('.js')) return false
  for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
    const manifest = dir === '.' ? 'package.json' : `${dir}/package.json`
    if (files.has(manifest)) return readJson(manifest).type === 'module'
    if (dir === '.') return false
  }
}

/**
 * Follows every import with a literal specifier from out/main through the archive, ES modules all
 * the way down (CommonJS packages are packed whole). Returns what could not be found: a trimmed
 * file (electron-builder.js's UNUSED_FILES) that is in use shows up here.
 */
async function missingImports(files, readText, readJson) {
  await initLexer
  const missing = []
  const seen = new Set()
  const queue = [...files.keys()].filter((path) => path.startsWith('out/main/') && /\.[cm]?js$/.test(path))
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    if (!file.startsWith('out/main/') && !isModule(files, readJson, file)) continue
    const [found] = parseImports(readText(file))
    for (const { n: specifier } of found) {
      if (!specifier || specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) continue
      if (!specifier.startsWith('.') && (!isBareSpecifier(specifier) || packageName(specifier) === 'electron')) continue
      if (packageName(specifier) in NOT_IN_APP) continue
      const target = resolveImport(files, readJson, specifier, file)
      if (target) queue.push(target)
      else missing.push(`${file} imports ${specifier}, which is not in app.asar`)
    }
  }
  return { missing, followed: seen.size }
}

/** The folder of the package a file in node_modules belongs to. */
const packageDirOf = (path) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? ''

/**
 * A native module built with node-gyp must be rebuilt for Electron; N-API prebuilds are
 * ABI-stable and load as they are.
 */
const needsRebuild = (manifest) =>
  manifest.gypfile === true || /node-gyp|prebuild-install|node-pre-gyp/.test(manifest.scripts?.install ?? '')

const formatSize = (bytes) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)))
  const line = (row) =>
    `| ${row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join(' | ')} |`
  return [
    line(rows[0]),
    `|${widths.map((w, column) => (column === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n')
}

const work = mkdtempSync(join(tmpdir(), 'factdesk-pack-check-'))
try {
  if (!process.argv.includes('--no-build')) run('npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn'])
  const stub = join(work, 'electron')
  const output = join(work, 'dist')
  makeStubElectron(stub)
  process.stdout.write('\n▶ electron-builder --linux dir (stub Electron)\n')
  run(process.execPath, [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${stub}`,
    `-c.directories.output=${output}`,
  ])

  const appDir = join(output, 'linux-unpacked')
  const archive = join(appDir, 'resources', 'app.asar')
  if (!existsSync(archive)) throw new Error(`electron-builder made no app.asar (looked for ${archive}).`)
  const files = asarFiles(archive)
  const paths = [...files.keys()]
  const readJson = (path) => JSON.parse(asar.extractFile(archive, path).toString('utf8'))

  for (const required of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!files.has(required)) fail(`${required} is missing`)
  }
  if (!paths.some((path) => path.startsWith('out/renderer/assets/') && path.endsWith('.js')))
    fail("the renderer's scripts (out/renderer/assets/*.js) are missing")
  for (const folder of ['resources/samples', 'resources/models']) {
    const dir = join(ROOT, folder)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir, { recursive: true })) {
      const path = `${folder}/${String(name).split('\\').join('/')}`
      if (statSync(join(dir, String(name))).isFile() && !files.has(path)) fail(`${path} is missing (the app reads it at run time)`)
    }
  }

  const { missing, followed } = await missingImports(files, (path) => asar.extractFile(archive, path).toString('utf8'), readJson)
  for (const problem of missing) fail(problem)
  for (const folder of RUNTIME_DATA) {
    if (!paths.some((path) => path.startsWith(folder))) fail(`${folder} is missing or empty (main reads it at run time)`)
  }

  const imports = await mainImports()
  for (const [name, kind] of imports) {
    if (name in NOT_IN_APP) {
      if (kind === 'static') fail(`main imports ${name}, which electron-builder.js leaves out of the app (${NOT_IN_APP[name]})`)
      continue
    }
    if (!files.has(`node_modules/${name}/package.json`)) fail(`main imports ${name}, but node_modules/${name} is not in app.asar`)
  }
  const packageDirs = paths
    .filter((path) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(path))
    .map((path) => posix.dirname(path))
  const packages = new Set()
  for (const dir of packageDirs) {
    const manifest = readJson(`${dir}/package.json`)
    packages.add(manifest.name)
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (!resolveInArchive(files, dependency, dir)) fail(`${manifest.name} needs ${dependency}, which is not in app.asar`)
    }
  }

  for (const path of paths) {
    const inPackage = path.includes('node_modules/')
    const forbidden = !inPackage && FORBIDDEN_PATHS.find((prefix) => path === prefix || path.startsWith(prefix))
    if (forbidden) fail(`${path} should not be in the app (${forbidden})`)
    if (!inPackage && /(^|\/)(fixtures?|__tests__)\//.test(path)) fail(`${path} looks like a test fixture`)
    if (!inPackage && /\.(ts|tsx)$/.test(path)) fail(`${path} is TypeScript source`)
    if (path.endsWith('.node') && needsRebuild(readJson(`${packageDirOf(path)}/package.json`))) {
      fail(`${path} is compiled against Node's ABI: electron-builder.js has npmRebuild off, so it would not load in Electron`)
    }
    if (!inPackage && !/^(out\/|resources\/|node_modules\/|package\.json$)/.test(path)) fail(`${path} is not part of the app`)
  }
  for (const name of FORBIDDEN_PACKAGES) {
    if (packages.has(name)) fail(`the package ${name} is in app.asar but the app does not load it`)
  }

  const notices = join(appDir, 'resources', 'NOTICES.txt')
  if (!existsSync(notices)) fail('resources/NOTICES.txt (the open-source notices) is missing')
  else {
    const text = readFileSync(notices, 'utf8')
    for (const name of packages) if (!text.includes(`${name}@`)) fail(`NOTICES.txt does not list ${name}`)
  }

  const packedManifest = readJson('package.json')
  if (packedManifest.desktopName !== DESKTOP_NAME)
    fail(`the packed package.json has desktopName ${JSON.stringify(packedManifest.desktopName)}, expected "${DESKTOP_NAME}"`)

  const executable = join(appDir, LINUX_EXECUTABLE)
  if (!existsSync(executable)) throw new Error(`the Linux executable is not named "${LINUX_EXECUTABLE}" (looked for ${executable}).`)
  const wire = await getCurrentFuseWire(executable)
  const wireLength = Object.keys(wire).filter((key) => /^\d+$/.test(key)).length
  if (wireLength !== ELECTRON_FUSES.length)
    fail(`the packed executable has ${wireLength} fuses, expected Electron's ${ELECTRON_FUSES.length}`)
  const fuseRows = ELECTRON_FUSES.map(({ name, app: expected }, index) => {
    const actual = wire[index]
    if (actual !== expected) fail(`the ${name} fuse is ${String.fromCharCode(actual ?? 63)}, expected ${String.fromCharCode(expected)}`)
    return [name, actual === FUSE_ON ? 'on' : actual === FUSE_OFF ? 'off' : '?']
  })

  const packed = paths.filter((path) => !files.get(path)?.unpacked)
  const unpacked = paths.filter((path) => files.get(path)?.unpacked)
  const sizeOf = (list) => list.reduce((sum, path) => sum + (files.get(path)?.size ?? 0), 0)
  const rows = [['app.asar', 'files', 'size']]
  for (const [label, list] of [
    ['out/ (main, preload, renderer)', packed.filter((p) => p.startsWith('out/'))],
    ['resources/ (samples, models)', packed.filter((p) => p.startsWith('resources/'))],
    [`node_modules/ (${packages.size} packages)`, packed.filter((p) => p.startsWith('node_modules/'))],
    ['package.json', packed.filter((p) => p === 'package.json')],
  ]) {
    rows.push([label, list.length, formatSize(sizeOf(list))])
  }
  rows.push(['app.asar on disk', packed.length, formatSize(statSync(archive).size)])
  if (unpacked.length > 0) rows.push(['app.asar.unpacked (native modules)', unpacked.length, formatSize(sizeOf(unpacked))])
  const bySize = new Map()
  for (const path of paths.filter((p) => p.startsWith('node_modules/'))) {
    const name = packageName(path.slice('node_modules/'.length))
    bySize.set(name, (bySize.get(name) ?? 0) + (files.get(path)?.size ?? 0))
  }
  const largest = [...bySize]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5)
    .map(([name, size]) => `${name} ${formatSize(size)}`)
  process.stdout.write(
    `\n${table(rows)}\n\nModules reached from out/main by its imports: ${followed}.\nLargest packages: ${largest.join(', ') || '(none)'}\n\n${table([['fuse', 'state'], ...fuseRows])}\n`,
  )
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
} finally {
  rmSync(work, { recursive: true, force: true })
}

if (problems.length > 0) {
  process.stderr.write(
    `\n✖ pack:check found ${problems.length} problem(s) in the packaged app:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  )
  process.exit(1)
}
process.stdout.write('\n✔ pack:check: the packaged app holds what it needs and nothing else\n')

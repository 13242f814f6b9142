// What the packaged desktop app is made of, worked out from the build itself. Used by
// electron-builder.js (to pack exactly that) and scripts/pack-check.js (to verify what was packed).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { init, parse } from 'es-module-lexer'

export const ROOT = join(import.meta.dirname, '..')
export const NOTICES_FILE = join(ROOT, 'out', 'NOTICES.txt')

/**
 * Runtime dependencies (package.json "dependencies") that the desktop app never loads, and why.
 * They stay out of app.asar and out of the notices.
 */
export const NOT_IN_APP = {
  tsx: "runs the command line's TypeScript (bin/factdesk.js)",
  commander: "parses the command line's arguments",
  open: 'opens the browser edition (factdesk serve) in the system browser',
  'playwright-core':
    'prints PDFs with a system Chromium for the CLI and the browser edition; the app prints with Electron, so the lazy import in main is never reached there',
}

/**
 * Optional dependencies of the app's packages that the app does without, and why. They stay out
 * of app.asar (with what only they need) and out of the notices.
 */
export const OPTIONAL_LEFT_OUT = {
  '@napi-rs/canvas':
    "pdf.js's source of DOMMatrix in Node (a 32 MB native module); main gives pdf.js a pure-JS DOMMatrix (src/engine/import/pdf.ts) and renders no pages",
}

/**
 * Files inside packages the app loads that it never reads: other builds of the same code, sources,
 * type declarations, language data for detector sizes it does not use. pack:check follows main's
 * imports through the packed archive, so it fails if one of these is ever needed.
 */
export const UNUSED_FILES = [
  '**/node_modules/**/*.d.{ts,mts,cts}',
  '**/node_modules/**/{README,CHANGELOG}.md',
  // pdf.js: main loads the minified legacy build and its worker, and reads cmaps/ and standard_fonts/
  '**/node_modules/pdfjs-dist/{build,web,types,image_decoders}{,/**/*}',
  '**/node_modules/pdfjs-dist/legacy/{web,image_decoders}{,/**/*}',
  '**/node_modules/pdfjs-dist/legacy/build/{pdf.mjs,pdf.worker.mjs,pdf.sandbox.mjs,pdf.sandbox.min.mjs}',
  // eld: language detection uses its extra-small database (src/domain/text/language.ts)
  '**/node_modules/eld/src/ngrams/{small,medium,large}.js',
  // jschardet: dist/ holds browser bundles; Node loads build/
  '**/node_modules/jschardet/dist{,/**/*}',
  // zod: its TypeScript sources
  '**/node_modules/zod/src{,/**/*}',
]

/** Data main reads from packages at run time (not through imports): a folder each, never empty. */
export const RUNTIME_DATA = ['node_modules/pdfjs-dist/cmaps/', 'node_modules/pdfjs-dist/standard_fonts/']

/** What @electron/fuses looks for in Electron's executable: the sentinel, then the wire (version, length, one byte a fuse). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
export const FUSE_WIRE_VERSION = 1
export const FUSE_ON = '1'.charCodeAt(0)
export const FUSE_OFF = '0'.charCodeAt(0)

/**
 * Electron 45's fuse wire in wire order: each fuse with its state in Electron's release build
 * (docs/tutorial/fuses.md, build/fuses/fuses.json5 in electron/electron) and the state
 * electron-builder.js leaves it in. Nine fuses: @electron/fuses 1.8 names the first eight
 * (FuseV1Options); WasmTrapHandlers, the ninth, is known to it only by position, and
 * electron-builder 26 has no option for it, so it keeps Electron's default.
 */
export const ELECTRON_FUSES = [
  { name: 'RunAsNode', electron: FUSE_ON, app: FUSE_OFF },
  { name: 'EnableCookieEncryption', electron: FUSE_OFF, app: FUSE_ON },
  { name: 'EnableNodeOptionsEnvironmentVariable', electron: FUSE_ON, app: FUSE_OFF },
  { name: 'EnableNodeCliInspectArguments', electron: FUSE_ON, app: FUSE_OFF },
  { name: 'EnableEmbeddedAsarIntegrityValidation', electron: FUSE_OFF, app: FUSE_ON },
  { name: 'OnlyLoadAppFromAsar', electron: FUSE_OFF, app: FUSE_ON },
  { name: 'LoadBrowserProcessSpecificV8Snapshot', electron: FUSE_OFF, app: FUSE_OFF },
  { name: 'GrantFileProtocolExtraPrivileges', electron: FUSE_ON, app: FUSE_OFF },
  { name: 'WasmTrapHandlers', electron: FUSE_ON, app: FUSE_ON },
]

/** The bytes @electron/fuses finds in a release build of Electron 45, for a stub executable. */
export function electronFuseWire() {
  return Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, ELECTRON_FUSES.length]),
    Buffer.from(ELECTRON_FUSES.map((fuse) => fuse.electron)),
  ])
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

export function isBareSpecifier(specifier) {
  return !/^(\.|\/|[a-z]+:)/i.test(specifier) && !builtinModules.includes(specifier.split('/')[0] ?? '')
}

/**
 * The packages the built main process imports, statically or lazily (`import('x')`), without
 * Node's built-ins and electron: what must be in app.asar's node_modules for it to start.
 */
export async function mainImports(outMain = join(ROOT, 'out', 'main')) {
  if (!existsSync(join(outMain, 'index.js')))
    throw new Error(`${relative(ROOT, outMain)}/index.js is missing: run \`npm run build\` first.`)
  await init
  const imports = new Map()
  for (const file of readdirSync(outMain, { recursive: true })) {
    if (!/\.[cm]?js$/.test(file)) continue
    const [found] = parse(readFileSync(join(outMain, file), 'utf8'))
    for (const { n: specifier, d } of found) {
      if (!specifier || !isBareSpecifier(specifier)) continue
      const name = packageName(specifier)
      if (name === 'electron') continue
      const kind = d > -1 ? 'lazy' : 'static'
      if (imports.get(name) !== 'static') imports.set(name, kind)
    }
  }
  return imports
}

/** Node's lookup: the package's own node_modules, then each folder above it up to the project. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === ROOT || dirname(dir) === dir) return null
  }
}

/**
 * Every installed package reachable from `roots` through dependencies, optional and peer
 * dependencies (those that are installed, less `skipOptional`): a map from the package's folder
 * to its package.json.
 */
export function packageClosure(roots, { skipOptional = OPTIONAL_LEFT_OUT } = {}) {
  const found = new Map()
  const visit = (dir) => {
    if (found.has(dir)) return
    const manifest = readJson(join(dir, 'package.json'))
    found.set(dir, manifest)
    const deps = { ...manifest.peerDependencies, ...manifest.optionalDependencies, ...manifest.dependencies }
    for (const name of Object.keys(deps)) {
      if (name in skipOptional && !(name in (manifest.dependencies ?? {}))) continue
      const next = resolvePackage(name, dir)
      if (next) visit(next)
    }
  }
  for (const name of roots) {
    const dir = resolvePackage(name, ROOT)
    if (!dir) throw new Error(`The package "${name}" is not installed: run \`npm install\`.`)
    visit(dir)
  }
  return found
}

const namesOf = (closure) => new Set([...closure.values()].map((manifest) => manifest.name))

/**
 * What goes into app.asar's node_modules (`inApp`: what main imports and what that needs) and
 * the production packages electron-builder would otherwise add but the app never loads
 * (`leftOut`), as package names.
 */
export async function appDependencies() {
  const imported = [...(await mainImports()).keys()].filter((name) => !(name in NOT_IN_APP))
  const inApp = namesOf(packageClosure(imported))
  const production = namesOf(packageClosure(Object.keys(readJson(join(ROOT, 'package.json')).dependencies ?? {}), { skipOptional: {} }))
  const leftOut = [...production].filter((name) => !inApp.has(name)).sort()
  return { inApp, leftOut }
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i

function licenceText(dir) {
  const files = readdirSync(dir)
    .filter((name) => LICENCE_FILE.test(name))
    .sort()
  return files.map((name) => readFileSync(join(dir, name), 'utf8').trim()).join('\n\n')
}

/**
 * Writes the open-source notices the app's About box opens: Factdesk's own licence, the notices
 * for shipped data (resources/notices), and the licence of every third-party package in the app,
 * whether main loads it from app.asar or the renderer's bundle contains it.
 */
export async function writeNotices(file = NOTICES_FILE) {
  const pkg = readJson(join(ROOT, 'package.json'))
  const shipped = Object.keys(pkg.dependencies ?? {}).filter((name) => !(name in NOT_IN_APP))
  const byName = new Map()
  for (const [dir, manifest] of packageClosure(shipped)) {
    if (!byName.has(`${manifest.name}@${manifest.version}`)) byName.set(`${manifest.name}@${manifest.version}`, { dir, manifest })
  }
  const rule = '='.repeat(78)
  const sections = [
    `Factdesk ${pkg.version}: open-source notices\n\nFactdesk is free software under the ${pkg.license} licence. It is built on Electron, whose licence\n(LICENSE.electron.txt) and Chromium's (LICENSES.chromium.html) are installed beside the program,\nand on the components below.`,
  ]
  const noticesDir = join(ROOT, 'resources', 'notices')
  if (existsSync(noticesDir)) {
    for (const name of readdirSync(noticesDir).sort()) sections.push(readFileSync(join(noticesDir, name), 'utf8').trim())
  }
  for (const [id, { dir, manifest }] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const licence = typeof manifest.license === 'string' ? manifest.license : 'see below'
    sections.push(
      `${id} (${licence})\n\n${licenceText(dir) || `No licence file ships with this package; its package.json declares: ${licence}.`}`,
    )
  }
  writeFileSync(file, `${sections.join(`\n\n${rule}\n\n`)}\n`)
  return { file, packages: [...byName.keys()] }
}

/** For messages: a path relative to the project, with forward slashes. */
export const shortPath = (path) => relative(ROOT, path).split(sep).join('/')

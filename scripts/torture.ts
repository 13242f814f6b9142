// `npm run torture`: tries to make Factdesk lose a checker's work, the ways an adversarial tester
// did (docs/reliability.md), and counts what it checked. `--short` is the CI form.
// Exit code 1 when any acknowledged edit is lost or any project or backup is unreadable.
import { execFileSync, spawn } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { encodeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { runInSession } from '@engine/call-session'
import { createDispatcher } from '@engine/dispatcher'
import { readProjectFile, ProjectStore } from '@engine/project-store'
import { RecoveryStore } from '@engine/recovery'
import { createServices } from '@engine/services'
import { claimOver, makeProject } from '../tests/helpers/projects'
import { docxBomb, manyPagesPdf, pdfStreamBomb } from '../tests/fixtures/import/bombs'
import { runAndKill } from './torture/kill'

const ROOT = join(import.meta.dirname, '..')
const SHORT = process.argv.includes('--short')
const N = {
  smallKills: SHORT ? 60 : 400,
  bigKills: SHORT ? 12 : 100,
  rounds: SHORT ? 25 : 100,
  fullDisk: SHORT ? 10 : 40,
  tabs: SHORT ? 200 : 1000,
}

interface Row {
  case: string
  checked: number
  lost: number
  unreadable: number
  note: string
}
const rows: Row[] = []
const work = await mkdtemp(join(tmpdir(), 'factdesk-torture-'))
let seed = 20261130
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

/** The torture children, bundled once so each of hundreds of processes starts in tens of milliseconds. */
async function bundle(name: string): Promise<string> {
  const outfile = join(work, `${name}.mjs`)
  await build({
    entryPoints: [join(import.meta.dirname, 'torture', `${name}.ts`)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  })
  return outfile
}

async function readable(path: string): Promise<boolean> {
  try {
    await readProjectFile(path)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'NOT_FOUND'
  }
}

function bigProject(): Project {
  const base = makeProject()
  const claim = claimOver(base, 'cost €41 million')
  // About 12 MB: 60 claims whose notes hold 200,000 characters each.
  return { ...base, claims: Array.from({ length: 60 }, (_, i) => ({ ...claim, id: `c${i}`, notes: 'n'.repeat(200_000) })) }
}

async function kills(label: string, project: Project, count: number, maxDelayMs: number): Promise<void> {
  const script = await bundle('kill-writer')
  const path = join(work, `${label}.factdesk.json`)
  await writeFile(path, encodeProject(project))
  const row: Row = { case: `SIGKILL mid-save, ${label} project`, checked: 0, lost: 0, unreadable: 0, note: '' }
  let midWrite = 0
  for (let i = 0; i < count; i++) {
    const confirmed = await runAndKill(script, path, random() * maxDelayMs, ROOT)
    // A temp file beside the project right after the kill: it died in the middle of writing one.
    if ((await readdir(work)).some((name) => name.startsWith(`.${label}.factdesk.json`) && name.endsWith('.tmp'))) midWrite++
    const ok = (await readable(path)) && (await readable(`${path}.bak`))
    if (!ok) row.unreadable++
    const onDisk = ok ? Number(/generation (\d+)/.exec((await readProjectFile(path)).project.article.title)?.[1]) : -1
    if (onDisk < confirmed) row.lost++
    row.checked++
  }
  row.note = `${midWrite} kills landed in the middle of writing a file (its temp file was cleaned at the next open)`
  rows.push(row)
}

/** Two processes each opening, editing, saving and closing the same project on every round, together. */
async function twoWriters(): Promise<void> {
  const script = await bundle('round-writer')
  const path = join(work, 'shared.factdesk.json')
  await writeFile(path, encodeProject(makeProject()))
  const start = (name: string) => {
    const child = spawn(process.execPath, [script, path, name, join(work, `cfg-${name}`)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    const waiting = new Map<string, (outcome: string) => void>()
    let buffer = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        const end = buffer.indexOf('\n')
        if (end < 0) break
        const [round = '', ...rest] = buffer.slice(0, end).split(' ')
        buffer = buffer.slice(end + 1)
        waiting.get(round)?.(rest.join(' '))
      }
    })
    return {
      child,
      go: (round: number) =>
        new Promise<string>((resolve) => {
          waiting.set(String(round), resolve)
          child.stdin.write(`go ${round}\n`)
        }),
    }
  }
  const writers = [start('alpha'), start('beta')]
  const row: Row = { case: 'two processes on one project', checked: 0, lost: 0, unreadable: 0, note: '' }
  const tally = new Map<string, number>()
  for (let round = 1; round <= N.rounds; round++) {
    const outcomes = await Promise.all(writers.map((w) => w.go(round)))
    if (!(await readable(path))) row.unreadable++
    const { project } = await readProjectFile(path)
    outcomes.forEach((outcome, i) => {
      tally.set(outcome, (tally.get(outcome) ?? 0) + 1)
      const name = i === 0 ? 'alpha' : 'beta'
      if (outcome === 'saved' && !project.history.some((e) => e.summary === `${name} round ${round}`)) row.lost++
      row.checked++
    })
  }
  for (const w of writers) w.child.stdin.end()
  row.note = [...tally].map(([outcome, n]) => `${n} ${outcome}`).join(', ')
  rows.push(row)
}

/** A disk that fills up mid-save: RLIMIT_FSIZE makes every write past a random size fail (EFBIG), as ENOSPC would. */
async function fullDisk(): Promise<void> {
  const script = join(work, 'full-disk.mjs')
  await build({
    stdin: {
      contents: `import { ProjectStore } from '@engine/project-store'
const [path, outlet] = process.argv.slice(2)
const store = new ProjectStore({ debounceMs: 0 })
await store.open(path)
store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet } }))
const status = await store.flush(path)
process.stdout.write(status.state)
process.exit(0)`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'error',
  })
  const path = join(work, 'full.factdesk.json')
  await writeFile(path, encodeProject(bigProject()))
  const row: Row = { case: 'disk full mid-save (RLIMIT_FSIZE)', checked: 0, lost: 0, unreadable: 0, note: '' }
  const states = new Map<string, number>()
  let expected = 'The Test Gazette'
  for (let i = 0; i < N.fullDisk; i++) {
    const limitKb = 1024 + Math.floor(random() * 16 * 1024)
    const outlet = `outlet ${i}`
    const state = execFileSync('bash', ['-c', `ulimit -f ${limitKb}; exec "${process.execPath}" "$0" "$1" "$2"`, script, path, outlet], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    states.set(state, (states.get(state) ?? 0) + 1)
    if (state === 'saved') expected = outlet
    const ok = (await readable(path)) && (await readable(`${path}.bak`))
    if (!ok) row.unreadable++
    else if ((await readProjectFile(path)).project.article.outlet !== expected) row.lost++
    row.checked++
  }
  row.note = [...states].map(([s, n]) => `${n} ${s}`).join(', ')
  rows.push(row)
}

async function readOnly(): Promise<void> {
  const row: Row = { case: 'read-only file and folder', checked: 0, lost: 0, unreadable: 0, note: '' }
  const folder = join(work, 'locked-folder')
  await mkdir(folder)
  const inFolder = join(folder, 'p.factdesk.json')
  const file = join(work, 'ro.factdesk.json')
  for (const path of [file, inFolder]) await writeFile(path, encodeProject(makeProject()))
  await chmod(file, 0o444)
  await chmod(folder, 0o555)
  for (const path of [file, inFolder]) {
    const before = await readFile(path)
    const store = new ProjectStore({ debounceMs: 0 })
    const opened = await store.open(path)
    let refused = false
    try {
      store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'x' } }))
    } catch {
      refused = true
    }
    await store.closeAll()
    const same = (await readFile(path)).equals(before)
    if (!opened.readOnly || !refused || !same) row.lost++
    row.checked++
  }
  await chmod(folder, 0o755)
  row.note = 'each opened read-only, the edit refused, the bytes unchanged'
  rows.push(row)
}

/** Two windows editing random fields of random claims from stale versions: nothing acknowledged may vanish. */
async function twoTabs(): Promise<void> {
  const path = join(work, 'tabs.factdesk.json')
  const base = makeProject()
  const quotes = ['cost €41 million', '12% over budget', 'the best day for this town in a decade']
  await writeFile(path, encodeProject({ ...base, claims: quotes.map((q, i) => ({ ...claimOver(base, q), id: `c${i}` })) }))
  const store = new ProjectStore({ debounceMs: 20, recovery: new RecoveryStore(join(work, 'cfg-tabs')) })
  await store.open(path)
  const seen: Record<string, number> = { A: 0, B: 0 }
  /** The last acknowledged value of each field. */
  const acknowledged = new Map<string, string>()
  const row: Row = { case: 'two tabs, stale versions, random fields', checked: 0, lost: 0, unreadable: 0, note: '' }
  let conflicts = 0
  for (let i = 0; i < N.tabs; i++) {
    const client = random() < 0.5 ? 'A' : 'B'
    const claim = `c${Math.floor(random() * 3)}`
    const field = random() < 0.5 ? 'rationale' : 'notes'
    const value = `${client} ${i}`
    try {
      runInSession({ client, base: seen[client] ?? 0 }, () =>
        store.edit(path, { action: 'claim.edit', author: client, at: new Date().toISOString() }, (p) => ({
          project: { ...p, claims: p.claims.map((c) => (c.id === claim ? { ...c, [field]: value } : c)) },
          summary: value,
          claimId: claim,
        })),
      )
      acknowledged.set(`${claim}.${field}`, value)
    } catch (error) {
      if ((error as { code?: string }).code !== 'EDIT_CONFLICT') throw error
      conflicts++
    }
    // A tab catches up now and then, as the app's poll does.
    if (random() < 0.3) seen[client] = store.status(path).version
    row.checked++
  }
  await store.awaitSave(path)
  await store.closeAll()
  const { project } = await readProjectFile(path)
  for (const [key, value] of acknowledged) {
    const [id, field] = key.split('.') as [string, 'rationale' | 'notes']
    if (project.claims.find((c) => c.id === id)?.[field] !== value) row.lost++
  }
  row.note = `${conflicts} same-field edits refused as conflicts, none applied over the other`
  rows.push(row)
}

/** Decompression bombs and a 20,000-page PDF through the API: refused, and the server keeps answering. */
async function bombs(): Promise<void> {
  const services = createServices({
    edition: 'browser',
    version: '0',
    resourcesDir: join(ROOT, 'resources'),
    configDir: join(work, 'cfg-bombs'),
    env: { FACTDESK_HOME: join(work, 'bomb-home') },
  })
  const dispatch = createDispatcher(services.handlers)
  const row: Row = { case: 'import bombs', checked: 0, lost: 0, unreadable: 0, note: '' }
  const notes: string[] = []
  for (const [name, bytes] of [
    ['bomb.docx', docxBomb(450)],
    ['bomb.pdf', pdfStreamBomb(1500)],
    ['pages.pdf', manyPagesPdf(20_000)],
  ] as const) {
    const started = performance.now()
    let slowest = 0
    const probe = setInterval(() => {
      const asked = performance.now()
      void dispatch('app:info', {}).then(() => (slowest = Math.max(slowest, performance.now() - asked)))
    }, 50)
    const result = await dispatch('project:importFile', { fileName: name, dataBase64: Buffer.from(bytes).toString('base64') })
    clearInterval(probe)
    const seconds = (performance.now() - started) / 1000
    if (result.ok || seconds > 10 || slowest > 100) row.lost++
    notes.push(`${name} ${result.ok ? 'ACCEPTED' : 'refused'} in ${seconds.toFixed(1)} s, server answered within ${slowest.toFixed(0)} ms`)
    row.checked++
  }
  row.note = notes.join('; ')
  rows.push(row)
}

try {
  await kills('small', makeProject(), N.smallKills, 25)
  await kills('12 MB', bigProject(), N.bigKills, 1500)
  await twoWriters()
  await fullDisk()
  await readOnly()
  await twoTabs()
  await bombs()
} finally {
  await chmod(join(work, 'locked-folder'), 0o755).catch(() => undefined)
  await rm(work, { recursive: true, force: true })
}

const header = ['case', 'checked', 'lost', 'unreadable', 'note']
const table = [header, ...rows.map((r) => [r.case, String(r.checked), String(r.lost), String(r.unreadable), r.note])]
// The note column is last and left unpadded.
const widths = header.map((_, i) => (i === header.length - 1 ? 0 : Math.max(...table.map((r) => r[i]?.length ?? 0))))
for (const [i, r] of table.entries()) {
  process.stdout.write(`${r.map((cell, j) => cell.padEnd(widths[j] ?? 0)).join('  ')}\n`)
  if (i === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`)
}
const lost = rows.reduce((n, r) => n + r.lost, 0)
const unreadable = rows.reduce((n, r) => n + r.unreadable, 0)
process.stdout.write(`\n${lost} acknowledged edits lost (or checks failed), ${unreadable} unreadable projects or backups.\n`)
process.exit(lost + unreadable > 0 ? 1 : 0)

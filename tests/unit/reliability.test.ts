import { execFileSync } from 'node:child_process'
import { chmod, lstat, mkdir, readdir, readFile, rmdir, stat, symlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runInSession } from '@engine/call-session'
import { createDispatcher } from '@engine/dispatcher'
import { lockPathFor } from '@engine/fs/lock'
import { ProjectStore } from '@engine/project-store'
import { RecoveryStore } from '@engine/recovery'
import type { Services } from '@engine/services'
import { encodeProject, MAX_PROJECT_BYTES } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { runCli, startServe } from '../helpers/cli'
import { claimOver, makeProject, tempDir, testEngine } from '../helpers/projects'
import { translator } from '../helpers/translator'

const readJson = async (path: string): Promise<Project> => JSON.parse(await readFile(path, 'utf8')) as Project
const meta = (action: string) => ({ action, author: 'tester', at: new Date().toISOString() })
const verdictOf = (project: Project | undefined) => project?.claims[0]?.verdict

let dir: string
let cleanup: () => Promise<void>
let path: string
const stores: ProjectStore[] = []

function newStore(name = 'store', debounceMs = 5): ProjectStore {
  const store = new ProjectStore({
    debounceMs,
    recovery: new RecoveryStore(join(dir, `config-${name}`)),
    holder: () => ({
      name: `Checker ${name}`,
      user: name,
      host: hostname(),
      pid: process.pid,
      edition: 'desktop',
      since: new Date().toISOString(),
    }),
  })
  stores.push(store)
  return store
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('factdesk-reliability-'))
  path = join(dir, 'bridge.factdesk.json')
  const project = makeProject()
  await writeFile(path, encodeProject({ ...project, claims: [claimOver(project, 'cost €41 million')] }))
})
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.closeAll().catch(() => undefined)))
  await chmod(dir, 0o755).catch(() => undefined)
  await cleanup()
})

/** A folder where the backup goes: every save fails (the disk-full case without a full disk), until it is removed. */
const blockSaves = () => mkdir(`${path}.bak`)
const unblockSaves = () => rmdir(`${path}.bak`)

describe('unsaved edits are never dropped', () => {
  it('closing a project whose save fails keeps its edits in a recovery file it names, and the next open offers them back', async () => {
    const store = newStore()
    await store.open(path)
    await blockSaves()
    const claimId = store.peek(path)!.claims[0]!.id
    store.edit(path, meta('claim.verdict'), (p) => ({
      project: { ...p, claims: p.claims.map((c) => ({ ...c, verdict: 'false' })) },
      summary: 'Verdict',
      claimId,
    }))
    expect((await store.awaitSave(path)).state).toBe('error')

    const closed = await store.close(path)
    expect(closed.state).toBe('error')
    expect(closed.recoveryFile).toMatch(/bridge-[0-9a-f]{16}\.recovery\.json$/)
    expect(closed.message).toContain(closed.recoveryFile)
    expect(verdictOf(await readJson(path))).toBeNull()

    await unblockSaves()
    const reopened = await store.open(path)
    expect(reopened.recovery).toMatchObject({ edits: 1, asCopy: false })
    const restored = await store.restoreRecovery(path, { author: 'tester', at: new Date().toISOString() })
    expect(verdictOf(restored.project)).toBe('false')
    expect(restored.project.history.at(-1)?.summary).toMatch(/^Restored 1 unsaved edits from \d\d:\d\d UTC\.$/)
    expect((await store.awaitSave(path)).state).toBe('saved')
    expect(verdictOf(await readJson(path))).toBe('false')
    expect((await store.close(path)).recoveryFile).toBeNull()
    expect((await store.open(path)).recovery).toBeNull()
  })

  it('brings kept edits back as a copy when the project changed on disk since, never over it', async () => {
    const store = newStore()
    await store.open(path)
    await blockSaves()
    store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'Mine' } }))
    await store.awaitSave(path)
    await store.close(path)
    await unblockSaves()
    const theirs = await readJson(path)
    await writeFile(path, encodeProject({ ...theirs, article: { ...theirs.article, outlet: 'Theirs' } }))

    const reopened = await store.open(path)
    expect(reopened.recovery?.asCopy).toBe(true)
    const copy = await store.restoreRecovery(path, { author: 'tester', at: new Date().toISOString() })
    expect(copy.path).toBe(join(dir, 'bridge-recovered.factdesk.json'))
    expect(copy.project.article.outlet).toBe('Mine')
    expect((await readJson(path)).article.outlet).toBe('Theirs')
  })

  it('Ctrl+C in the browser edition names the recovery file and exits 1 when an edit could not be saved', async () => {
    const home = join(dir, 'projects')
    await mkdir(home)
    const { child, stderr, api } = await startServe(home, { HOME: dir, FACTDESK_CONFIG_DIR: join(dir, 'cfg') })
    const { value: created } = (await api('project:create', {
      title: 'Quit',
      text: 'The council spent €3.1 million on the bridge in 2025, the auditor said.',
    })) as { value: { path: string; project: Project } }
    await mkdir(`${created.path}.bak`)
    await api('claim:setVerdict', { path: created.path, id: created.project.claims[0]!.id, verdict: 'true' })
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGINT')
    expect(await exit).toBe(1)
    expect(stderr()).not.toContain('Every change is saved')
    expect(stderr()).toMatch(/Your unsaved edit is kept in ".*\.recovery\.json"/)
    expect(stderr()).toContain('Factdesk stopped, but 1 project was not saved.')
    const kept = await readdir(join(dir, 'cfg', 'recovery'))
    expect(kept).toHaveLength(1)
  })
})

describe('files as they are', () => {
  it('opens a read-only project read-only: no write, no .bak, its mode kept; a copy can be saved', async () => {
    await chmod(path, 0o444)
    const before = await readFile(path)
    const store = newStore()
    const opened = await store.open(path)
    expect(opened.readOnly).toMatchObject({ reason: 'file-read-only' })
    expect(() => store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'x' } }))).toThrow(
      expect.objectContaining({ code: 'READ_ONLY' }),
    )
    await store.close(path)
    expect((await readFile(path)).equals(before)).toBe(true)
    expect((await stat(path)).mode & 0o777).toBe(0o444)
    expect(await readdir(dir)).toEqual(['bridge.factdesk.json'])
  })

  it('writes a symlinked project through to its target, and the link stays a link', async () => {
    const real = join(dir, 'real')
    await mkdir(real)
    const target = join(real, 'bridge.factdesk.json')
    await writeFile(target, await readFile(path))
    const link = join(dir, 'linked.factdesk.json')
    await symlink(target, link)
    const store = newStore()
    await store.open(link)
    store.mutate(link, (p) => ({ ...p, article: { ...p.article, outlet: 'Through the link' } }))
    expect((await store.awaitSave(link)).state).toBe('saved')
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect((await readJson(target)).article.outlet).toBe('Through the link')
  })

  it('refuses a FIFO at once instead of hanging, and never quotes a file it cannot read', async () => {
    const fifo = join(dir, 'pipe.factdesk.json')
    execFileSync('mkfifo', [fifo])
    const store = newStore()
    const started = Date.now()
    await expect(store.open(fifo)).rejects.toMatchObject({
      code: 'INVALID_PROJECT',
      message: expect.stringContaining('not a regular file') as string,
    })
    expect(Date.now() - started).toBeLessThan(2000)

    const secret = join(dir, 'passwd')
    await writeFile(secret, 'root:x:0:0:root:/root:/bin/bash\n')
    await symlink(secret, join(dir, 'passwd.factdesk.json'))
    const error = (await store.open(join(dir, 'passwd.factdesk.json')).then(
      () => null,
      (e: unknown) => e,
    )) as Error
    expect(error.message).toMatch(/is not valid JSON/)
    expect(error.message).not.toContain('root:x')
  })

  it('refuses an edit that would make the file larger than a project may be, and warns near the limit', async () => {
    const project = await readJson(path)
    const padding = 'x'.repeat(200_000)
    // 115 claims with a 200,000-character rationale and notes each: about 46 MB, past 80% of the limit.
    const claims = Array.from({ length: 115 }, (_, i) => ({ ...project.claims[0]!, id: `c${i}`, rationale: padding, notes: padding }))
    await writeFile(path, encodeProject({ ...project, claims }))
    const store = newStore()
    const opened = await store.open(path)
    expect((await stat(path)).size).toBeGreaterThan(MAX_PROJECT_BYTES * 0.8)
    expect(opened.save.warning).toMatch(/of the 50 MB a project file may be/)
    const grow = () => store.mutate(path, (p) => ({ ...p, claims: p.claims.map((c) => ({ ...c, notes: 'n'.repeat(300_000) })) }))
    expect(grow).toThrow(expect.objectContaining({ code: 'TOO_LARGE', message: expect.stringContaining('Split the article') as string }))
    expect((await stat(path)).size).toBeLessThan(MAX_PROJECT_BYTES)
  }, 30_000)
})

describe('limits that agree', () => {
  it('refuses an article longer than a project holds instead of writing a project it could not read back', async () => {
    const text = 'The council spent €3.1 million on the bridge in 2025. '.repeat(40_000)
    const article = join(dir, 'book.txt')
    await writeFile(article, text)
    const result = await runCli(['new', article, '-o', join(dir, 'out')], { env: { FACTDESK_CONFIG_DIR: join(dir, 'cfg') } })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/more than the 2,000,000 a project holds\. Split it into several articles\./)
    expect(await readdir(dir)).not.toContain('out')
  })

  it('does not rename a project whose edits could not be saved; the edits stay', async () => {
    const { services, close } = await testEngine({ home: dir, proposeClaims: false })
    await services.handlers['project:open']({ path })
    await blockSaves()
    services.store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'Unsaved' } }))
    await expect(services.handlers['project:rename']({ path, title: 'Renamed' })).rejects.toMatchObject({
      message: expect.stringContaining('Nothing was renamed or moved') as string,
    })
    expect(services.store.peek(path)?.article.outlet).toBe('Unsaved')
    await unblockSaves()
    expect((await services.store.flush(path)).state).toBe('saved')
    await close()
  })
})

describe('one writer per project', () => {
  it('opens a project another checker holds read-only, naming them; taking over makes the first read-only and keeps their edits', async () => {
    // The first checker's save waits long enough that the take-over lands before it.
    const first = newStore('first', 1000)
    const second = newStore('second')
    await first.open(path)
    const held = await second.open(path)
    expect(held.readOnly).toMatchObject({ reason: 'locked' })
    expect(held.readOnly?.message).toMatch(/^Checker first \(first on .+, the desktop app, since \d\d:\d\d UTC\) has this project open/)

    // The first checker's edit waits for its save when the second takes over.
    first.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'First' } }))
    const taken = await second.open(path, { takeOver: true })
    expect(taken.readOnly).toBeNull()
    const status = await first.awaitSave(path)
    expect(status.state).toBe('error')
    expect(status.message).toMatch(/Checker second .* took this project over.*Your 1 unsaved edits are kept in ".*\.recovery\.json"/)
    expect((await readJson(path)).article.outlet).toBe('The Test Gazette')

    second.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'Second' } }))
    expect((await second.awaitSave(path)).state).toBe('saved')
    expect((await readJson(path)).article.outlet).toBe('Second')
  })

  it('takes over a lock left by a process that is gone, at once', async () => {
    await writeFile(
      lockPathFor(path),
      JSON.stringify({ token: 't', name: 'Crashed', user: 'x', host: hostname(), pid: 2 ** 22 + 17, edition: 'desktop', since: '' }),
    )
    const opened = await newStore().open(path)
    expect(opened.readOnly).toBeNull()
  })

  it('refuses to rename or trash a project someone else has open', async () => {
    const { services, close } = await testEngine({ home: dir, proposeClaims: false })
    await newStore('other').open(path)
    await expect(services.handlers['project:rename']({ path, title: 'New name' })).rejects.toMatchObject({ code: 'READ_ONLY' })
    await expect(services.handlers['project:delete']({ path })).rejects.toMatchObject({ code: 'READ_ONLY' })
    expect((await readdir(dir)).sort()).toEqual(['bridge.factdesk.json', 'bridge.factdesk.json.lock'])
    await close()
  })
})

describe('two windows on one project', () => {
  const setRationale = (store: ProjectStore, text: string) =>
    store.edit(path, meta('claim.edit'), (p) => ({
      project: { ...p, claims: p.claims.map((c) => ({ ...c, rationale: text })) },
      summary: `Rationale ${text}`,
      claimId: p.claims[0]!.id,
    }))
  const setVerdict = (store: ProjectStore, verdict: string) =>
    store.edit(path, meta('claim.verdict'), (p) => ({
      project: { ...p, claims: p.claims.map((c) => ({ ...c, verdict })) },
      summary: `Verdict ${verdict}`,
      claimId: p.claims[0]!.id,
    }))

  it('merges edits of different fields, refuses the same field with both texts, and undoes per window', async () => {
    const store = newStore()
    const { version } = await store.open(path)
    runInSession({ client: 'A', base: version }, () => setRationale(store, 'The budget shows €41m.'))
    // B still shows the first version: a different field merges…
    runInSession({ client: 'B', base: version }, () => setVerdict(store, 'true'))
    expect(store.peek(path)?.claims[0]).toMatchObject({ rationale: 'The budget shows €41m.', verdict: 'true' })
    // …the same field is refused, with both texts, and nothing changes.
    const refused = (() => {
      try {
        runInSession({ client: 'B', base: version }, () => setRationale(store, 'Audit says €44m.'))
      } catch (error) {
        return error as { code: string; conflicts: { theirs: string; yours: string; what: string }[] }
      }
      return null
    })()
    expect(refused?.code).toBe('EDIT_CONFLICT')
    expect(refused?.conflicts).toEqual([
      expect.objectContaining({
        theirs: 'The budget shows €41m.',
        yours: 'Audit says €44m.',
        what: expect.stringContaining('rationale') as string,
      }),
    ])
    expect(store.peek(path)?.claims[0]?.rationale).toBe('The budget shows €41m.')

    // Undo in B undoes B's verdict only; A's rationale stays.
    runInSession({ client: 'B', base: null }, () => store.undo(path, { author: 'tester', at: new Date().toISOString() }))
    expect(store.peek(path)?.claims[0]).toMatchObject({ rationale: 'The budget shows €41m.', verdict: null })
    // A's undo would take back a field B has since changed? B changes the rationale, then A's undo is refused.
    runInSession({ client: 'B', base: null }, () => setRationale(store, 'Audit says €44m.'))
    expect(() =>
      runInSession({ client: 'A', base: null }, () => store.undo(path, { author: 'tester', at: new Date().toISOString() })),
    ).toThrow(
      expect.objectContaining({ code: 'EDIT_CONFLICT', message: expect.stringContaining('was changed in another window since') as string }),
    )
    expect((await store.awaitSave(path)).state).toBe('saved')
    expect((await readJson(path)).claims[0]?.rationale).toBe('Audit says €44m.')
  })

  it('records no history for an edit that changed nothing', async () => {
    const store = newStore()
    await store.open(path)
    const length = store.peek(path)!.history.length
    setVerdict(store, 'true')
    setVerdict(store, 'true')
    expect(store.peek(path)!.history.length).toBe(length + 1)
  })
})

describe('confinement of the API', () => {
  let services: Services
  let home: string
  let close: () => Promise<void>
  beforeEach(async () => {
    ;({ services, home, close } = await testEngine({ edition: 'browser', proposeClaims: false }))
  })
  afterEach(async () => close())

  it('opens projects only inside the projects folder or chosen by the checker', async () => {
    await expect(services.handlers['project:open']({ path })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('outside the projects folder') as string,
    })
    await symlink(dir, join(home, 'escape'))
    await expect(services.handlers['project:open']({ path: join(home, 'escape', 'bridge.factdesk.json') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    services.grant(path)
    expect((await services.handlers['project:open']({ path })).project.article.title).toBe('Bridge over budget')
  })

  it('takes as projects folder only an existing, writable folder of the checker’s, never a system one', async () => {
    await expect(services.handlers['settings:set']({ projectsDir: '/etc' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Projects folder: "\/etc" is a system folder/) as string,
    })
    await expect(services.handlers['settings:set']({ projectsDir: join(dir, 'missing') })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const dispatch = createDispatcher(services.handlers)
    expect(await dispatch('settings:set', { recent: ['/etc/shadow.factdesk.json'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect((await services.settings.get()).projectsDir).toBe('')
  })

  it('never exports over a project, its backup, lock or recovery file, in any letter case', async () => {
    const { exportProject } = await import('@engine/export')
    const options = {
      claims: 'all' as const,
      includeArticle: true,
      organisation: { name: '', url: '' },
      generatedAt: new Date().toISOString(),
      translator: translator('en'),
    }
    for (const name of ['P.FACTDESK.JSON', 'bridge.factdesk.json.bak', 'Bridge.Factdesk.Json.LOCK', 'x.recovery.json']) {
      await expect(exportProject(path, 'html', options, join(dir, name))).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    }
    expect(await readdir(dir)).not.toContain('P.FACTDESK.JSON')
  })
})

it('saves through a crash of the backup step on a full disk: the previous .bak survives whole', async () => {
  // RLIMIT_FSIZE makes any write past 1 MB fail with EFBIG in the child, as a full disk would.
  const store = newStore()
  await store.open(path)
  store.mutate(path, (p) => ({ ...p, article: { ...p.article, outlet: 'First save' } }))
  await store.awaitSave(path)
  await store.close(path)
  const bak = await readFile(`${path}.bak`)
  const big = await readJson(path)
  await writeFile(path, encodeProject({ ...big, claims: big.claims.map((c) => ({ ...c, notes: 'n'.repeat(1_500_000) })) }))
  const script = `import { ProjectStore } from '@engine/project-store'
const store = new ProjectStore({ debounceMs: 0 })
await store.open(${JSON.stringify(path)})
store.mutate(${JSON.stringify(path)}, (p) => ({ ...p, article: { ...p.article, outlet: 'Second save' } }))
const status = await store.flush(${JSON.stringify(path)})
process.stdout.write(status.state + ' ' + (status.message ?? ''))
process.exit(0)`
  const out = execFileSync(
    'bash',
    ['-c', `ulimit -f 1024; exec "${process.execPath}" --import tsx --input-type=module --eval "$0"`, script],
    {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    },
  )
  expect(out).toMatch(/^error /)
  expect((await readFile(`${path}.bak`)).equals(bak)).toBe(true)
  expect((await readJson(path)).article.outlet).toBe('First save')
  expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
})

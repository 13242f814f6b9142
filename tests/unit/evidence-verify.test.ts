import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Edited, OpenedProject } from '@contract/api'
import { CHAIN_START_ACTION, checkChain, sealHistory } from '@domain/evidence/chain'
import { encodeProject } from '@domain/project/codec'
import { mergeProjectTexts } from '@domain/project/merge-files'
import { historyEntry, type Project } from '@domain/project/schema'
import type { CaseManifest } from '@engine/evidence/case-file'
import { sha256, verifyProjectFile } from '@engine/evidence/verify'
import { runCli } from '../helpers/cli'
import { ARTICLE_TEXT, makeProject, tempDir, testEngine } from '../helpers/projects'

type Tamper = (project: Project) => void

/** The six ways the issue names of editing a project outside Factdesk, each on the file's JSON. */
const TAMPERINGS: [string, Tamper | 'swap-attachment', RegExp][] = [
  [
    'a verdict changed',
    (p) => void (p.claims[0]!.verdict = 'false'),
    /Project matches its history: The project was changed outside Factdesk/,
  ],
  [
    'a rationale changed',
    (p) => void (p.claims[0]!.rationale = 'Checked and confirmed.'),
    /Project matches its history: The project was changed/,
  ],
  [
    'a source removed',
    (p) => {
      p.sources = []
      p.claims[0]!.sourceIds = []
    },
    /Project matches its history: The project was changed/,
  ],
  ['a history entry changed', (p) => void (p.history[1]!.author = 'someone else'), /entry 2 .* was changed after it was written/],
  ['a history entry removed', (p) => void p.history.splice(2, 1), /follows an entry that is no longer in the history/],
  [
    'an attachment swapped',
    'swap-attachment',
    /Attached files: 1 of 1 attached files changed or missing[\s\S]*expected SHA-256 [0-9a-f]{64}, found [0-9a-f]{64}/,
  ],
]

describe('factdesk verify: a project edited outside Factdesk is caught, an untouched one passes', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let original: string
  let project: Project

  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('factdesk-verify-'))
    const { dispatch, close } = await testEngine({ home: join(dir, 'home'), proposeClaims: false })
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await dispatch(channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value as T
    }
    const opened = await call<OpenedProject>('project:create', { title: 'Bridge', text: ARTICLE_TEXT, language: 'en' })
    const path = opened.path
    const start = ARTICLE_TEXT.indexOf('City officials')
    const claim = (await call<Edited>('claim:create', { path, start, end: ARTICLE_TEXT.indexOf('budget.') + 7 })).project.claims[0]!
    await call('claim:setVerdict', { path, id: claim.id, verdict: 'true' })
    await call('claim:update', { path, id: claim.id, fields: { rationale: 'The council minutes give €41 million.' } })
    const fields = {
      url: 'https://council.example/minutes',
      title: 'Minutes',
      publisher: 'Council',
      date: '',
      excerpt: '',
      archiveUrl: '',
      reliability: '',
    }
    const source = (await call<Edited>('source:add', { path, claimId: claim.id, fields })).project.sources[0]!
    await call('source:attachFile', {
      path,
      sourceId: source.id,
      fileName: 'minutes.txt',
      dataBase64: Buffer.from('Minutes: €41 million.').toString('base64'),
    })
    await close()
    original = path
    project = JSON.parse(await readFile(path, 'utf8')) as Project
    expect(start).toBe(0)
  })
  afterAll(async () => cleanup())

  /** A copy of the project (and its attachments folder) under a new name, tampered with. */
  async function tampered(name: string, tamper: Tamper | 'swap-attachment'): Promise<string> {
    const folder = join(dir, name.replace(/\W+/g, '-'))
    await mkdir(join(folder, 'bridge.files'), { recursive: true })
    const path = join(folder, 'bridge.factdesk.json')
    const copy = structuredClone(project)
    const attachment = join(folder, copy.sources[0]!.attachment)
    await copyFile(join(original, '..', copy.sources[0]!.attachment), attachment)
    if (tamper === 'swap-attachment') await writeFile(attachment, 'Minutes: €14 million.')
    else tamper(copy)
    await writeFile(path, `${JSON.stringify(copy, null, 2)}\n`)
    return path
  }

  it('records the import: the text hash at creation, and the attachment with its hash and size', () => {
    expect(project.evidence.origin.textSha256).toBe(sha256(project.article.text))
    const [source] = project.sources
    expect(source?.attachmentSha256).toBe(sha256('Minutes: €41 million.'))
    expect(source?.attachmentBytes).toBe(Buffer.byteLength('Minutes: €41 million.'))
    // Every entry from the first one on is sealed into one chain.
    expect(project.history.every((e) => e.hash && e.state && e.prev)).toBe(true)
    expect(project.history[0]?.prev).toEqual([])
  })

  it('passes the untouched project, naming each check intact', async () => {
    const untouched = await tampered('untouched', () => undefined)
    const report = await verifyProjectFile(untouched)
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['history-chain', 'intact'],
      ['project-state', 'intact'],
      ['attachments', 'intact'],
    ])
    const cli = await runCli(['verify', untouched])
    expect(cli.code).toBe(0)
    expect(cli.stdout).toMatch(/^INTACT: /)
    expect(cli.stdout).toContain(`head ${project.history.at(-1)?.hash ?? 'missing'}`)
  })

  for (const [what, tamper, finding] of TAMPERINGS) {
    it(`catches ${what}: exit 1 and the finding said plainly`, async () => {
      const path = await tampered(what, tamper)
      const report = await verifyProjectFile(path)
      expect(report.intact).toBe(false)
      const cli = await runCli(['verify', path])
      expect(cli.code).toBe(1)
      expect(cli.stdout).toMatch(/^NOT INTACT: /)
      expect(cli.stdout).toMatch(finding)
    })
  }

  /** The project as a schema 3 file was: no evidence record, no sealed entry, no attachment size. */
  function legacyOf(p: Project): Record<string, unknown> {
    const { evidence: _e, ...rest } = structuredClone(p)
    return {
      ...rest,
      schemaVersion: 3,
      history: rest.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry),
      sources: rest.sources.map(({ attachmentBytes: _b, ...source }) => source),
    }
  }

  /** Any JSON written as the project file of its own folder, beside an intact copy of the attachment. */
  async function written(name: string, data: unknown): Promise<string> {
    const path = await tampered(name, () => undefined)
    await writeFile(path, `${JSON.stringify(data, null, 2)}\n`)
    return path
  }

  it('reports a genuine schema 3 file as not recorded, exit 2, saying how to start its chain', async () => {
    const path = await written('legacy', legacyOf(project))
    const report = await verifyProjectFile(path)
    expect(report.outcome).toBe('not-recorded')
    const cli = await runCli(['verify', path])
    expect(cli.code).toBe(2)
    expect(cli.stdout).toMatch(/^NOT RECORDED: /)
    expect(cli.stdout).toMatch(/nothing vouches for this file yet .*; open and save it once in Factdesk to start its history chain/)
    // The three outcomes are documented where a checker looks first.
    expect((await runCli(['verify', '--help'])).stdout).toMatch(
      /Exit status:\n\s+0 +every file is intact\n\s+1 +a file is not intact[\s\S]*\n\s+2 +nothing is broken, but a file is not recorded/,
    )
    // With a broken file beside it, the break decides the exit status.
    const broken = await tampered('beside legacy', (p) => void (p.claims[0]!.verdict = 'false'))
    expect((await runCli(['verify', path, broken])).code).toBe(1)
  })

  it('does not pass a schema 4 file whose chain fields were deleted: exit 1, the chain was removed', async () => {
    const path = await tampered('stripped', (p) => {
      p.history = p.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry)
    })
    const cli = await runCli(['verify', path])
    expect(cli.code).toBe(1)
    expect(cli.stdout).toMatch(/^NOT INTACT: /)
    expect(cli.stdout).toMatch(
      /FAIL History chain: No history entry carries a hash, but Factdesk never writes a schema 4 file without its history chain/,
    )
  })

  it('does not pass a file whose schema number was lowered to look legacy: the later fields are named', async () => {
    // Chain fields deleted too, and the number lowered; only the evidence record and an attachment size give it away.
    const history = project.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry)
    const stripped = { ...structuredClone(project), schemaVersion: 3, history }
    const path = await written('lowered', stripped)
    const cli = await runCli(['verify', path])
    expect(cli.code).toBe(1)
    expect(cli.stdout).toMatch(
      /The file says it is schema 3, yet it carries fields only schema 4 and later write \(evidence, sources\[0\]\.attachmentBytes\)/,
    )
    // Only the number lowered, the chain left in: still a break, never "not recorded".
    const path2 = await written('lowered-sealed', { ...structuredClone(project), schemaVersion: 3 })
    const report = await verifyProjectFile(path2)
    expect(report.outcome).toBe('broken')
    expect(report.checks[0]?.details.join(' ')).toMatch(/history\[0\]\.prev/)
  })

  it('catches a chain truncated at the end while the project kept its last state', async () => {
    const path = await tampered('truncated', (p) => void p.history.pop())
    const cli = await runCli(['verify', path])
    expect(cli.code).toBe(1)
    expect(cli.stdout).toMatch(/FAIL Project matches its history: The project was changed outside Factdesk after its last history entry/)
  })

  it('passes an earlier save put back in place of the file (the known limit), which the case file’s manifest head catches', async () => {
    // The .bak is a save made before the last edits: a chain truncated at the end together with the state it recorded.
    const earlier = JSON.parse(await readFile(`${original}.bak`, 'utf8')) as Project
    expect(earlier.history.length).toBeLessThan(project.history.length)
    const path = await written('rolled back', earlier)
    expect((await verifyProjectFile(path)).outcome).toBe('intact')

    const zipPath = join(dir, 'rollback.case.zip')
    const made = await runCli(['case', original, '-o', zipPath], { env: { FACTDESK_CONFIG_DIR: join(dir, 'cfg') } })
    expect(made.code).toBe(0)
    const zip = await JSZip.loadAsync(await readFile(zipPath))
    const manifest = JSON.parse((await zip.file('MANIFEST.json')?.async('string')) ?? '{}') as CaseManifest
    const earlierText = `${JSON.stringify(earlier, null, 2)}\n`
    zip.file(manifest.project.file, earlierText)
    const files = manifest.files.map((f) =>
      f.path === manifest.project.file ? { ...f, sha256: sha256(earlierText), bytes: Buffer.byteLength(earlierText) } : f,
    )
    zip.file('MANIFEST.json', `${JSON.stringify({ ...manifest, files }, null, 2)}\n`)
    await writeFile(zipPath, await zip.generateAsync({ type: 'uint8array' }))
    const cli = await runCli(['verify', zipPath])
    expect(cli.code).toBe(1)
    expect(cli.stdout).toMatch(/FAIL History head in the manifest/)
  })

  it('starts the chain of a schema 3 file when Factdesk opens and saves it once, the earlier entries named as not covered', async () => {
    const path = await written('upgraded', legacyOf(project))
    const { services, close } = await testEngine({ proposeClaims: false })
    await services.store.open(path)
    await close()
    const saved = JSON.parse(await readFile(path, 'utf8')) as Project
    expect(saved.schemaVersion).toBe(4)
    expect(saved.history.at(-1)).toMatchObject({ action: CHAIN_START_ACTION, author: 'factdesk', prev: [] })
    const report = await verifyProjectFile(path)
    expect(report.outcome).toBe('intact')
    expect(report.checks[0]?.summary).toBe(
      `The 1 sealed entry is intact and in one chain from entry ${project.history.length + 1} on; the ${project.history.length} entries before it were written before Factdesk kept a chain and are not covered.`,
    )
  })

  it('a copy Factdesk makes starts the chain of a legacy file, but keeps a stripped file’s break showing', async () => {
    const { dispatch, close } = await testEngine({ home: dir, proposeClaims: false })
    const duplicate = async (path: string): Promise<string> => {
      const result = await dispatch('project:duplicate', { path })
      if (!result.ok) throw new Error(result.error.message)
      return (result.value as { path: string }).path
    }
    const legacy = await duplicate(await written('legacy to copy', legacyOf(project)))
    // The history's checks (a duplicate does not copy attached files, which is the library's own matter).
    const chainOf = async (path: string) => (await verifyProjectFile(path)).checks.slice(0, 2).map((c) => c.status)
    expect(await chainOf(legacy)).toEqual(['intact', 'intact'])
    const stripped = await tampered('stripped to copy', (p) => {
      p.history = p.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry)
    })
    const copy = await duplicate(stripped)
    const copied = JSON.parse(await readFile(copy, 'utf8')) as Project
    expect(copied.history.map((e) => e.action)).not.toContain(CHAIN_START_ACTION)
    expect(await chainOf(copy)).toEqual(['broken', 'broken'])
    await close()
  })

  it('keeps a teammate’s merge intact: the merge entry names both copies’ last entries', () => {
    const base = sealHistory(makeProject(), sha256, 0)
    const edited = (author: string, at: string, change: (p: Project) => Project): Project =>
      sealHistory(
        {
          ...change(base),
          updatedAt: at,
          history: [...base.history, historyEntry({ at, author, action: 'project.edit', claimId: null, summary: `${author}'s edit` })],
        },
        sha256,
        base.history.length,
      )
    const ours = edited('ana', '2026-11-21T10:00:00.000Z', (p) => ({ ...p, article: { ...p.article, title: 'Bridge: the cost' } }))
    const theirs = edited('bo', '2026-11-21T11:00:00.000Z', (p) => ({
      ...p,
      publication: { ...p.publication, reviewUrl: 'https://desk.example/bridge' },
    }))
    const options = { now: '2026-11-22T09:00:00.000Z', author: 'ana', theirsName: 'the team’s copy' }
    const merged = JSON.parse(
      mergeProjectTexts(encodeProject(base), encodeProject(ours), encodeProject(theirs), { ...options, sha256 }).text,
    ) as Project
    expect(checkChain(merged, sha256).checks.map((c) => c.status)).toEqual(['intact', 'intact'])
    expect(merged.history.at(-1)?.prev).toEqual([ours.history.at(-1)?.hash, theirs.history.at(-1)?.hash].sort())
    // A merge written without sealing leaves two heads and a state no entry vouches for: that is reported, not passed.
    const unsealed = JSON.parse(mergeProjectTexts(encodeProject(base), encodeProject(ours), encodeProject(theirs), options).text) as Project
    expect(checkChain(unsealed, sha256).checks.map((c) => c.status)).toContain('broken')
  })

  it('writes a case file that round-trips, detects a changed byte, and checks its signature against the key given', async () => {
    const keys = join(dir, 'keys')
    expect((await runCli(['keygen', '--out', keys])).code).toBe(0)
    const zipPath = join(dir, 'bridge.case.zip')
    const made = await runCli(['case', original, '-o', zipPath, '--sign-key', join(keys, 'factdesk-signing.key')], {
      env: { FACTDESK_CONFIG_DIR: join(dir, 'cfg'), FACTDESK_CHROMIUM: process.env.FACTDESK_CHROMIUM ?? '' },
    })
    expect(made.stderr).not.toMatch(/Error/)
    expect(made.code).toBe(0)
    const zip = await JSZip.loadAsync(await readFile(zipPath))
    const manifest = JSON.parse((await zip.file('MANIFEST.json')?.async('string')) ?? '{}') as CaseManifest
    expect(manifest.historyHead).toBe(project.history.at(-1)?.hash)
    const listed = manifest.files.map((f) => f.path)
    expect(listed).toEqual(expect.arrayContaining(['project/bridge.factdesk.json', `project/${project.sources[0]!.attachment}`]))
    expect(listed.some((p) => p.endsWith('.report.html'))).toBe(true)
    expect(listed.some((p) => p.endsWith('.report.json'))).toBe(true)
    expect(listed.some((p) => p.endsWith('.annotations.jsonld'))).toBe(true)
    for (const entry of manifest.files) expect(sha256((await zip.file(entry.path)?.async('uint8array'))!)).toBe(entry.sha256)

    const pub = join(keys, 'factdesk-signing.pub')
    const intact = await runCli(['verify', zipPath, '--public-key', pub])
    expect(intact.stdout).toMatch(/^INTACT: /)
    expect(intact.stdout).toMatch(/Signature: The manifest is signed by the key given/)
    expect(intact.code).toBe(0)

    // One byte of the attached file changed inside the zip, the manifest left as it was.
    const attachment = `project/${project.sources[0]!.attachment}`
    const bytes = (await zip.file(attachment)!.async('uint8array')).slice()
    bytes[0] = bytes[0]! ^ 1
    zip.file(attachment, bytes)
    const changedPath = join(dir, 'bridge-changed.case.zip')
    await writeFile(changedPath, await zip.generateAsync({ type: 'uint8array' }))
    const changed = await runCli(['verify', changedPath, '--public-key', pub])
    expect(changed.code).toBe(1)
    expect(changed.stdout).toMatch(/FAIL Files in the case[\s\S]*"project\/bridge\.files\/minutes\.txt" was changed/)

    // The manifest rewritten to match the changed file: the hashes agree again, the signature no longer does.
    const forged = manifest.files.map((f) => (f.path === attachment ? { ...f, sha256: sha256(bytes) } : f))
    zip.file('MANIFEST.json', `${JSON.stringify({ ...manifest, files: forged }, null, 2)}\n`)
    await writeFile(changedPath, await zip.generateAsync({ type: 'uint8array' }))
    const resigned = await runCli(['verify', changedPath, '--public-key', pub])
    expect(resigned.code).toBe(1)
    expect(resigned.stdout).toMatch(/FAIL Signature: The signature does not match/)
  })
})

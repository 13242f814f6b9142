import { createHash } from 'node:crypto'
import { readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@domain/errors'
import { encodeProject, MAX_PROJECT_BYTES } from '@domain/project/codec'
import { SCHEMA_VERSION, type Claim, type Project } from '@domain/project/schema'
import { ProjectStore, readProjectFile } from '@engine/project-store'
import { claimOver, makeProject, tempDir } from '../helpers/projects'

const sha = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

describe('reading project files', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir()))
  afterEach(async () => cleanup())

  const valid = (): string => encodeProject(makeProject())

  const badFiles: [name: string, write: (path: string) => Promise<void>, code: string, message: RegExp][] = [
    ['empty', (p) => writeFile(p, ''), 'INVALID_PROJECT', /is empty \(0 bytes\)/],
    ['truncated', (p) => writeFile(p, valid().slice(0, 300)), 'INVALID_PROJECT', /looks truncated/],
    ['not JSON', (p) => writeFile(p, 'Claims to check:\n- the bridge cost'), 'INVALID_PROJECT', /is not valid JSON/],
    [
      'a byte-order mark',
      (p) => writeFile(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid())])),
      'INVALID_PROJECT',
      /byte-order mark/,
    ],
    [
      'invalid UTF-8',
      (p) =>
        writeFile(p, Buffer.concat([Buffer.from(valid().slice(0, 100)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(valid().slice(100))])),
      'INVALID_PROJECT',
      /is not valid UTF-8/,
    ],
    [
      'wrong types',
      (p) => writeFile(p, valid().replace('"claims": []', '"claims": [{"id": 7}]').replace('"title": "Bridge over budget"', '"title": 12')),
      'INVALID_PROJECT',
      /article\.title: .*expected string.*claims\[0\]\.id/,
    ],
    ['not a project', (p) => writeFile(p, '{"name": "package", "version": "1.0.0"}'), 'INVALID_PROJECT', /has no valid "schemaVersion"/],
    [
      'a newer schema',
      (p) => writeFile(p, valid().replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${SCHEMA_VERSION + 3}`)),
      'NEWER_SCHEMA',
      new RegExp(
        `saved by a newer Factdesk \\(schema ${SCHEMA_VERSION + 3}\\); this version reads up to ${SCHEMA_VERSION}\\. Update Factdesk to open it\\. Nothing was changed\\.`,
      ),
    ],
    [
      'over the size limit',
      (p) => writeFile(p, valid()).then(() => truncate(p, MAX_PROJECT_BYTES + 1)),
      'TOO_LARGE',
      /over the 50 MB limit/,
    ],
  ]

  for (const [name, write, code, message] of badFiles) {
    it(`refuses a file with ${name}, naming it, and leaves its bytes untouched`, async () => {
      const path = join(dir, 'bad.factdesk.json')
      await write(path)
      const before = await sha(path)
      const store = new ProjectStore({ debounceMs: 5 })
      const error = await store.open(path).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe(code)
      expect((error as AppError).message).toContain(path)
      expect((error as AppError).message).toMatch(message)
      expect(store.isOpen(path)).toBe(false)
      await new Promise((r) => setTimeout(r, 30))
      expect(await sha(path)).toBe(before)
    })
  }

  it('refuses a claim whose text does not match the article at its offsets', async () => {
    const project = makeProject()
    const claim = { ...claimOver(project, 'cost €41 million'), text: 'cost €14 million' }
    const path = join(dir, 'drift.factdesk.json')
    await writeFile(path, JSON.stringify({ ...project, claims: [claim] }, null, 2))
    await expect(readProjectFile(path)).rejects.toThrow(/claims\[0\]\.text: does not match the article text at offsets/)
  })

  it('writes keys in a stable order with two-space indentation, so re-saving is byte-identical', async () => {
    const project = makeProject()
    // The same data with keys in another order (as a hand edit or a merge tool might leave them).
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value
    const shuffled = reversed(project) as typeof project
    expect(Object.keys(shuffled)[0]).toBe('history')
    expect(encodeProject(shuffled)).toBe(encodeProject(project))
    const text = encodeProject(project)
    expect(text.split('\n')[1]).toBe(`  "schemaVersion": ${SCHEMA_VERSION},`)
    // What every save touches (updatedAt, the appended history) last, away from the claims; a final newline.
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'schemaVersion',
      'id',
      'createdAt',
      'article',
      'ratingScale',
      'publication',
      'team',
      'claims',
      'sources',
      'evidence',
      'conflicts',
      'updatedAt',
      'history',
    ])
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('re-saving an unchanged project through the store produces byte-identical output', async () => {
    const path = join(dir, 'same.factdesk.json')
    await writeFile(path, encodeProject(makeProject()))
    const before = await readFile(path)
    const store = new ProjectStore({ debounceMs: 5 })
    await store.open(path)
    store.mutate(path, (p) => p)
    expect((await store.awaitSave(path)).state).toBe('saved')
    expect((await readFile(path)).equals(before)).toBe(true)
    expect((await readFile(`${path}.bak`)).equals(before)).toBe(true)
  })
})

describe('migrations', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir()))
  afterEach(async () => cleanup())

  const draft = {
    version: 0,
    title: 'Ferry fares',
    text: 'Fares rose 9% in 2025, the operator said. Passengers are angry.',
    created: '2025-03-02T08:30:00Z',
    claims: [
      { id: 'c1', quote: 'Fares rose 9% in 2025', span: [0, 21], rating: 'Mostly True', note: 'Check the annual report.' },
      { id: 'c2', quote: 'Passengers are angry.', span: [42, 63], rating: 'Dubious' },
    ],
  }

  it('upgrades a draft (version 0) file on open and saves it in the current schema, keeping the old bytes in .bak', async () => {
    const path = join(dir, 'ferry.factdesk.json')
    const original = JSON.stringify(draft, null, 2)
    await writeFile(path, original)
    const store = new ProjectStore({ debounceMs: 5 })
    const opened = await store.open(path)
    expect(opened.migratedFrom).toBe(0)
    const [first, second] = opened.project.claims
    expect(first).toMatchObject({
      id: 'c1',
      text: 'Fares rose 9% in 2025',
      start: 0,
      end: 21,
      verdict: 'mostly-true',
      status: 'done',
      notes: 'Check the annual report.',
    })
    // A rating the scale does not know is kept in the notes, not dropped.
    expect(second).toMatchObject({ verdict: null, status: 'to-check', notes: 'Draft rating: Dubious' })
    // The migration's own entry, then the entry that starts the history chain as the file is written back.
    expect(opened.project.history.slice(-2).map((e) => [e.action, e.hash !== undefined])).toEqual([
      ['project.migrate', false],
      ['history.chain', true],
    ])

    expect((await store.awaitSave(path)).state).toBe('saved')
    const saved = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number }
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION)
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(original)
  })

  /** A claim as schema 2 wrote it: no assignee, reviewer, comments or approval. */
  function withoutTeamwork(claim: Claim): Omit<Claim, 'assignee' | 'reviewer' | 'comments' | 'approval'> {
    const { assignee: _a, reviewer: _r, comments: _c, approval: _p, ...v2 } = claim
    return v2
  }

  /** A project as schema 2 wrote it: no team settings or conflicts, history entries without ids. */
  function schemaTwo(project: Project): Record<string, unknown> {
    const { team: _t, conflicts: _c, ...rest } = project
    return { ...rest, schemaVersion: 2, claims: project.claims.map(withoutTeamwork), history: project.history.map(({ id: _i, ...e }) => e) }
  }

  /** A schema-1 file as Factdesk 0.1 wrote it: no claimant, claim date, appearances, accessed date or hash. */
  function schemaOneFile(): string {
    const current = makeProject()
    const claim = claimOver(current, 'the new bridge cost €41 million')
    const { claimant: _c, claimDate: _d, appearances: _a, claimReviewed: _r, ...v1Claim } = withoutTeamwork(claim)
    const v1 = {
      ...schemaTwo(current),
      schemaVersion: 1,
      article: { ...current.article, author: 'Sam Reyes' },
      claims: [{ ...v1Claim, sourceIds: ['s1'] }],
      sources: [
        {
          id: 's1',
          url: 'https://city.example/budget',
          title: 'Budget',
          publisher: '',
          date: '',
          excerpt: '',
          archiveUrl: '',
          attachment: 'bridge.files/budget.pdf',
          reliability: 'Official.',
          createdAt: current.createdAt,
          updatedAt: current.createdAt,
        },
      ],
    }
    delete (v1 as { publication?: unknown }).publication
    return JSON.stringify(v1, null, 2)
  }

  it('upgrades a schema-1 file on open: the claimant unknown (never the article’s author), the old bytes kept in .bak', async () => {
    const path = join(dir, 'bridge.factdesk.json')
    const original = schemaOneFile()
    await writeFile(path, original)
    const store = new ProjectStore({ debounceMs: 5 })
    const opened = await store.open(path)
    expect(opened.migratedFrom).toBe(1)
    const [claim] = opened.project.claims
    expect(claim).toMatchObject({ claimant: null, claimDate: '', appearances: [], claimReviewed: '', sourceIds: ['s1'] })
    expect(opened.project.article.text.slice(claim!.start, claim!.end)).toBe(claim!.text)
    expect(opened.project.sources[0]).toMatchObject({ reliability: 'Official.', accessedAt: '', attachmentSha256: '' })
    expect(opened.project.publication).toEqual({ reviewUrl: '', publishedAt: '' })
    expect((await store.awaitSave(path)).state).toBe('saved')
    const saved = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number }
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION)
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(original)
    await store.closeAll()
  })

  it('upgrades a schema-2 file: nobody assigned, no review required, history ids the same on every checker’s copy', async () => {
    const current = makeProject()
    const v2 = { ...schemaTwo(current), claims: [withoutTeamwork(claimOver(current, 'the new bridge cost €41 million'))] }
    const first = join(dir, 'one.factdesk.json')
    const second = join(dir, 'two.factdesk.json')
    await writeFile(first, JSON.stringify(v2, null, 2))
    await writeFile(second, JSON.stringify(v2, null, 2))
    const store = new ProjectStore({ debounceMs: 5 })
    const [a, b] = [await store.open(first), await store.open(second)]
    expect(a.migratedFrom).toBe(2)
    expect(a.project.team).toEqual({ requireReview: false })
    expect(a.project.conflicts).toEqual([])
    expect(a.project.claims[0]).toMatchObject({ assignee: null, reviewer: null, comments: [], approval: null })
    expect(a.project.history[0]?.id).toMatch(/^h-[0-9a-f]{16}$/)
    expect(a.project.history.map((e) => e.id)).toEqual(b.project.history.map((e) => e.id))
    await store.closeAll()
  })

  it('reports a draft that cannot be upgraded, naming the field, and changes nothing', async () => {
    const path = join(dir, 'broken-draft.factdesk.json')
    await writeFile(path, JSON.stringify({ ...draft, claims: [{ id: 'c1', quote: 'x' }] }))
    const before = await sha(path)
    await expect(readProjectFile(path)).rejects.toThrow(/uses schema 0 but cannot be upgraded \(claims\[0\]\.span/)
    expect(await sha(path)).toBe(before)
  })
})

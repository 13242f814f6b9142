import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { projectRecords } from '@domain/memory/records'
import { encodeProject } from '@domain/project/codec'
import { newProject } from '@domain/project/create'
import type { Project } from '@domain/project/schema'
import { LibraryIndex } from '@engine/memory/library-index'
import { claimIn, tempDir } from '../helpers/projects'

function project(title: string, text: string, language: string, quote: string, verdictLabel?: string): Project {
  const base = newProject(
    { title, text, outlet: 'Gazette', publishedAt: '2026-10-02', language },
    { now: new Date('2026-11-20T10:00:00.000Z'), author: 't' },
  )
  const verdict = verdictLabel ? (base.ratingScale.labels.find((l) => l.label === verdictLabel)?.id ?? null) : null
  const claim = claimIn(
    base.article.text,
    'c-1',
    quote,
    verdict ? { verdict, status: 'done', rationale: 'Official statistics differ.' } : {},
  )
  return { ...base, claims: [claim] }
}

const WAGES = 'Зеленський заявив, що середня зарплата зросла до 20 тисяч гривень.'
const BRIDGE = 'The bridge cost 41 million euros, officials said.'
const BREAD = 'Bread prices rose by 12 percent in Kyiv.'

/** The library index in-process (as the CLI runs it) over real project files in a temporary folder. */
describe('library index', () => {
  let dir: string
  let cleanup: () => Promise<void>
  const write = (file: string, p: Project) => writeFile(join(dir, file), encodeProject(p))
  const found = (index: LibraryIndex, query: string, filters = {}) => index.find(query, filters).hits.map((h) => h.record.key)

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir())
    await write('wages.factdesk.json', project('Зарплати', `${WAGES}\n\nІнше речення.`, 'uk', WAGES, 'False'))
    await write('bridge.factdesk.json', project('Bridge', `${BRIDGE}\n\nMore.`, 'en', BRIDGE))
    await write('bread.factdesk.json', project('Prices', `${BREAD}\n\nMore.`, 'en', BREAD))
  })
  afterEach(() => cleanup())

  it('finds a word in another form, a name in another script, a figure written another way and the start of a word; every word must match; filters narrow', async () => {
    const index = new LibraryIndex(dir)
    await index.build()
    expect(found(index, 'зарплати', { kinds: ['claim'] })).toEqual(['wages.factdesk.json#c:c-1'])
    expect(found(index, 'Zelensky', { kinds: ['claim'], verdict: 'false' })).toEqual(['wages.factdesk.json#c:c-1'])
    expect(found(index, 'Zelensky', { kinds: ['claim'], verdict: 'True' })).toEqual([])
    expect(found(index, 'зарплата 20 000', { kinds: ['claim'] })).toEqual(['wages.factdesk.json#c:c-1'])
    expect(found(index, 'зарплата 30 000')).toEqual([])
    expect(found(index, 'officials brid', { kinds: ['claim'] })).toEqual(['bridge.factdesk.json#c:c-1'])
    expect(found(index, 'bridge bread')).toEqual([])
    expect(found(index, 'bread prices').sort()).toEqual(['bread.factdesk.json#a', 'bread.factdesk.json#c:c-1'])
    const latest = index.find('', { language: 'en', kinds: ['article'] })
    expect(latest.total).toBe(2)
    const hit = index.find('euros').hits.find((h) => h.record.kind === 'claim')
    expect(hit?.record).toMatchObject({ text: BRIDGE, title: 'Bridge', outlet: 'Gazette', language: 'en' })
    await index.close()
  })

  it('starts again from its cache as the build left it, reading again only the files changed or gone since', async () => {
    const cold = new LibraryIndex(dir)
    await cold.build()
    const before = found(cold, 'зарплата')
    await cold.close()
    expect((await readdir(join(dir, '.factdesk', 'index'))).some((n) => n === 'index.json')).toBe(true)

    await write(
      'bread.factdesk.json',
      project('Prices', `Milk prices rose by 12 percent in Kyiv.\n\nMore.`, 'en', 'Milk prices rose by 12 percent in Kyiv.'),
    )
    await rm(join(dir, 'bridge.factdesk.json'))
    const warm = new LibraryIndex(dir)
    await warm.build()
    expect(found(warm, 'зарплата')).toEqual(before)
    expect(found(warm, 'bread')).toEqual([])
    expect(found(warm, 'milk', { kinds: ['claim'] })).toEqual(['bread.factdesk.json#c:c-1'])
    expect(found(warm, 'bridge')).toEqual([])
    // The matcher's checks come back from the record files.
    const [seen] = warm.seenBefore({ text: 'Президент Зеленський: середня зарплата зросла до 20 000 гривень', language: 'uk' })
    expect(seen?.record).toMatchObject({ key: 'wages.factdesk.json#c:c-1', verdict: 'False' })
    await warm.close()
  })

  it('takes each save in place of the project’s earlier records, also past the compaction of removed ones', async () => {
    const index = new LibraryIndex(dir)
    await index.build()
    const base = project('Bridge', `${BRIDGE}\n\nMore.`, 'en', BRIDGE)
    // 23 records a save in the bench's library; here 2, so 3,000 saves pass the 5,000 removed records that trigger a compaction.
    const verdict = base.ratingScale.labels[0]?.id ?? null
    // A check, so the matcher too takes 3,000 saves in place and compacts its removed ones.
    for (let n = 0; n < 3000; n++) {
      const saved = {
        ...base,
        claims: base.claims.map((c) => ({ ...c, notes: '', status: 'done' as const, verdict, rationale: `marker${n}word` })),
      }
      index.putProjectRecords('bridge.factdesk.json', projectRecords('bridge.factdesk.json', saved), { mtimeMs: n, size: n })
    }
    expect(found(index, 'marker2999word')).toEqual(['bridge.factdesk.json#c:c-1'])
    expect(found(index, 'marker2998word')).toEqual([])
    expect(found(index, 'зарплати', { kinds: ['claim'] })).toEqual(['wages.factdesk.json#c:c-1'])
    expect(index.get('bridge.factdesk.json#c:c-1')?.rationale).toBe('marker2999word')
    expect(index.find('').total).toBe(6)
    const seen = index.seenBefore({ text: 'Officials said the bridge cost 41 million euros', language: 'en' })
    expect(seen.map((s) => s.record.key)).toEqual(['bridge.factdesk.json#c:c-1'])
    expect(seen[0]?.record.rationale).toBe('marker2999word')
    await index.close()
  })

  it('reads of each project what it indexes: a damaged history does not hide its claims, an older schema is upgraded, a wrong claim leaves the file out', async () => {
    const damaged = JSON.parse(encodeProject(project('Bridge', `${BRIDGE}\n\nMore.`, 'en', BRIDGE))) as Record<string, unknown>
    await writeFile(join(dir, 'bridge.factdesk.json'), JSON.stringify({ ...damaged, history: [{ not: 'an entry' }] }))
    // Schema 2: no team settings or conflicts, claims without teamwork fields, history entries without ids.
    const current = project('Prices', `${BREAD}\n\nMore.`, 'en', BREAD)
    const { team: _t, conflicts: _c, evidence: _e, ...rest } = current as Project & { evidence?: unknown }
    const v2 = {
      ...rest,
      schemaVersion: 2,
      claims: current.claims.map(({ assignee: _a, reviewer: _r, comments: _m, approval: _p, ...claim }) => claim),
      history: current.history.map(({ id: _i, ...entry }) => entry),
    }
    await writeFile(join(dir, 'bread.factdesk.json'), JSON.stringify(v2))
    const wrong = JSON.parse(encodeProject(project('Wages', `${WAGES}\n\nІнше.`, 'uk', WAGES))) as { claims: Record<string, unknown>[] }
    wrong.claims[0] = { ...wrong.claims[0], text: 42 }
    await writeFile(join(dir, 'wages.factdesk.json'), JSON.stringify(wrong))

    const index = new LibraryIndex(dir)
    await index.build()
    expect(found(index, 'bridge', { kinds: ['claim'] })).toEqual(['bridge.factdesk.json#c:c-1'])
    expect(found(index, 'bread', { kinds: ['claim'] })).toEqual(['bread.factdesk.json#c:c-1'])
    expect(found(index, 'зарплата')).toEqual([])
    expect(index.find('').total).toBe(4)
    await index.close()
  })
})

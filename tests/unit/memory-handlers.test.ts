import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '@engine/services'
import { testEngine } from '../helpers/projects'

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

/** The claim memory through the API, as the app uses it: real project files in a temp folder, the index in its worker. */
describe('claim memory handlers', () => {
  let close: () => Promise<void>
  let home: string
  let services: Services
  beforeEach(async () => {
    ;({ services, home, close } = await testEngine({ debounceMs: 0, now: () => new Date('2026-11-25T09:00:00.000Z') }))
  })
  afterEach(async () => close())

  const h = () => services.handlers
  const create = async (title: string, text: string, language = 'uk') =>
    (await h()['project:create']({ title, text, outlet: 'Газета', author: '', url: '', publishedAt: '2026-10-02', language })).path

  /** The claim over the article's first line: the engine's proposal, or one made by hand. */
  async function firstLineClaim(path: string): Promise<string> {
    const opened = await h()['project:open']({ path })
    const sentence = opened.project.article.text.split('\n')[0] as string
    const proposed = opened.project.claims.find((c) => c.start === 0 && c.end === sentence.length)
    return proposed?.id ?? ((await h()['claim:create']({ path, start: 0, end: sentence.length })).focus as string)
  }

  /** A project whose first line is a claim checked with `verdict`. */
  async function checked(title: string, text: string, verdictLabel: string) {
    const path = await create(title, text)
    const opened = await h()['project:open']({ path })
    const id = await firstLineClaim(path)
    const label = opened.project.ratingScale.labels.find((l) => l.label === verdictLabel)
    expect(label, `the default scale has ${verdictLabel}`).toBeDefined()
    await h()['claim:setVerdict']({ path, id, verdict: label?.id ?? null })
    await h()['claim:update']({ path, id, fields: { rationale: 'Статистика показує інше.' } })
    await h()['source:add']({
      path,
      claimId: id,
      fields: {
        url: 'https://ukrstat.gov.ua/x',
        title: 'Держстат',
        publisher: '',
        date: '2026-09-01',
        excerpt: '',
        archiveUrl: '',
        reliability: '',
        accessedAt: '',
      },
    })
    await h()['project:close']({ path })
    return { path, id }
  }

  it('finds a claim checked in an earlier project, by other word forms and by a transliterated name, and reuses it with a linked history entry', async () => {
    const earlier = await checked(
      'Зарплати',
      'Зеленський заявив, що середня зарплата зросла до 20 тисяч гривень.\n\nІнше речення.',
      'False',
    )
    const later = await create('Нова стаття', 'Президент Зеленський сказав, що середня зарплата зросла до 20 000 гривень.\n\nЩе щось.')
    const claimId = await firstLineClaim(later)

    const seen = await h()['memory:seenBefore']({ path: later, claimId })
    expect(seen[0]?.path).toBe(earlier.path)
    expect(seen[0]?.itemId).toBe(earlier.id)
    expect(seen[0]?.verdict).toBe('False')
    expect(seen[0]?.numbers).toContain('20000')

    // "зарплати" (another case of "зарплата") and the Latin spelling of the name both find it.
    const byForm = await h()['memory:search']({ query: 'зарплати', filters: { kinds: ['claim'] }, limit: 50 })
    expect(byForm.items.map((i) => i.path)).toContain(earlier.path)
    const byName = await h()['memory:search']({ query: 'Zelensky', filters: { kinds: ['claim'], verdict: 'False' }, limit: 50 })
    expect(byName.items.map((i) => `${i.path}#${i.itemId}`)).toEqual([`${earlier.path}#${earlier.id}`])

    const reused = await h()['claim:reuseCheck']({ path: later, id: claimId, from: { key: seen[0]?.key ?? '' } })
    const claim = reused.project.claims.find((c) => c.id === claimId)
    expect(reused.project.ratingScale.labels.find((l) => l.id === claim?.verdict)?.label).toBe('False')
    expect(claim?.rationale).toBe('Статистика показує інше.')
    expect(reused.project.sources.filter((s) => claim?.sourceIds.includes(s.id)).map((s) => s.url)).toEqual(['https://ukrstat.gov.ua/x'])
    const entry = reused.project.history.at(-1)
    expect(entry?.action).toBe('claim.reuse')
    expect(entry?.summary).toContain('factdesk://p/')
    expect(entry?.summary).toContain(`/c/${earlier.id}`)
    // One undo takes the whole reuse back.
    const undone = await h()['project:undo']({ path: later })
    const before = undone.project.claims.find((c) => c.id === claimId)
    expect(before?.verdict).toBeNull()
    expect(before?.sourceIds).toEqual([])
  })

  it('imports a ClaimReview archive, matches against it, lists it and removes it', async () => {
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        {
          '@type': 'DataFeedItem',
          item: [
            {
              '@type': 'ClaimReview',
              url: 'https://factcheck.example/vaccines',
              claimReviewed: 'Vaccines contain microchips for tracking people.',
              datePublished: '2021-03-01',
              author: { '@type': 'Organization', name: 'Example Checks' },
              reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5 },
              itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A Blogger' } },
            },
          ],
        },
      ],
    }
    const summary = await h()['memory:importArchive']({ fileName: 'feed.json', dataBase64: b64(JSON.stringify(feed)) })
    expect(summary).toMatchObject({ file: 'archives/feed.factdesk-archive.json', reviews: 1 })
    expect((await h()['memory:archives']({})).map((a) => a.file)).toEqual([summary.file])

    const path = await create('Chips', 'A post claims the vaccines contain microchips that track people.\n\nMore.', 'en')
    const claimId = await firstLineClaim(path)
    const seen = await h()['memory:seenBefore']({ path, claimId })
    expect(seen[0]).toMatchObject({ kind: 'review', verdict: 'False', outlet: 'Example Checks', url: 'https://factcheck.example/vaccines' })

    await h()['memory:removeArchive']({ file: summary.file })
    expect(await h()['memory:archives']({})).toEqual([])
    expect(await h()['memory:seenBefore']({ path, claimId })).toEqual([])
  })

  it('answers requests that arrive while its worker is still starting, each from the one opened index', async () => {
    // The library screen asks for the index's state, a search and an archive import within moments of
    // each other. The e2e once caught a request sent to a second worker that was never opened (1 run
    // in 7 under load); this spreads twelve requests over the start-up to guard the shared start.
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Bridges are made of cheese.',
      url: 'https://c.example/1',
    }
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 3)).then((): Promise<unknown> =>
          i % 3 === 0
            ? h()['memory:importArchive']({ fileName: `feed-${i}.json`, dataBase64: b64(JSON.stringify(feed)) })
            : i % 3 === 1
              ? h()['memory:search']({ query: 'cheese', filters: {}, limit: 10 })
              : h()['memory:status']({}),
        ),
      ),
    )
    expect(answers).toHaveLength(12)
    const found = await h()['memory:search']({ query: 'cheese', filters: {}, limit: 10 })
    expect(found.items.filter((item) => item.kind === 'review')).toHaveLength(4)
  })

  it('indexes a project that changed on disk behind the app, and keeps its cache out of git', async () => {
    const path = await create('Bridge', 'The bridge cost 41 million euros.\n\nOther.', 'en')
    expect((await h()['memory:search']({ query: 'bridge', filters: { kinds: ['article'] }, limit: 50 })).items).toHaveLength(1)
    const file = JSON.parse(await readFile(path, 'utf8')) as { article: { title: string } }
    file.article.title = 'Viaduct'
    await writeFile(path, JSON.stringify(file, null, 2))
    await expect
      .poll(async () => (await h()['memory:search']({ query: 'viaduct', filters: { kinds: ['article'] }, limit: 50 })).items.length, {
        timeout: 5000,
      })
      .toBe(1)
    await services.memory.flush()
    expect(await readFile(join(home, '.factdesk', '.gitignore'), 'utf8')).toContain('*')
  })

  it('asks for the column mapping of a CSV and names a missing claim column', async () => {
    const csv = 'Statement,Rating,Link\n"Bread costs 5 euros",False,https://x.example/1\n'
    const columns = await h()['memory:csvColumns']({ fileName: 'checks.csv', dataBase64: b64(csv) })
    expect(columns.guess).toMatchObject({ claim: 'Statement', verdict: 'Rating', url: 'Link' })
    await expect(h()['memory:importArchive']({ fileName: 'checks.csv', dataBase64: b64(csv) })).rejects.toThrow(
      /which column holds the claims/,
    )
    const summary = await h()['memory:importArchive']({
      fileName: 'checks.csv',
      dataBase64: b64(csv),
      mapping: { claim: 'Statement', verdict: 'Rating', url: 'Link' },
    })
    expect(summary.reviews).toBe(1)
    const found = await h()['memory:search']({ query: 'bread', filters: { kinds: ['review'] }, limit: 50 })
    expect(found.items[0]).toMatchObject({ verdict: 'False', url: 'https://x.example/1' })
  })
})

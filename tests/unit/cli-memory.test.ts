import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

// Each case starts the real command; on a busy two-core machine that can take several seconds.
describe('factdesk CLI: match, archive import, search', { timeout: 60_000 }, () => {
  let dir: string
  let home: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-cli-memory-'))
    home = join(dir, 'projects')
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('match ranks the corpus for each query line, best first, in the CLEF run format', async () => {
    const corpus = join(dir, 'corpus.jsonl')
    await writeFile(
      corpus,
      [
        { id: 'a', text: 'The minimum wage doubled to 20,000 hryvnias in 2025.', title: 'Did the minimum wage double?' },
        { id: 'b', text: 'Bread prices rose 20% in a year.', speaker: 'Ministry' },
        { id: 7, text: 'Vaccines contain microchips.' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    )
    const queries = [
      { id: 'q1', text: 'minimum wage is now 20000 hryvnias' },
      { id: 'q2', text: 'microchips in vaccines!' },
    ]
    for (const batch of [[], ['--batch']]) {
      const run = await runCli(['match', '--corpus', corpus, ...batch], { stdin: queries.map((q) => JSON.stringify(q)).join('\n') })
      expect(run.code).toBe(0)
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; ranked: string[] })
      expect(lines.map((l) => [l.id, l.ranked[0]])).toEqual([
        ['q1', 'a'],
        ['q2', '7'],
      ])
    }
    const bad = await runCli(['match', '--corpus', corpus], { stdin: '{"text": "no id"}' })
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('standard input line 1 needs "id" and "text"')
  })

  it('archive import reads a ClaimReview page; search finds its fact-check by another form of a word', async () => {
    const page = join(dir, 'check.html')
    const review = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://checks.example/pensions',
      claimReviewed: 'Пенсії зросли вдвічі за рік',
      datePublished: '2026-03-01',
      author: { '@type': 'Organization', name: 'Checks' },
      reviewRating: { '@type': 'Rating', alternateName: 'Неправда' },
    }
    await writeFile(page, `<html><head><script type="application/ld+json">${JSON.stringify(review)}</script></head></html>`)
    const env = { FACTDESK_HOME: home, FACTDESK_CONFIG_DIR: join(dir, 'config') }
    const imported = await runCli(['archive', 'import', page, '--json'], { env })
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('"reviews": 1')
    const found = await runCli(['search', 'пенсіями', '--json'], { env })
    expect(found.code).toBe(0)
    const results = (JSON.parse(found.stdout) as { results: { kind: string; verdict: string; url: string }[] }).results
    expect(results.map((r) => [r.kind, r.verdict, r.url])).toEqual([['review', 'Неправда', 'https://checks.example/pensions']])
    const none = await runCli(['search', 'microchips'], { env })
    expect(none.stdout).toMatch(/^Nothing found for "microchips"/)
  })
})

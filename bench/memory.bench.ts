// The claim memory on a library of 10,000 generated projects (200,000 claims, 20,000 sources): the
// index built by the memory worker from the files (progress on stderr), then again from its cache,
// a save reaching search, full-text search and "seen before" at the 95th percentile, and the
// process's memory. The articles are generated here from a made-up vocabulary with a long tail,
// so the index has the spread of terms a real library has; no real text is used.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newProject } from '@domain/project/create'
import { encodeProject } from '@domain/project/codec'
import { unattributed, type Claim, type Project, type Source } from '@domain/project/schema'
import { MemoryService } from '@engine/memory/memory-service'
import { random } from '../tests/helpers/random'
import type { Bench, BenchRow } from './types'

/** `FACTDESK_BENCH_PROJECTS=1000 npm run bench -- memory` iterates at a smaller scale; the targets are for 10,000. */
const PROJECTS = Number(process.env.FACTDESK_BENCH_PROJECTS) || 10_000
const CLAIMS = 20
const SOURCES = 2
const QUERIES = 200

const SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'sa', 'vor', 'de', 'ril', 'pa', 'nu', 'gre', 'bos', 'fi', 'tal', 'zen', 'mo', 'ur', 'chi']
const NAMES = ['Zelensky', 'Зеленський', 'Зеленский', 'Merkel', 'Macron', 'Sánchez', 'Meloni', 'Шмигаль', 'Klitschko', 'Кличко']
const LANGUAGES = ['en', 'uk', 'ru', 'de', 'fr', 'es', 'it']
const VERDICTS = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false']

export function vocabulary(next: () => number, size: number): string[] {
  const words = new Set<string>()
  while (words.size < size) {
    let word = ''
    for (let n = 2 + Math.floor(next() * 3); n > 0; n--) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)] as string
    words.add(word)
  }
  return [...words]
}

/** Word i of the vocabulary with probability ~ 1/(i+1): a few common words, a long tail of rare ones. */
function zipf(next: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(next() * Math.log(size + 1))) - 1)
}

function sentence(next: () => number, words: string[]): string {
  const parts: string[] = []
  for (let n = 8 + Math.floor(next() * 10); n > 0; n--) parts.push(words[zipf(next, words.length)] as string)
  parts.splice(1 + Math.floor(next() * 4), 0, NAMES[Math.floor(next() * NAMES.length)] as string)
  parts.push(`${Math.floor(next() * 1000)}`, next() < 0.5 ? 'thousand' : 'percent')
  const text = parts.join(' ')
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`
}

export function project(i: number, words: string[]): Project {
  const next = random(i + 1)
  const sentences = Array.from({ length: CLAIMS }, () => sentence(next, words))
  const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 5)
  const base = newProject(
    {
      title: `${sentence(next, words).slice(0, 60)} (${i})`,
      text: sentences.join(' '),
      language: LANGUAGES[i % LANGUAGES.length],
      outlet: `Outlet ${i % 40}`,
      publishedAt: day.toISOString().slice(0, 10),
    },
    { now: day, author: 'bench' },
  )
  const at = day.toISOString()
  const text = base.article.text
  const sources: Source[] = Array.from({ length: SOURCES }, (_, s) => ({
    id: `s-${s}`,
    url: `https://example.org/${i}/${s}`,
    title: sentence(next, words).slice(0, 80),
    publisher: `Publisher ${s}`,
    date: base.article.publishedAt,
    excerpt: sentence(next, words),
    archiveUrl: '',
    attachment: '',
    reliability: '',
    accessedAt: '',
    attachmentSha256: '',
    createdAt: at,
    updatedAt: at,
  }))
  let from = 0
  const claims: Claim[] = sentences.map((s, c) => {
    const start = text.indexOf(s, from)
    from = start + s.length
    const checked = c % 3 === 0
    return {
      id: `c-${c}`,
      text: s,
      start,
      end: start + s.length,
      origin: 'suggested',
      status: checked ? 'done' : 'to-check',
      score: 0.7,
      reasons: [],
      verdict: checked ? (VERDICTS[(i + c) % VERDICTS.length] as string) : null,
      rationale: checked ? sentence(next, words) : '',
      sourceIds: checked ? ['s-0'] : [],
      notes: '',
      checker: `checker ${i % 12}`,
      ...unattributed(),
      createdAt: at,
      updatedAt: at,
    }
  })
  return { ...base, claims, sources }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

const bench: Bench = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-memory-bench-'))
  const rows: BenchRow[] = []
  const words = vocabulary(random(7), 30_000)
  const projects: Project[] = []
  try {
    process.stderr.write(`  generating ${PROJECTS.toLocaleString('en')} projects…\n`)
    for (let i = 0; i < PROJECTS; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, PROJECTS - i) }, async (_, j) => {
          const p = project(i + j, words)
          projects[i + j] = p
          await writeFile(join(dir, `project-${i + j}.factdesk.json`), encodeProject(p))
        }),
      )
    }

    let peakRss = 0
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
    const baseRss = process.memoryUsage().rss
    const memory = new MemoryService(async () => dir)
    let shown = -1
    const progress = setInterval(() => {
      const { done, total } = memory.progress
      if (done !== shown) process.stderr.write(`  indexing ${done}/${total} files\n`)
      shown = done
    }, 2000)
    const build = await timed(async () => {
      await memory.open()
      await memory.search('', {}, 1)
    })
    clearInterval(progress)
    const documents = memory.progress.documents
    rows.push({
      name: `index build, ${PROJECTS.toLocaleString('en')} projects (${(PROJECTS * CLAIMS).toLocaleString('en')} claims) from the files`,
      value: build / 1000,
      unit: 's',
      target: '≤ 60 s',
      met: build <= 60_000,
      note: `${documents.toLocaleString('en')} documents, progress shown`,
    })

    const next = random(99)
    const searchTimes: number[] = []
    const filteredTimes: number[] = []
    for (let q = 0; q < QUERIES; q++) {
      const query = Array.from({ length: 1 + (q % 3) }, () => words[zipf(next, 2000)]).join(' ')
      searchTimes.push(await timed(() => memory.search(query, {}, 50)))
      filteredTimes.push(await timed(() => memory.search(query, { kinds: ['claim'], verdict: 'False', language: 'uk' }, 50)))
    }
    const searchP95 = percentile(searchTimes, 95)
    rows.push({ name: 'search, 1–3 words, all kinds (p95)', value: searchP95, unit: 'ms', target: '≤ 50 ms', met: searchP95 <= 50 })
    const filteredP95 = percentile(filteredTimes, 95)
    rows.push({
      name: 'search with verdict, kind and language filters (p95)',
      value: filteredP95,
      unit: 'ms',
      target: '≤ 50 ms',
      met: filteredP95 <= 50,
    })

    const seenTimes: number[] = []
    for (let q = 0; q < QUERIES; q++) {
      const source = projects[Math.floor(next() * PROJECTS)]?.claims[Math.floor(next() * CLAIMS)]
      // A later article's wording: some words of the earlier claim gone, a new one in.
      const text = (source?.text ?? '')
        .split(' ')
        .filter(() => next() > 0.25)
        .concat(words[zipf(next, words.length)] as string)
        .join(' ')
      seenTimes.push(await timed(() => memory.seenBefore({ text, language: 'en' }, null, 8)))
    }
    const seenP95 = percentile(seenTimes, 95)
    rows.push({ name: '"seen before" for a claim (p95)', value: seenP95, unit: 'ms', target: '≤ 50 ms', met: seenP95 <= 50 })

    const updateTimes: number[] = []
    for (let n = 0; n < 20; n++) {
      const i = (n * 37) % PROJECTS
      const marker = `benchmarker${n}word`
      const before = projects[i] as Project
      const saved: Project = {
        ...before,
        claims: before.claims.map((c, k) => (k === 0 ? { ...c, rationale: `${c.rationale} ${marker}` } : c)),
      }
      const path = join(dir, `project-${i}.factdesk.json`)
      await writeFile(path, encodeProject(saved))
      updateTimes.push(
        await timed(async () => {
          memory.projectSaved(path, saved)
          while (!(await memory.search(marker, {}, 1)).hits.length);
        }),
      )
    }
    const updateP95 = percentile(updateTimes, 95)
    rows.push({
      name: 'a save reaching search (p95, one project of 20 claims)',
      value: updateP95,
      unit: 'ms',
      target: '≤ 50 ms',
      met: updateP95 <= 50,
    })
    clearInterval(sample)
    const peakMb = (peakRss - baseRss) / 1024 / 1024
    rows.push({
      name: 'memory of the index (peak RSS above the bench before it)',
      value: peakMb,
      unit: 'MB',
      target: '≤ 300 MB',
      met: peakMb <= 300,
      note: `process peak ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    })

    await memory.close()
    const cached = new MemoryService(async () => dir)
    const warm = await timed(async () => {
      await cached.open()
      await cached.search('', {}, 1)
    })
    rows.push({
      name: 'index build from its cache (.factdesk/index), same library',
      value: warm / 1000,
      unit: 's',
      target: '≤ 60 s',
      met: warm <= 60_000,
    })
    await cached.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return rows
}

export default bench

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeProject } from '@domain/project/codec'
import { Library } from '@engine/library'
import { ProjectStore, readProjectFile } from '@engine/project-store'
import { bigProject } from './fixtures/projects'
import type { Bench, BenchRow } from './types'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

const bench: Bench = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-bench-'))
  const rows: BenchRow[] = []
  try {
    const project = bigProject(1000)
    const path = join(dir, 'big.factdesk.json')
    await writeFile(path, encodeProject(project))
    const bytes = (await readFile(path)).byteLength

    const load = await time(15, () => readProjectFile(path))
    rows.push({ name: 'load 1,000-claim project (read + validate)', value: load, unit: 'ms', note: `${(bytes / 1024).toFixed(0)} KB` })

    const store = new ProjectStore({ debounceMs: 0 })
    await store.open(path)
    let n = 0
    const save = await time(15, async () => {
      store.mutate(path, (p) => ({ ...p, claims: p.claims.map((c, i) => (i === 0 ? { ...c, rationale: `edit ${n++}` } : c)) }))
      await store.flush(path)
    })
    rows.push({
      name: 'save 1,000-claim project (edit, validate, .bak, atomic write)',
      value: save,
      unit: 'ms',
      target: '≤ 20 ms',
      met: save <= 20,
    })

    const debounced = new ProjectStore()
    await debounced.open(path)
    const autosave = await time(5, async () => {
      debounced.mutate(path, (p) => ({ ...p, claims: p.claims.map((c, i) => (i === 1 ? { ...c, notes: `n${n++}` } : c)) }))
      await debounced.awaitSave(path)
    })
    rows.push({
      name: 'edit → on disk through autosave (1,000 claims)',
      value: autosave,
      unit: 'ms',
      target: '≤ 300 ms',
      met: autosave <= 300,
    })
    await store.closeAll()
    await debounced.closeAll()

    const libraryDir = join(dir, 'library')
    await mkdir(libraryDir)
    const small = bigProject(20)
    for (let i = 0; i < 1000; i++) {
      await writeFile(
        join(libraryDir, `project-${i}.factdesk.json`),
        encodeProject({ ...small, article: { ...small.article, title: `Project ${i}` } }),
      )
    }
    const cold = await time(3, () => new Library().list(libraryDir))
    rows.push({ name: 'list 1,000 projects (cold)', value: cold, unit: 'ms', target: '≤ 1000 ms', met: cold <= 1000 })
    const library = new Library()
    await library.list(libraryDir)
    const warm = await time(5, () => library.list(libraryDir))
    rows.push({
      name: 'list 1,000 projects (again, unchanged files cached)',
      value: warm,
      unit: 'ms',
      target: '≤ 1000 ms',
      met: warm <= 1000,
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return rows
}

export default bench

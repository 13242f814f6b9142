// A torture child: opens a project and saves a growing version of it in a tight loop, printing each
// generation once it is on disk, until the parent kills it with SIGKILL.
import { historyEntry } from '@domain/project/schema'
import { ProjectStore } from '@engine/project-store'

const path = process.argv[2]
if (!path) throw new Error('usage: kill-writer <project file>')
const store = new ProjectStore({ debounceMs: 0 })
const opened = await store.open(path)
if (opened.readOnly) {
  process.stderr.write(`read-only: ${opened.readOnly.message}\n`)
  process.exit(3)
}
let generation = Number(/generation (\d+)/.exec(opened.project.article.title)?.[1] ?? 0)
for (;;) {
  generation++
  const at = new Date().toISOString()
  store.mutate(path, (p) => ({
    ...p,
    updatedAt: at,
    article: { ...p.article, title: `generation ${generation}` },
    history: [
      ...p.history,
      historyEntry({ at, author: 'torture', action: 'test.grow', claimId: null, summary: `generation ${generation}` }),
    ],
  }))
  const status = await store.flush(path)
  if (status.state !== 'saved') {
    process.stderr.write(`save failed: ${status.message ?? status.state}\n`)
    process.exit(2)
  }
  process.stdout.write(`${generation}\n`)
}

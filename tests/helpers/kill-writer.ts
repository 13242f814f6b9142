// Child process of the kill test: saves a growing project in a tight loop and reports each
// generation on stdout once it is on disk, until the parent kills it with SIGKILL.
import { historyEntry } from '@domain/project/schema'
import { ProjectStore } from '@engine/project-store'

const path = process.argv[2]
if (!path) throw new Error('usage: kill-writer <project file>')
const store = new ProjectStore({ debounceMs: 0 })
const opened = await store.open(path)
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
      historyEntry({ at, author: 'kill-test', action: 'test.grow', claimId: null, summary: `generation ${generation} ${'·'.repeat(120)}` }),
    ],
  }))
  const status = await store.flush(path)
  if (status.state !== 'saved') {
    process.stderr.write(`save failed: ${status.message ?? status.state}\n`)
    process.exit(2)
  }
  process.stdout.write(`${generation}\n`)
}

// A torture child for two writers on one folder: on each "go N" line from the parent it opens the
// project, adds its own history entry for round N, saves, closes, and answers how it went.
import { createInterface } from 'node:readline'
import { historyEntry } from '@domain/project/schema'
import { ProjectStore } from '@engine/project-store'
import { RecoveryStore } from '@engine/recovery'

const [path, name, configDir] = process.argv.slice(2)
if (!path || !name || !configDir) throw new Error('usage: round-writer <project file> <name> <config dir>')
const store = new ProjectStore({ debounceMs: 0, recovery: new RecoveryStore(configDir) })
for await (const line of createInterface({ input: process.stdin })) {
  const round = /^go (\d+)$/.exec(line)?.[1]
  if (!round) continue
  let outcome: string
  try {
    const opened = await store.open(path)
    if (opened.readOnly) outcome = 'read-only'
    else {
      const at = new Date().toISOString()
      store.mutate(path, (p) => ({
        ...p,
        updatedAt: at,
        history: [...p.history, historyEntry({ at, author: name, action: 'test.round', claimId: null, summary: `${name} round ${round}` })],
      }))
      const status = await store.flush(path)
      outcome = status.state === 'saved' ? 'saved' : status.state
    }
    await store.close(path)
  } catch (error) {
    outcome = `failed ${(error as Error).message.split('\n')[0] ?? ''}`
  }
  process.stdout.write(`${round} ${outcome}\n`)
}

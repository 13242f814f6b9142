import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sealHistory } from '@domain/evidence/chain'
import { historyEntry, type Project } from '@domain/project/schema'
import { sha256, verifyProject } from '@engine/evidence/verify'
import { bigProject } from './fixtures/projects'
import type { Bench } from './types'

const ATTACHMENTS = 50
const ATTACHMENT_BYTES = 1024 * 1024

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/**
 * Issue 20's target: hashing and verifying a 1,000-claim project with 50 MB of attachments in at
 * most a second. The project's history is 1,000 sealed entries (one per claim checked); verifying
 * recomputes every entry's hash, the state hash and the SHA-256 of all 50 files read from disk.
 */
const bench: Bench = async () => {
  const root = await mkdtemp(join(tmpdir(), 'factdesk-bench-evidence-'))
  try {
    const path = join(root, 'big.factdesk.json')
    await mkdir(join(root, 'big.files'), { recursive: true })
    let project: Project = bigProject(1000)
    const sources: Project['sources'] = []
    for (let i = 0; i < ATTACHMENTS; i++) {
      const bytes = randomBytes(ATTACHMENT_BYTES)
      const attachment = `big.files/evidence-${i}.bin`
      await writeFile(join(root, attachment), bytes)
      sources.push({
        id: `s-${i}`,
        url: `https://example.org/${i}`,
        title: `Source ${i}`,
        publisher: '',
        date: '',
        excerpt: '',
        archiveUrl: '',
        attachment,
        reliability: '',
        accessedAt: '',
        attachmentSha256: sha256(bytes),
        attachmentBytes: bytes.byteLength,
        createdAt: project.createdAt,
        updatedAt: project.createdAt,
      })
    }
    project = { ...project, sources }
    const sealStart = performance.now()
    for (const [i, claim] of project.claims.entries()) {
      const at = new Date(Date.parse(project.createdAt) + i * 1000).toISOString()
      const next = {
        ...project,
        history: [
          ...project.history,
          historyEntry({ at, author: 'bench', action: 'claim.verdict', claimId: claim.id, summary: `checked ${i}` }),
        ],
      }
      project = i % 100 === 99 || i === project.claims.length - 1 ? sealHistory(next, sha256, project.history.length) : next
    }
    const sealMs = performance.now() - sealStart
    const times: number[] = []
    let intact = false
    for (let run = 0; run < 5; run++) {
      const start = performance.now()
      const report = await verifyProject(path, project)
      times.push(performance.now() - start)
      intact = report.intact
    }
    const value = median(times)
    return [
      {
        name: 'verify 1,000-claim project, 50 MB attachments',
        value,
        unit: 'ms',
        target: '≤ 1000 ms',
        met: value <= 1000 && intact,
        note: `median of 5; chain of ${project.history.length} entries; intact: ${intact}`,
      },
      {
        name: 'seal 100 new history entries + state hash',
        value: sealMs / 10,
        unit: 'ms',
        note: 'what the chain adds to an edit of a 1,000-claim project (mostly the state hash)',
      },
    ]
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

export default bench

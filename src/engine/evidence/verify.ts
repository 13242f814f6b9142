import { readFile } from 'node:fs/promises'
import { checkChain, CURRENT_FILE, evidenceCheck, type EvidenceCheck, type FileProvenance } from '@domain/evidence/chain'
import { say } from '@domain/evidence/findings'
import { outcomeOf, type AttachmentStatus, type EvidenceReport } from '@domain/evidence/report'
import type { Project } from '@domain/project/schema'
import { attachmentPath } from '../attachments'
import { readProjectFile, sha256 } from '../project-store'

export { sha256 }

async function attachmentStatus(projectPath: string, source: Project['sources'][number]): Promise<AttachmentStatus> {
  const base = {
    sourceId: source.id,
    source: source.title || source.url || source.id,
    file: source.attachment,
    expected: source.attachmentSha256,
    expectedBytes: source.attachmentBytes ?? null,
  }
  let bytes: Buffer
  try {
    bytes = await readFile(attachmentPath(projectPath, source.attachment))
  } catch {
    return { ...base, status: 'missing', found: null, foundBytes: null }
  }
  const found = sha256(bytes)
  const status = !source.attachmentSha256 ? 'unrecorded' : found === source.attachmentSha256 ? 'intact' : 'changed'
  return { ...base, status, found, foundBytes: bytes.byteLength }
}

/** Every attached file hashed against what its source recorded; files are read two at a time (the machine's cores). */
export async function checkAttachments(projectPath: string, project: Project): Promise<AttachmentStatus[]> {
  const sources = project.sources.filter((s) => s.attachment)
  const results: AttachmentStatus[] = new Array<AttachmentStatus>(sources.length)
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < sources.length; i = next++) {
      const source = sources[i]
      if (source) results[i] = await attachmentStatus(projectPath, source)
    }
  }
  await Promise.all([worker(), worker()])
  return results
}

function attachmentsCheck(attachments: readonly AttachmentStatus[]): EvidenceCheck {
  const bad = attachments.filter((a) => a.status === 'changed' || a.status === 'missing')
  const unrecorded = attachments.filter((a) => a.status === 'unrecorded')
  const details = [
    ...bad.map((a) =>
      a.status === 'missing'
        ? say('attachmentMissing', { file: a.file, source: a.source, expected: a.expected, recorded: a.expected ? 'yes' : 'no' })
        : say('attachmentChanged', {
            file: a.file,
            source: a.source,
            expected: a.expected,
            found: a.found ?? '',
            sizes: a.expectedBytes !== null && a.expectedBytes !== a.foundBytes ? 'yes' : 'no',
            expectedBytes: a.expectedBytes ?? 0,
            foundBytes: a.foundBytes ?? 0,
          }),
    ),
    ...unrecorded.map((a) => say('attachmentUnrecorded', { file: a.file, source: a.source, found: a.found ?? '' })),
  ]
  if (attachments.length === 0) return evidenceCheck('attachments', 'intact', say('attachmentsNone'), details)
  if (bad.length > 0)
    return evidenceCheck('attachments', 'broken', say('attachmentsBroken', { bad: bad.length, total: attachments.length }), details)
  return evidenceCheck(
    'attachments',
    'intact',
    say('attachmentsIntact', { count: attachments.length - unrecorded.length, never: unrecorded.length }),
    details,
  )
}

/** The checks of a project in memory (the workbench's badge) or read from its file (`factdesk verify`). */
export async function verifyProject(path: string, project: Project, provenance: FileProvenance = CURRENT_FILE): Promise<EvidenceReport> {
  const chain = checkChain(project, sha256, provenance)
  const attachments = await checkAttachments(path, project)
  const checks = [...chain.checks, attachmentsCheck(attachments)]
  const outcome = outcomeOf(checks)
  return { file: path, checks, attachments, head: chain.head, intact: outcome === 'intact', outcome }
}

export async function verifyProjectFile(path: string): Promise<EvidenceReport> {
  const { project, fromVersion, laterFields } = await readProjectFile(path)
  return verifyProject(path, project, { schemaVersion: fromVersion, laterFields })
}

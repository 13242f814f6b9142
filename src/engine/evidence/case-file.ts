import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import JSZip from 'jszip'
import { z } from 'zod'
import { checkChain, evidenceCheck, type CheckId, type EvidenceCheck } from '@domain/evidence/chain'
import { say, type Said } from '@domain/evidence/findings'
import { outcomeOf, type AttachmentStatus, type EvidenceReport } from '@domain/evidence/report'
import { MAX_KEY_BYTES } from '@contract/uploads'
import { AppError } from '@domain/errors'
import { decodeProject, describeZodError } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { REPORT_FORMATS, type ReportFormat, type ReportOptions } from '@domain/report'
import { attachmentPath } from '../attachments'
import { defaultExportName, renderExport, type ExportDeps } from '../export'
import { PROJECT_SUFFIX, sha256 } from '../project-store'

/**
 * The portable case file: one .zip with the project, its attached files, the reports (HTML, PDF
 * where a browser is available, JSON, ClaimReview, Web Annotations) and MANIFEST.json, which lists
 * every other file with its SHA-256 and size and quotes the history's head hash. Optionally the
 * manifest is signed with the organisation's Ed25519 key (MANIFEST.sig); `factdesk verify` checks
 * the signature against a public key the checker supplies, never one taken from the zip itself.
 */

export const MANIFEST = 'MANIFEST.json'
export const SIGNATURE = 'MANIFEST.sig'
export const CASE_FORMAT = 'factdesk-case/1'

const ManifestFileSchema = z.strictObject({ path: z.string().min(1), sha256: z.string(), bytes: z.number().int().nonnegative() })
export type ManifestFile = z.infer<typeof ManifestFileSchema>

const CaseManifestSchema = z.strictObject({
  format: z.literal(CASE_FORMAT),
  createdAt: z.string(),
  project: z.strictObject({ id: z.string(), title: z.string(), file: z.string().min(1) }),
  /** The history's last entry's hash (the chain's head); null when the project has no sealed entry yet. */
  historyHead: z.string().nullable(),
  files: z.array(ManifestFileSchema),
  /** What could not go in, and why (a PDF without a browser, an incomplete ClaimReview). */
  omitted: z.array(z.strictObject({ what: z.string(), reason: z.string() })),
})
export type CaseManifest = z.infer<typeof CaseManifestSchema>

const CASE_REPORTS: ReportFormat[] = ['html', 'pdf', 'json', 'claimreview', 'annotations']

export interface CaseFileOptions {
  report: ReportOptions
  export?: ExportDeps
  /** The organisation's Ed25519 private key (PEM); kept outside project files, in a path the checker gives. */
  privateKeyPem?: string
}

/** The case file's bytes for an open or saved project. */
export async function buildCaseFile(
  projectPath: string,
  project: Project,
  projectText: string,
  options: CaseFileOptions,
): Promise<Uint8Array> {
  const zip = new JSZip()
  const files: ManifestFile[] = []
  const omitted: CaseManifest['omitted'] = []
  const add = (path: string, data: string | Uint8Array): void => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    zip.file(path, bytes)
    files.push({ path, sha256: sha256(bytes), bytes: bytes.byteLength })
  }
  const name = basename(projectPath)
  add(`project/${name}`, projectText)
  for (const source of project.sources) {
    if (!source.attachment) continue
    try {
      add(`project/${source.attachment}`, await readFile(attachmentPath(projectPath, source.attachment)))
    } catch (error) {
      omitted.push({ what: `project/${source.attachment}`, reason: `the attached file could not be read (${(error as Error).message})` })
    }
  }
  for (const format of CASE_REPORTS) {
    try {
      const rendered = await renderExport(project, format, { ...options.report, claims: options.report.claims }, options.export)
      if (rendered.missing.length > 0) {
        omitted.push({ what: REPORT_FORMATS[format].label, reason: `incomplete: it needs ${rendered.missing.join('; ')}` })
        continue
      }
      add(`reports/${basename(defaultExportName(projectPath, format))}`, rendered.data)
    } catch (error) {
      omitted.push({ what: REPORT_FORMATS[format].label, reason: (error as Error).message })
    }
  }
  const manifest: CaseManifest = {
    format: CASE_FORMAT,
    createdAt: options.report.generatedAt,
    project: { id: project.id, title: project.article.title, file: `project/${name}` },
    historyHead: project.history.at(-1)?.hash ?? null,
    files,
    omitted,
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
  zip.file(MANIFEST, manifestText)
  if (options.privateKeyPem) {
    const signature = sign(null, Buffer.from(manifestText, 'utf8'), createPrivateKey(options.privateKeyPem))
    zip.file(SIGNATURE, `${signature.toString('base64')}\n`)
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/**
 * A key file larger than this is refused unread: an Ed25519 key in PEM is about 120 bytes (private)
 * or 115 (public), so 8 KiB leaves room for comments and line endings while refusing a document
 * chosen by mistake. The contract carries no more (contract/uploads.ts); a key read from disk
 * (the desktop's dialog, the CLI) is held to the same.
 */
export const MAX_KEY_FILE_BYTES = MAX_KEY_BYTES

const PEM = /^\s*-----BEGIN ([A-Z ]+)-----\r?\n[A-Za-z0-9+/=\r\n]+-----END \1-----\s*$/

/**
 * An organisation's signing or public key read from a file's bytes (a file input's, a dialog's):
 * its size, its PEM shape and that it is an Ed25519 key of the kind needed, each refused with the
 * file named and what to choose instead. The PEM is returned for this one use and kept nowhere.
 */
export function readKeyFile(bytes: Uint8Array, fileName: string, kind: 'private' | 'public'): string {
  const want = kind === 'private' ? 'PRIVATE KEY' : 'PUBLIC KEY'
  const which =
    kind === 'private'
      ? "the organisation's private signing key (factdesk-signing.key, made by factdesk keygen)"
      : "the organisation's public key (factdesk-signing.pub, made by factdesk keygen)"
  const refuse = (problem: string, key: string, params: Record<string, string | number> = {}): AppError =>
    new AppError('INVALID_INPUT', `"${fileName}" ${problem}. Choose ${which}.`, {
      key: `caseFile.key.${key}`,
      params: { file: fileName, kind, ...params },
    })
  if (bytes.byteLength > MAX_KEY_FILE_BYTES)
    throw refuse(`is over ${MAX_KEY_FILE_BYTES / 1024} KB, too large to be a key (a key file is a few hundred bytes)`, 'tooLarge', {
      limit: MAX_KEY_FILE_BYTES / 1024,
    })
  const text = Buffer.from(bytes).toString('utf8')
  const label = PEM.exec(text)?.[1]
  if (label === undefined) throw refuse('is not a key in PEM form (text between -----BEGIN …----- and -----END …----- lines)', 'notPem')
  if (label !== want)
    throw refuse(`holds a ${label.toLowerCase()}, not a ${want.toLowerCase()}`, 'wrongKind', {
      found: label === 'PUBLIC KEY' ? 'public' : label === 'PRIVATE KEY' ? 'private' : 'other',
      label: label.toLowerCase(),
    })
  let type: string | undefined
  try {
    type = (kind === 'private' ? createPrivateKey(text) : createPublicKey(text)).asymmetricKeyType
  } catch {
    throw refuse('looks like a PEM key but cannot be read as one: it is damaged or encrypted', 'damaged')
  }
  if (type !== 'ed25519')
    throw refuse(`is ${type ? `an ${type.toUpperCase()}` : 'another kind of'} key, and case files are signed with Ed25519`, 'notEd25519', {
      type: type ? type.toUpperCase() : 'none',
    })
  return text
}

/** A new Ed25519 key pair for an organisation, as PEM: the private key signs case files, the public one is handed to whoever verifies them. */
export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/** The case file's name beside the project: `story.case.zip`. */
export function defaultCaseName(projectPath: string): string {
  return projectPath.endsWith(PROJECT_SUFFIX) ? `${projectPath.slice(0, -PROJECT_SUFFIX.length)}.case.zip` : `${projectPath}.case.zip`
}

function check(id: CheckId, problems: readonly Said[], ok: Said, broken: Said): EvidenceCheck {
  return problems.length ? evidenceCheck(id, 'broken', broken, problems) : evidenceCheck(id, 'intact', ok)
}

export interface CaseContents {
  manifest: CaseManifest
  zip: JSZip
}

/** Checks a case file: every listed file against its hash, nothing unlisted, the project's history and its head, the signature when a key is given. */
export async function verifyCaseFile(
  bytes: Uint8Array,
  file: string,
  publicKeyPem?: string,
): Promise<EvidenceReport & { contents: CaseContents | null }> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new AppError('INVALID_INPUT', `"${file}" is not a readable .zip file, so it is not a Factdesk case file.`, {
      key: 'caseFile.notZip',
      params: { file },
    })
  }
  const manifestText = await zip.file(MANIFEST)?.async('string')
  if (manifestText === undefined)
    throw new AppError('INVALID_INPUT', `"${file}" has no ${MANIFEST}, so it is not a Factdesk case file.`, {
      key: 'caseFile.noManifest',
      params: { file, manifest: MANIFEST },
    })
  let parsed: unknown
  try {
    parsed = JSON.parse(manifestText)
  } catch {
    throw new AppError('INVALID_INPUT', `The ${MANIFEST} in "${file}" is not valid JSON: the case file was damaged or edited.`, {
      key: 'caseFile.manifestNotJson',
      params: { file, manifest: MANIFEST },
    })
  }
  const result = CaseManifestSchema.safeParse(parsed)
  if (!result.success) {
    const detail = describeZodError(result.error)
    throw new AppError('INVALID_INPUT', `The ${MANIFEST} in "${file}" is not a Factdesk case manifest: ${detail}.`, {
      key: 'caseFile.manifestInvalid',
      params: { file, manifest: MANIFEST, detail },
    })
  }
  const manifest: CaseManifest = result.data
  const checks: EvidenceCheck[] = []
  const fileProblems: Said[] = []
  const listed = new Set(manifest.files.map((f) => f.path))
  for (const entry of manifest.files) {
    const data = await zip.file(entry.path)?.async('uint8array')
    if (!data) fileProblems.push(say('caseFileMissing', { file: entry.path }))
    else if (sha256(data) !== entry.sha256)
      fileProblems.push(say('caseFileChanged', { file: entry.path, expected: entry.sha256, found: sha256(data) }))
  }
  zip.forEach((path, entry) => {
    if (!entry.dir && path !== MANIFEST && path !== SIGNATURE && !listed.has(path)) fileProblems.push(say('caseFileAdded', { file: path }))
  })
  checks.push(check('case-files', fileProblems, say('caseFilesIntact', { count: manifest.files.length }), say('caseFilesChanged')))
  if (publicKeyPem !== undefined) {
    const signature = await zip.file(SIGNATURE)?.async('string')
    let valid: boolean
    try {
      valid =
        signature !== undefined &&
        verify(null, Buffer.from(manifestText, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature.trim(), 'base64'))
    } catch {
      valid = false
    }
    checks.push(
      valid
        ? evidenceCheck('signature', 'intact', say('signatureIntact'))
        : evidenceCheck('signature', 'broken', say(signature === undefined ? 'signatureMissing' : 'signatureMismatch')),
    )
  } else if (zip.file(SIGNATURE)) {
    checks.push(evidenceCheck('signature', 'not-recorded', say('signatureUnchecked')))
  }
  const projectBytes = await zip.file(manifest.project.file)?.async('uint8array')
  let head: string | null = null
  const attachments: AttachmentStatus[] = []
  if (!projectBytes) {
    checks.push(evidenceCheck('history-chain', 'broken', say('caseProjectMissing', { file: manifest.project.file })))
  } else {
    const { project, fromVersion, laterFields } = decodeProject(projectBytes, manifest.project.file)
    const chain = checkChain(project, sha256, { schemaVersion: fromVersion, laterFields })
    checks.push(...chain.checks)
    head = chain.head
    const folder = manifest.project.file.slice(0, manifest.project.file.lastIndexOf('/') + 1)
    const attachmentProblems: Said[] = []
    for (const source of project.sources.filter((s) => s.attachment)) {
      const data = await zip.file(`${folder}${source.attachment}`)?.async('uint8array')
      const found = data ? sha256(data) : null
      const status = !data ? 'missing' : !source.attachmentSha256 ? 'unrecorded' : found === source.attachmentSha256 ? 'intact' : 'changed'
      if (status === 'missing' || status === 'changed')
        attachmentProblems.push(
          status === 'missing'
            ? say('caseAttachmentMissing', { file: source.attachment })
            : say('caseAttachmentChanged', { file: source.attachment, expected: source.attachmentSha256, found: found ?? '' }),
        )
      attachments.push({
        sourceId: source.id,
        source: source.title || source.url || source.id,
        file: source.attachment,
        status,
        expected: source.attachmentSha256,
        found,
        expectedBytes: source.attachmentBytes ?? null,
        foundBytes: data?.byteLength ?? null,
      })
    }
    checks.push(
      check('attachments', attachmentProblems, say('caseAttachmentsIntact', { count: attachments.length }), say('caseAttachmentsChanged')),
    )
    checks.push(
      check(
        'history-head',
        manifest.historyHead === head ? [] : [say('headMismatch', { quoted: manifest.historyHead ?? '(none)', head: head ?? '(none)' })],
        say('headIntact'),
        say('headMoved'),
      ),
    )
  }
  const outcome = outcomeOf(checks)
  return { file, checks, attachments, head, intact: outcome === 'intact', outcome, contents: { manifest, zip } }
}

import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path'
import { MAX_ATTACHMENT_BYTES } from '@contract/api'
import { AppError } from '@domain/errors'
import { createFileExclusive } from './fs/durable'
import { PROJECT_SUFFIX } from './project-store'

/** Attachments live beside the project, in `<name>.files/`, so the folder moves and syncs with it. */
export function attachmentsDir(projectPath: string): string {
  return join(dirname(projectPath), `${basename(projectPath, PROJECT_SUFFIX)}.files`)
}

/** A file name that is safe on every system: no folders, no control or reserved characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '')
  const extension = extname(cleaned).slice(0, 16)
  const stem = cleaned.slice(0, cleaned.length - extname(cleaned).length).slice(0, 120)
  return `${stem || 'attachment'}${extension}`
}

/**
 * Copies an attachment beside the project and returns its path relative to the project file's
 * folder. An existing file is never replaced: the name gets " (2)", " (3)"…
 */
export async function saveAttachment(projectPath: string, fileName: string, data: Uint8Array): Promise<string> {
  if (data.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError('TOO_LARGE', `"${fileName}" is over the ${MAX_ATTACHMENT_BYTES / 1048576} MB limit for an attachment.`, {
      key: 'attachmentTooLarge',
      params: { file: fileName, limit: MAX_ATTACHMENT_BYTES / 1048576 },
    })
  }
  const dir = attachmentsDir(projectPath)
  const safe = safeFileName(fileName)
  const ext = extname(safe)
  const stem = safe.slice(0, safe.length - ext.length)
  function* names(): Generator<string> {
    for (let n = 1; n < 1000; n++) yield n === 1 ? safe : `${stem} (${n})${ext}`
  }
  const target = await createFileExclusive(dir, names(), data)
  if (target === null)
    throw new AppError('ALREADY_EXISTS', `Too many attachments named "${safe}"; rename the file and attach it again.`, {
      key: 'attachment.namesTaken',
      params: { name: safe },
    })
  return relative(dirname(projectPath), target).split(sep).join('/')
}

/** The absolute path of a stored attachment, only if it lies inside the project's attachments folder. */
export function attachmentPath(projectPath: string, attachment: string): string {
  const dir = attachmentsDir(projectPath)
  const full = join(dirname(projectPath), attachment)
  const inside = relative(dir, full)
  if (!attachment || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new AppError('FORBIDDEN', `The attachment "${attachment}" is not in this project's attachments folder.`, {
      key: 'attachment.outside',
      params: { file: attachment },
    })
  }
  return full
}

import { createHash } from 'node:crypto'
import { AppError } from '@domain/errors'
import { addSource, attachSource, deleteSource, detachSource, setSourceAttachment, updateSource } from '@domain/project/ops'
import { attachmentPath, saveAttachment } from '../attachments'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function sourceHandlers({
  ctx,
  store,
  edit,
  openProject,
}: Engine): HandlersFor<
  'source:add' | 'source:update' | 'source:delete' | 'source:attach' | 'source:detach' | 'source:attachFile' | 'source:openAttachment'
> {
  return {
    'source:add': ({ path, claimId, fields }) => edit(path, 'source.add', (p, c) => addSource(p, { fields, claimId }, c)),
    'source:update': ({ path, id, fields }) => edit(path, 'source.edit', (p, c) => updateSource(p, { id, fields }, c)),
    'source:delete': ({ path, id }) => edit(path, 'source.delete', (p, c) => deleteSource(p, { id }, c)),
    'source:attach': ({ path, claimId, sourceId }) => edit(path, 'source.cite', (p, c) => attachSource(p, { claimId, sourceId }, c)),
    'source:detach': ({ path, claimId, sourceId }) => edit(path, 'source.uncite', (p, c) => detachSource(p, { claimId, sourceId }, c)),
    'source:attachFile': async ({ path, sourceId, fileName, dataBase64 }) => {
      if (!openProject(path).sources.some((s) => s.id === sourceId))
        throw new AppError('NOT_FOUND', `There is no source ${sourceId} in this project.`, {
          key: 'sourceNotFound',
          params: { id: sourceId },
        })
      const bytes = Buffer.from(dataBase64, 'base64')
      const attachment = await saveAttachment(path, fileName, bytes)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      return edit(path, 'source.attachFile', (p, c) =>
        setSourceAttachment(p, { id: sourceId, attachment, sha256, bytes: bytes.byteLength }, c),
      )
    },
    'source:openAttachment': async ({ path, sourceId }) => {
      const source = store.peek(path)?.sources.find((s) => s.id === sourceId)
      if (!source?.attachment) throw new AppError('NOT_FOUND', 'This source has no attached file.', { key: 'noAttachment' })
      const file = attachmentPath(path, source.attachment)
      if (!ctx.desktop)
        throw new AppError('UNSUPPORTED', `Opening attached files needs the desktop app. The file is at "${file}".`, {
          key: 'attachmentNeedsDesktop',
          params: { file },
        })
      await ctx.desktop.openPath(file)
      return { opened: true }
    },
  }
}

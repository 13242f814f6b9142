import { AppError } from '@domain/errors'
import { findClaim } from '@domain/project/ops'
import { writeArchive, csvColumns, listArchives, removeArchive, archivePath } from '../memory/archive-files'
import { itemOf, seenItemOf } from '../memory/items'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/** The claim memory: search across the library, "seen before" for a claim, fact-check archives. */
export function memoryHandlers({
  memory,
  openProject,
  projectsDir,
  now,
}: Engine): HandlersFor<
  | 'memory:search'
  | 'memory:status'
  | 'memory:seenBefore'
  | 'memory:checkedBefore'
  | 'memory:archives'
  | 'memory:csvColumns'
  | 'memory:importArchive'
  | 'memory:removeArchive'
> {
  const decode = (fileName: string, dataBase64: string): string => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(dataBase64, 'base64'))
    } catch {
      throw new AppError('INVALID_INPUT', `"${fileName}" is not UTF-8 text; save it as UTF-8 and import it again. Nothing was imported.`, {
        key: 'archive.notUtf8',
        params: { file: fileName },
      })
    }
  }
  return {
    'memory:search': async ({ query, filters, limit }) => {
      const { dir, hits, total } = await memory.search(query, filters, limit)
      return { items: hits.map((h) => ({ ...itemOf(dir, h.record), score: h.score })), total, index: memory.progress }
    },
    'memory:status': async () => {
      await memory.open()
      return memory.progress
    },
    'memory:seenBefore': async ({ path, claimId }) => {
      const project = openProject(path)
      const claim = findClaim(project, claimId)
      const language = project.article.language === 'und' ? null : project.article.language
      const { dir, matches } = await memory.seenBefore(
        { text: claim.text, date: claim.claimDate || project.article.publishedAt || null, speaker: claim.claimant?.name ?? null, language },
        path,
        8,
      )
      return matches.map((m) => seenItemOf(dir, m))
    },
    'memory:checkedBefore': async ({ path }) => {
      const { dir, marks } = await memory.checkedBefore(path)
      return Object.fromEntries(Object.entries(marks).map(([id, seen]) => [id, seenItemOf(dir, seen)]))
    },
    'memory:archives': async () => listArchives(await projectsDir()),
    'memory:csvColumns': ({ fileName, dataBase64 }) => Promise.resolve(csvColumns(fileName, decode(fileName, dataBase64))),
    'memory:importArchive': async ({ fileName, dataBase64, mapping, name }) => {
      const dir = await projectsDir()
      const summary = await writeArchive(
        dir,
        { fileName, content: decode(fileName, dataBase64), ...(mapping ? { mapping } : {}), ...(name ? { name } : {}) },
        now(),
      )
      await memory.refresh(archivePath(dir, summary.file))
      return summary
    },
    'memory:removeArchive': async ({ file }) => {
      const dir = await projectsDir()
      await removeArchive(dir, file)
      await memory.refresh(archivePath(dir, file))
      return { removed: true }
    },
  }
}

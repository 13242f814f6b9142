import { AppError } from '@domain/errors'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/** The projects folder as a whole: listing, recent files, rename, duplicate, trash. */
export function libraryHandlers({
  store,
  library,
  settings,
  projectsDir,
  now,
  author,
  access,
}: Engine): HandlersFor<
  'project:list' | 'project:rename' | 'project:duplicate' | 'project:delete' | 'project:trash' | 'project:restore' | 'project:recent'
> {
  /** Renaming or trashing works on the file, so an open copy is saved and closed first; one that cannot be saved stays open. */
  const ensureClosed = async (path: string): Promise<void> => {
    if (!store.isOpen(path)) return
    const status = await store.flush(path)
    if (status.state === 'error' || status.state === 'conflict') {
      throw new AppError(
        status.state === 'conflict' ? 'CONFLICT' : 'IO',
        `${status.message ?? `Could not save "${path}".`} Nothing was renamed or moved.`,
        { key: status.state === 'conflict' ? 'library.changedOnDisk' : 'library.notSaved', params: { file: path } },
      )
    }
    await store.close(path)
  }
  return {
    'project:list': async () => library.list(await projectsDir()),
    'project:rename': async ({ path, title }) => {
      await access.check(path)
      await ensureClosed(path)
      const summary = await library.rename(path, title, now(), await author())
      await settings.replaceRecent(path, summary.path)
      return summary
    },
    'project:duplicate': async ({ path }) => {
      await access.check(path)
      return library.duplicate(path, now(), await author())
    },
    'project:delete': async ({ path }) => {
      await access.check(path)
      await ensureClosed(path)
      const trashed = await library.delete(path, now())
      await settings.replaceRecent(path, null)
      return trashed
    },
    'project:trash': async () => library.trash(await projectsDir()),
    'project:restore': async ({ trashPath }) => library.restore(await projectsDir(), trashPath),
    'project:recent': async () => {
      const { recent } = await settings.get()
      const summaries = await Promise.all(recent.map((path) => library.summaryOf(path).catch(() => null)))
      return summaries.filter((s) => s !== null)
    },
  }
}

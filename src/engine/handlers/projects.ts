import { RATING_SCALE_PRESETS } from '@domain/project/rating-scales'
import { setRatingScale, updateArticle } from '@domain/project/ops'
import { dirname } from 'node:path'
import { isWritableFolder } from '../fs/durable'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

/** Opening, saving and editing one project: the open document's life in the project store. */
export function projectHandlers({
  store,
  settings,
  createProject,
  edit,
  step,
  needDesktop,
  author,
  now,
  projectsDir,
  access,
  uiTranslator,
}: Engine): HandlersFor<
  | 'project:create'
  | 'project:open'
  | 'project:close'
  | 'project:awaitSave'
  | 'project:checkDisk'
  | 'project:reload'
  | 'project:takeOver'
  | 'project:restoreRecovery'
  | 'project:discardRecovery'
  | 'project:saveCopy'
  | 'project:updateArticle'
  | 'project:undo'
  | 'project:redo'
  | 'app:chooseProject'
  | 'scale:presets'
  | 'scale:set'
> {
  /** Copies go beside the original, or into the projects folder when the original's folder cannot be written. */
  const copyFolder = async (path: string): Promise<string | undefined> =>
    store.peek(path) && (await isWritableFolder(dirname(path))) ? undefined : projectsDir()
  return {
    'project:create': async (input) => {
      const path = await createProject(input)
      await settings.addRecent(path)
      return store.open(path)
    },
    'project:open': async ({ path }) => {
      if (!store.isOpen(path)) await access.check(path)
      const opened = await store.open(path)
      await settings.addRecent(path)
      return opened
    },
    'project:close': ({ path }) => store.close(path),
    'project:awaitSave': ({ path }) => store.awaitSave(path),
    'project:checkDisk': ({ path }) => store.checkDisk(path),
    'project:reload': ({ path }) => store.reload(path),
    'project:takeOver': async ({ path }) => {
      if (!store.isOpen(path)) await access.check(path)
      return store.open(path, { takeOver: true })
    },
    'project:restoreRecovery': async ({ path }) => {
      const opened = await store.restoreRecovery(path, { author: await author(), at: now().toISOString() }, await copyFolder(path))
      if (opened.path !== path) await settings.addRecent(opened.path)
      return opened
    },
    'project:discardRecovery': ({ path }) => store.discardRecovery(path),
    'project:saveCopy': async ({ path }) => {
      const copy = await store.saveCopy(path, await copyFolder(path))
      await settings.addRecent(copy.path)
      return copy
    },
    'project:updateArticle': ({ path, fields }) => edit(path, 'article.edit', (p, c) => updateArticle(p, { fields }, c)),
    'project:undo': ({ path }) => step(path, 'undo'),
    'project:redo': ({ path }) => step(path, 'redo'),
    'app:chooseProject': async () => {
      const desktop = needDesktop('chooseProject')
      const { t } = await uiTranslator()
      const path = await desktop.chooseOpenFile({
        title: t('nativeDialogs.openProject'),
        filters: [{ name: t('nativeDialogs.projectFiles'), extensions: ['factdesk.json'] }],
      })
      if (path) access.grant(path)
      return { path }
    },
    'scale:presets': () => Promise.resolve(RATING_SCALE_PRESETS.map((scale) => structuredClone(scale))),
    'scale:set': ({ path, scale }) => edit(path, 'scale.set', (p, c) => setRatingScale(p, { scale }, c)),
  }
}

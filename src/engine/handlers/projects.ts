import { RATING_SCALE_PRESETS } from '@domain/project/rating-scales'
import { setRatingScale, updateArticle } from '@domain/project/ops'
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
}: Engine): HandlersFor<
  | 'project:create'
  | 'project:open'
  | 'project:close'
  | 'project:awaitSave'
  | 'project:checkDisk'
  | 'project:reload'
  | 'project:saveCopy'
  | 'project:updateArticle'
  | 'project:undo'
  | 'project:redo'
  | 'app:chooseProject'
  | 'scale:presets'
  | 'scale:set'
> {
  return {
    'project:create': async (input) => {
      const path = await createProject(input)
      await settings.addRecent(path)
      return store.open(path)
    },
    'project:open': async ({ path }) => {
      const opened = await store.open(path)
      await settings.addRecent(path)
      return opened
    },
    'project:close': ({ path }) => store.close(path),
    'project:awaitSave': ({ path }) => store.awaitSave(path),
    'project:checkDisk': ({ path }) => store.checkDisk(path),
    'project:reload': ({ path }) => store.reload(path),
    'project:saveCopy': async ({ path }) => {
      const copy = await store.saveCopy(path)
      await settings.addRecent(copy.path)
      return copy
    },
    'project:updateArticle': ({ path, fields }) => edit(path, 'article.edit', (p, c) => updateArticle(p, { fields }, c)),
    'project:undo': ({ path }) => step(path, 'undo'),
    'project:redo': ({ path }) => step(path, 'redo'),
    'app:chooseProject': async () => {
      const desktop = needDesktop('Choosing a project file with a dialog')
      const path = await desktop.chooseOpenFile({
        title: 'Open a Factdesk project',
        filters: [{ name: 'Factdesk project', extensions: ['factdesk.json'] }],
      })
      return { path }
    },
    'scale:presets': () => Promise.resolve(RATING_SCALE_PRESETS.map((scale) => structuredClone(scale))),
    'scale:set': ({ path, scale }) => edit(path, 'scale.set', (p, c) => setRatingScale(p, { scale }, c)),
  }
}

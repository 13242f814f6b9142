import { checkProjectsFolder } from '../access'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function settingsHandlers({ settings, ctx }: Engine): HandlersFor<'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': async (patch) => {
      if (patch.projectsDir) await checkProjectsFolder(patch.projectsDir, (ctx.platform ?? process.platform) as NodeJS.Platform)
      return settings.update(patch)
    },
  }
}

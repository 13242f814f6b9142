import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function settingsHandlers({ settings }: Engine): HandlersFor<'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
  }
}

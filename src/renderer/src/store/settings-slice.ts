import type { AppInfo, Settings } from '@contract/api'
import { call } from '../api/client'
import { applyLanguage, resolveLanguage } from '../i18n'
import type { AppSlice } from './index'

/** Who and where: the edition and projects folder, and the checker's settings. */
export interface SettingsSlice {
  info: AppInfo | null
  settings: Settings | null
  /** Loads what the first screen needs: the app's info, the settings and the library. */
  boot: () => Promise<void>
  updateSettings: (patch: Partial<Settings>) => Promise<void>
}

export const createSettingsSlice: AppSlice<SettingsSlice> = (set, get) => ({
  info: null,
  settings: null,
  boot: () =>
    get().run(async () => {
      const [info, settings, library] = await Promise.all([call('app:info', {}), call('settings:get', {}), call('project:list', {})])
      applyLanguage(resolveLanguage(settings.language, info.systemLanguage))
      set({ info, settings, library })
    }),
  updateSettings: (patch) =>
    get().run(async () => {
      const settings = await call('settings:set', patch)
      applyLanguage(resolveLanguage(settings.language, get().info?.systemLanguage))
      set({ settings })
    }),
})

import { SCHEMA_VERSION } from '@domain/project/schema'
import { readSample } from '../samples'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function appHandlers({ ctx, projectsDirChoice }: Engine): HandlersFor<'app:info' | 'app:sample'> {
  return {
    'app:info': async () => {
      const choice = await projectsDirChoice()
      return {
        name: 'Factdesk',
        version: ctx.version,
        edition: ctx.edition,
        platform: ctx.platform ?? process.platform,
        projectsDir: choice.dir,
        projectsDirSource: choice.source,
        schemaVersion: SCHEMA_VERSION,
        desktop: ctx.desktop !== undefined,
        ...(ctx.systemLanguage ? { systemLanguage: ctx.systemLanguage } : {}),
      }
    },
    'app:sample': () => readSample(ctx.resourcesDir),
  }
}

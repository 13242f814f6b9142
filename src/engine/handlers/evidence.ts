import { verifyProject } from '../evidence/verify'
import type { Engine } from '../services'
import type { HandlersFor } from './types'

export function evidenceHandlers({ openProject }: Engine): HandlersFor<'evidence:verify'> {
  return {
    // The project as it is open (what the checker sees), its attachments as they are on disk now.
    'evidence:verify': ({ path }) => verifyProject(path, openProject(path)),
  }
}

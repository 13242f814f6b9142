import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { it } from './it'
import { ru } from './ru'
import type { CueLists } from './types'
import { uk } from './uk'

export type { CueKind, CueLists } from './types'

/** Each language's cue lists, one file per language (as the splitter's languages/*.ts). */
export const CUES: Readonly<Record<string, CueLists>> = { en, uk, ru, de, fr, es, it }

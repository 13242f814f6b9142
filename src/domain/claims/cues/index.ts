import { de, deClaimant } from './de'
import { en, enClaimant } from './en'
import { es, esClaimant } from './es'
import { fr, frClaimant } from './fr'
import { it, itClaimant } from './it'
import { ru, ruClaimant } from './ru'
import type { ClaimantWords, CueLists } from './types'
import { uk, ukClaimant } from './uk'

export type { ClaimantWords, CueKind, CueLists } from './types'

/** Each language's cue lists, one file per language (as the splitter's languages/*.ts). */
export const CUES: Readonly<Record<string, CueLists>> = { en, uk, ru, de, fr, es, it }

/** Each language's words for finding who a statement is attributed to. */
export const CLAIMANT_WORDS: Readonly<Record<string, ClaimantWords>> = {
  en: enClaimant,
  uk: ukClaimant,
  ru: ruClaimant,
  de: deClaimant,
  fr: frClaimant,
  es: esClaimant,
  it: itClaimant,
}

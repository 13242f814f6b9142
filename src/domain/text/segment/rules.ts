import { de } from './languages/de'
import { en } from './languages/en'
import { es } from './languages/es'
import { fr } from './languages/fr'
import { it } from './languages/it'
import { bg, cs, da, el, hy, kk, nb, nl, pl, pt, sk, sv } from './languages/others'
import { ru } from './languages/ru'
import type { LanguageData } from './languages/types'
import { uk } from './languages/uk'

/** The scanner's view of a language: the data of languages/*.ts as lookup sets. */
export interface LanguageRules {
  titles: ReadonlySet<string>
  abbreviations: ReadonlySet<string>
  neverEnd: ReadonlySet<string>
  starters: ReadonlySet<string>
  afterNumber: ReadonlySet<string>
  years: ReadonlySet<string>
  listEnds: ReadonlySet<string>
  exclamationNames: ReadonlySet<string>
  extraTerminals: ReadonlySet<number>
  ordinalDot: boolean
  periodEnds: boolean
}

const DATA: Readonly<Record<string, LanguageData>> = { en, de, fr, es, it, ru, uk, da, nb, sv, nl, pt, pl, cs, sk, bg, kk, el, hy }
const ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' }

/** Languages with their own rules; anything else gets the fallback. */
export const SEGMENT_LANGUAGES: readonly string[] = Object.keys(DATA)

/** Written in every language's press: international titles and Latin abbreviations. */
const COMMON: LanguageData = {
  titles: 'Dr Prof Mr Mrs Ms St Mt',
  abbreviations: 'etc ca no nr n° nº № p pp vol fig art tel co inc ltd',
  neverEnd: 'e.g i.e vs cf viz',
  starters: '',
}

const words = (list: string | undefined): string[] => (list ?? '').split(/\s+/).filter(Boolean)
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

function build(parts: readonly LanguageData[], ordinalDot: boolean): LanguageRules {
  const titles = new Set<string>()
  const abbreviations = new Set<string>()
  const neverEnd = new Set<string>()
  const starters = new Set<string>()
  const afterNumber = new Set<string>()
  const years = new Set<string>()
  const listEnds = new Set<string>()
  const exclamationNames = new Set<string>()
  const extraTerminals = new Set<number>()
  for (const part of parts) {
    for (const title of words(part.titles)) {
      titles.add(title)
      titles.add(capitalised(title))
    }
    for (const a of words(part.abbreviations)) abbreviations.add(a.toLowerCase())
    for (const a of words(part.neverEnd)) neverEnd.add(a.toLowerCase())
    for (const s of words(part.starters)) starters.add(s)
    for (const a of words(part.afterNumber)) afterNumber.add(a.toLowerCase())
    for (const a of words(part.years)) years.add(a.toLowerCase())
    for (const a of words(part.listEnds)) listEnds.add(a.toLowerCase())
    for (const s of words(part.exclamationNames)) exclamationNames.add(s)
    for (const c of part.extraTerminals ?? '') extraTerminals.add(c.charCodeAt(0))
  }
  const periodEnds = parts.every((part) => part.periodEnds !== false)
  return {
    titles,
    abbreviations,
    neverEnd,
    starters,
    afterNumber,
    years,
    listEnds,
    exclamationNames,
    extraTerminals,
    ordinalDot,
    periodEnds,
  }
}

const cache = new Map<string, LanguageRules>()

/**
 * The rules for a language code ("en", "uk", "pt-BR"). Unknown languages, and "und", get the union
 * of the Latin- and Cyrillic-script languages' abbreviations: a false "no boundary" after a rare
 * abbreviation costs less than cutting "Dr. Smith" in two.
 */
export function rulesFor(language: string | undefined): LanguageRules {
  const primary = (language ?? 'und').toLowerCase().split(/[-_]/)[0] ?? 'und'
  const code = ALIASES[primary] ?? primary
  const cached = cache.get(code)
  if (cached) return cached
  const data = DATA[code]
  const rules = data
    ? build([data, COMMON], data.ordinalDot === true)
    : build(
        Object.entries(DATA)
          .filter(([key]) => key !== 'hy' && key !== 'el')
          .map(([, value]) => value)
          .concat(COMMON),
        false,
      )
  cache.set(code, rules)
  return rules
}

import { stemmer as stemEnglish } from '@orama/stemmers/english'
import { stemmer as stemFrench } from '@orama/stemmers/french'
import { stemmer as stemGerman } from '@orama/stemmers/german'
import { stemmer as stemItalian } from '@orama/stemmers/italian'
import { stemmer as stemRussian } from '@orama/stemmers/russian'
import { stemmer as stemSpanish } from '@orama/stemmers/spanish'
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian'
import transliterate from '@sindresorhus/transliterate'
import { deu, eng, fra, ita, rus, spa, ukr } from 'stopword'
import { extractNumbers } from './numbers'

// Stemmers: @orama/stemmers (Apache-2.0), the Snowball algorithms for the seven languages Factdesk
// splits, one small module each, no dependencies, kept with Orama. snowball-stemmers (0.6, 2016)
// and natural (no uk, de, fr, it) were the other candidates. Stop words: stopword (MIT).
const STEMMERS: Record<string, (word: string) => string> = {
  en: stemEnglish,
  uk: stemUkrainian,
  ru: stemRussian,
  de: stemGerman,
  fr: stemFrench,
  es: stemSpanish,
  it: stemItalian,
}

const STOP = new Set([
  ...eng,
  ...ukr,
  ...rus,
  ...deu,
  ...fra,
  ...spa,
  ...ita,
  'says',
  'said',
  'claims',
  'claim',
  'that',
  'the',
  'are',
  'was',
  'has',
  'have',
  'will',
])
// Negation changes a claim; it is never a stop word here.
for (const word of ['not', 'no', 'never', 'не', 'ні', 'нет', 'nicht', 'kein', 'ne', 'pas', 'non', 'nunca']) STOP.delete(word)

const UKRAINIAN_LETTERS = /[іїєґ]/
const RUSSIAN_LETTERS = /[ыэъё]/
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN_LANGUAGES = new Set(['en', 'de', 'fr', 'es', 'it'])

/**
 * Which stemmer a word takes: the text's language where its script fits, else guessed from the
 * word's script (a Russian quote in a Ukrainian article, an English name in either).
 */
function stemmerFor(word: string, language: string | undefined): (word: string) => string {
  if (CYRILLIC.test(word)) {
    if (UKRAINIAN_LETTERS.test(word)) return stemUkrainian
    if (RUSSIAN_LETTERS.test(word)) return stemRussian
    return language === 'ru' ? stemRussian : stemUkrainian
  }
  return language && LATIN_LANGUAGES.has(language) ? (STEMMERS[language] ?? stemEnglish) : stemEnglish
}

/** Accents, ß and ё fold away, so "été"/"ete" and "ёлка"/"елка" are one term. */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/й/g, 'и')
}

/** Apostrophes and quote variants: ’ ʼ ` ´ ‘ are one apostrophe, inside words only. */
const APOSTROPHES = /[’ʼ`´‘]/g
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu
/** French and Italian elisions, cut off the word they are joined to: "l'été", "dell'anno". */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|dell|all|dall|nell|sull|un|quell)'(?=\p{L})/u

/**
 * Caches each word's term per language: a library's vocabulary is small and repeats, and the
 * Snowball stemmers, the stop-word test and the folding cost microseconds a word. "" is a word that
 * is no term (a stop word, a bare number).
 */
const termCaches = new Map<string, Map<string, string>>()
const STEM_CACHE_LIMIT = 200_000

function cacheFor(caches: Map<string, Map<string, string>>, language: string | undefined): Map<string, string> {
  const key = language ?? ''
  let cache = caches.get(key)
  if (!cache) caches.set(key, (cache = new Map<string, string>()))
  else if (cache.size >= STEM_CACHE_LIMIT) cache.clear()
  return cache
}

const stemCaches = new Map<string, Map<string, string>>()

function stemOf(word: string, language: string | undefined): string {
  const cache = cacheFor(stemCaches, language)
  let stem = cache.get(word)
  if (stem === undefined) {
    stem = foldAccents(stemmerFor(word, language)(word))
    cache.set(word, stem)
  }
  return stem
}

function termOf(word: string, cache: Map<string, string>, language: string | undefined): string {
  let term = cache.get(word)
  if (term === undefined) {
    // Stemmed here, not through stemOf: its cache would hold the same word → stem a second time.
    term = STOP.has(word) || /^\d+$/.test(word) ? '' : foldAccents(stemmerFor(word, language)(word))
    cache.set(word, term)
  }
  return term
}

/** The words of a text, lower-cased, apostrophes unified and elisions cut, in order. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const match of text.toLowerCase().replace(APOSTROPHES, "'").matchAll(WORD)) {
    const word = match[0]
    out.push(word.includes("'") ? word.replace(ELISION, '').replace(/'/g, '') : word)
  }
  return out
}

/** The terms a text is indexed and searched by: stems of its words that are not stop words. */
export function terms(text: string, language?: string): string[] {
  return remembered('t', text, language, () => {
    const out: string[] = []
    const cache = cacheFor(termCaches, language)
    for (const word of words(text)) {
      const term = termOf(word, cache, language)
      if (term) out.push(term)
    }
    return out
  })
}

/** Numbers join the terms as "#1000", so a figure written any way matches. */
export function numberTerms(text: string): string[] {
  return remembered('n', text, undefined, () => extractNumbers(text).map((key) => `#${key}`))
}

/**
 * The last few texts' results: the library index analyses a check's text for search and the
 * matcher analyses the same text again right after (about a fifth of a build's analysis). Each
 * caller gets its own copy.
 */
const recent = new Map<string, string[]>()
const RECENT_LIMIT = 256

function remembered(kind: string, text: string, language: string | undefined, make: () => string[]): string[] {
  const key = `${kind}\u0000${language ?? ''}\u0000${text}`
  let value = recent.get(key)
  if (!value) {
    if (recent.size >= RECENT_LIMIT) recent.clear()
    recent.set(key, (value = make()))
  }
  return value.slice()
}

/**
 * A name's key across scripts and spellings: transliterated to Latin, then its consonants, once
 * each in a row ("Зеленський", "Зеленский", "Zelensky", "Zelenskyy" → "zlnsk"; "Київ", "Kyiv",
 * "Kiev" → "kv"). The stem of a longer word is taken first, so "Зеленського" keys as "Зеленський"
 * does; a short one is kept whole, since stemmers cut a four-letter name down to two letters.
 */
export function nameKey(word: string, language?: string): string {
  const lower = word.toLowerCase()
  const cache = cacheFor(nameCaches, language)
  const cached = cache.get(lower)
  if (cached !== undefined) return cached
  const latin = transliterate(lower.length >= 6 ? stemOf(lower, language) : lower).toLowerCase()
  const key = latin
    .replace(/[^a-z]/g, '')
    .replace(/ck|q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/[aeiouyjh]/g, '')
    .replace(/(.)\1+/g, '$1')
  cache.set(lower, key)
  return key
}
const nameCaches = new Map<string, Map<string, string>>()

const CAPITALISED = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}'’-]*/gu

/** Keys of the names in a text: capitalised words of four letters or more that are not stop words. */
export function nameKeys(text: string, language?: string): string[] {
  // Trailing spaces find no name: "text " (the matcher's text and empty title) is remembered as "text".
  return remembered('k', text.trimEnd(), language, () => {
    const keys = new Set<string>()
    for (const match of text.matchAll(CAPITALISED)) {
      for (const part of match[0].replace(APOSTROPHES, "'").split('-')) {
        const word = part.toLowerCase().replace(ELISION, '').replace(/'/g, '')
        if (word.length < 4 || STOP.has(word)) continue
        const key = nameKey(word, language)
        if (key.length >= 2) keys.add(key)
      }
    }
    return [...keys]
  })
}

/** A query typed in lower case still finds names: every word of it may be one. */
export function queryNameKeys(text: string, language?: string): string[] {
  const keys = new Set<string>()
  for (const word of words(text)) {
    if (word.length < 4 || STOP.has(word) || /^\d/.test(word)) continue
    const key = nameKey(word, language)
    if (key.length >= 2) keys.add(key)
  }
  return [...keys]
}

/** A search box's words, each as the term it is indexed by and the key it would have as a name. */
export function queryWords(text: string, language?: string): { term: string; name: string | null }[] {
  const out: { term: string; name: string | null }[] = []
  for (const word of words(text)) {
    if (STOP.has(word) || /^\d+$/.test(word)) continue
    const name = word.length >= 4 ? nameKey(word, language) : ''
    out.push({ term: stemOf(word, language), name: name.length >= 2 ? name : null })
  }
  return out
}

/**
 * Empties the per-word caches. A build fills them with its whole vocabulary (up to 200,000 words a
 * language); once it is indexed, a save's few words are quick to analyse again, and the index
 * worker should not hold a library's vocabulary for as long as the app runs.
 */
export function clearAnalysisCaches(): void {
  for (const caches of [termCaches, stemCaches, nameCaches]) caches.clear()
  recent.clear()
}

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js'
import type { Catalogue } from './translator'

/**
 * The pseudo-locale: every English message accented, its vowels doubled, padded to 40% longer (as
 * German or Ukrainian often are) and bracketed, with the ICU arguments left working. Screens in it
 * show text that was never translated (plain ASCII) and text that is clipped (a missing bracket).
 * It is generated from en.json when asked for and never offered to checkers.
 */
export const PSEUDO_LANGUAGE = 'en-XA'

const ACCENTED: Record<string, string> = Object.fromEntries(
  Array.from('abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ', (c, i) => [c, Array.from('ȧƀƈḓḗɠħīķŀƞǿřşŧŭẏẑȦƁƇḒḖƓĦĪĶĿȠǾŘŞŦŬẎẐ')[i] ?? c]),
)
const VOWEL = /[aeiouyAEIOUY]/

function accent(text: string): string {
  let out = ''
  for (const c of text) {
    const shown = ACCENTED[c] ?? c
    out += VOWEL.test(c) ? shown + shown : shown
  }
  return out
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [key, { ...option, value: pseudoElements(option.value) }]),
      )
      return { ...element, options }
    }
    if (element.type === TYPE.tag) return { ...element, children: pseudoElements(element.children) }
    return element
  })
}

/** The printer's declarations carry their own copy of the parser's element types; the elements are the same. */
const print: (elements: MessageFormatElement[]) => string = printAST

/** How much longer than English a pseudo message is, at least: translations often run 30–40% longer. */
const EXPANSION = 1.4

export function pseudoMessage(message: string): string {
  const accented = print(pseudoElements(parse(message)))
  const padding = Math.max(0, Math.ceil(message.length * EXPANSION) - accented.length - 2)
  return `⟦${accented}${'·'.repeat(padding)}⟧`
}

export function pseudoCatalogue(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : pseudoCatalogue(value)]),
  )
}

// Layout characters (tab, line and page breaks) are handled below; every other control character is dropped.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g

/**
 * Tidies article text without changing its words: line endings become "\n", spaces and tabs run
 * together inside a line, lines lose trailing spaces, and paragraphs are separated by exactly one
 * blank line. A form feed (a page break in text exported from PDFs and old word processors) ends a
 * paragraph, a vertical tab (Word's line break in exported text) ends a line, and other control
 * characters, which are never part of an article's words, are dropped. Claims are offsets into
 * this text, so it is normalised once, when a project is made.
 */
export function normalizeArticleText(raw: string): string {
  const paragraphs: string[] = []
  let current: string[] = []
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replaceAll('\v', '\n')
    .replaceAll('\f', '\n\n')
    .replace(CONTROL_CHARACTERS, '')
    .split('\n')
  for (const line of lines) {
    const tidy = line.replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000 ]+/g, ' ').trim()
    if (tidy === '') {
      if (current.length) paragraphs.push(current.join('\n'))
      current = []
    } else {
      current.push(tidy)
    }
  }
  if (current.length) paragraphs.push(current.join('\n'))
  return paragraphs.join('\n\n')
}

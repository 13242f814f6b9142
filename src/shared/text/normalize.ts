/**
 * Tidies article text without changing its words: line endings become "\n", spaces and tabs run
 * together inside a line, lines lose trailing spaces, and paragraphs are separated by exactly one
 * blank line. Claims are offsets into this text, so it is normalised once, when a project is made.
 */
export function normalizeArticleText(raw: string): string {
  const paragraphs: string[] = []
  let current: string[] = []
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
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

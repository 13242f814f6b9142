/**
 * Escaping for the text formats. Hand-written because each is a few lines with a precise contract:
 * the HTML escaper covers text and double-quoted attribute values; the Markdown escaper needs the
 * whole text to know where lines start (block markers such as "-", "#" or "1." only matter there),
 * which character-list packages such as markdown-escape do not consider.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe in HTML text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)
}

/**
 * The URL, normalised, when it is an absolute http(s) URL; null for anything else (javascript:,
 * data:, file:, relative or malformed), which the reports then show as plain text, never as a link.
 */
export function httpUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

const KEEP = 0
const ESCAPE = 1
const DROP = 2
const REFERENCE = 3

/**
 * Characters with inline meaning anywhere in CommonMark and GitHub Markdown: escapes, code,
 * emphasis, table cells, strikethrough, math, and "&" when it would start an entity.
 */
const INLINE_SIGNIFICANT = /[\\`*_|~$]|&(?=#?[0-9A-Za-z]+;)/g

/**
 * Characters that could start a link, an image, raw HTML or an autolink: brackets and angle
 * brackets, the ":" of "http://", the "." of "www." and every "@" (GFM links bare URLs, www.
 * addresses and e-mail addresses). They are written as numeric character references, which every
 * renderer shows as the character and none reads as syntax: a backslash escape is not enough,
 * because marked reads link text a second time with its escapes removed, so `[!\[x\](…)](…)`
 * still became an image there.
 */
const LINK_FORMING = /[[\]<>@]|(?<=[A-Za-z]):(?=\/\/)|(?<=(?:^|[^A-Za-z0-9])www)\./gi

/**
 * Escapes ranges of `text` so that Markdown shows them literally. Leading spaces of a line are
 * dropped (four would start a code block) and a block marker at a line's start (heading, list,
 * setext underline, ordered list "1." or "1)") is backslash-escaped; "<" and ">" are always
 * character references, so no HTML, autolink or blockquote can start. Ranges let the article be escaped piecewise around
 * highlighted claims while line starts are judged on the whole text.
 */
export function markdownEscaper(text: string): (start: number, end: number) => string {
  const flags = new Uint8Array(text.length)
  for (let lineStart = 0; lineStart <= text.length;) {
    let i = lineStart
    while (text.charAt(i) === ' ' || text.charAt(i) === '\t') flags[i++] = DROP
    const marker = /^(?:[#+=-]|\d{1,9}[.)])/.exec(text.slice(i, i + 10))
    if (marker) flags[i + marker[0].length - 1] = ESCAPE
    const newline = text.indexOf('\n', i)
    if (newline === -1) break
    lineStart = newline + 1
  }
  for (const match of text.matchAll(INLINE_SIGNIFICANT)) flags[match.index] = ESCAPE
  for (const match of text.matchAll(LINK_FORMING)) flags[match.index] = REFERENCE
  return (start, end) => {
    let out = ''
    for (let i = start; i < end; i++) {
      const flag = flags[i] ?? KEEP
      if (flag === DROP) continue
      if (flag === REFERENCE) {
        out += `&#${text.charCodeAt(i)};`
        continue
      }
      if (flag === ESCAPE) out += '\\'
      out += text.charAt(i)
    }
    return out
  }
}

/** One line of Markdown showing `text` literally; line breaks and runs of white space become one space. */
export function escapeMarkdownInline(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return markdownEscaper(line)(0, line.length)
}

/**
 * Keeps a block's paragraphs (blank lines) and line breaks (a trailing backslash is CommonMark's
 * hard line break), dropping trailing spaces that would otherwise also break lines.
 */
export function markdownLineBreaks(markdown: string): string {
  const lines = markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
  return lines.map((line, i) => (line !== '' && (lines[i + 1] ?? '') !== '' ? `${line}\\` : line)).join('\n')
}

/** Multi-line text shown literally, its paragraphs and line breaks kept. */
export function escapeMarkdownBlock(text: string): string {
  const trimmed = text.replace(/\r\n?/g, '\n').trim()
  return markdownLineBreaks(markdownEscaper(trimmed)(0, trimmed.length))
}

/** A link destination: the parentheses and backslashes Markdown would read are percent-encoded. */
export function markdownUrl(href: string): string {
  return href.replace(/[()\\<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * A Markdown link for http(s) URLs (an autolink when the text is the URL itself); anything else is
 * shown as escaped plain text.
 */
export function markdownLink(text: string, url: string): string {
  const href = httpUrl(url)
  if (!href) return escapeMarkdownInline(text)
  return text === url ? `<${markdownUrl(href)}>` : `[${escapeMarkdownInline(text)}](${markdownUrl(href)})`
}

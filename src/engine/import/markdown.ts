import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'
import { parse as parseYaml } from 'yaml'
import { htmlParagraphs, parseHtmlFragment } from './dom'
import type { FoundMetadata } from './metadata'

export interface MarkdownArticle {
  paragraphs: string[]
  metadata: FoundMetadata
  warnings: string[]
}

/**
 * Front-matter keys that name each field, as Jekyll, Hugo, Pandoc and web clippers (Obsidian's
 * writes title, source, author, published) spell them.
 */
const FRONT_MATTER_KEYS: Record<keyof FoundMetadata, string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'site', 'site_name', 'publisher', 'publication'],
  author: ['author', 'authors', 'byline', 'creator'],
  url: ['url', 'source', 'link', 'canonical_url', 'canonical'],
  publishedAt: ['published', 'date', 'publishedAt', 'published_at', 'datePublished', 'pubDate'],
  language: ['lang', 'language', 'locale'],
}

function frontMatterText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map(frontMatterText).filter(Boolean).join(', ')
  if (value && typeof value === 'object' && 'name' in value) return frontMatterText(value.name)
  return ''
}

function frontMatterMetadata(yaml: string, warnings: string[]): FoundMetadata {
  let data: unknown
  try {
    data = parseYaml(yaml)
  } catch {
    warnings.push('The front matter at the top of the file is not valid YAML, so its title, author and date were not read.')
    return {}
  }
  if (!data || typeof data !== 'object') return {}
  const fields = data as Record<string, unknown>
  const found: FoundMetadata = {}
  for (const [field, keys] of Object.entries(FRONT_MATTER_KEYS) as [keyof FoundMetadata, string[]][]) {
    for (const key of keys) {
      const text = frontMatterText(fields[key]).trim()
      if (text) {
        found[field] = text
        break
      }
    }
  }
  return found
}

/** Inline content as plain text: emphasis and link markup dropped, link text and code kept. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // A soft line break inside a Markdown paragraph is a space when rendered.
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ')
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      // Inline HTML arrives one tag at a time ("<sup>", "2", "</sup>"), so only a <br> carries meaning.
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : ''
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return ''
    default:
      return 'children' in node ? node.children.map(inlineText).join('') : ''
  }
}

/**
 * A Markdown file as paragraphs, read with micromark (CommonMark plus GitHub's tables,
 * strikethrough, autolinks and footnotes): headings and list items are their own paragraphs,
 * markup is removed, code is kept as text, a table row becomes a line with cells separated by
 * " | ". YAML front matter is metadata, not text.
 */
export function importMarkdown(source: string): MarkdownArticle {
  const tree: Root = fromMarkdown(source, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  })
  const paragraphs: string[] = []
  const warnings: string[] = []
  let metadata: FoundMetadata = {}
  let firstHeading = ''

  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'yaml':
        metadata = frontMatterMetadata(node.value, warnings)
        return
      case 'heading':
      case 'paragraph': {
        const text = inlineText(node)
        if (node.type === 'heading' && node.depth === 1 && !firstHeading) firstHeading = text.trim()
        paragraphs.push(text)
        return
      }
      case 'tableRow':
        paragraphs.push(node.children.map(inlineText).join(' | '))
        return
      case 'code':
        paragraphs.push(node.value)
        return
      case 'html':
        paragraphs.push(...htmlParagraphs(parseHtmlFragment(node.value)))
        return
      case 'definition':
      case 'thematicBreak':
        return
      default:
        if ('children' in node) for (const child of node.children) block(child)
    }
  }
  block(tree)
  return { paragraphs, metadata: { ...metadata, title: metadata.title || firstHeading }, warnings }
}

import { parseHTML } from 'linkedom'

/*
 * The slice of the DOM that the import reads. The main process is compiled without the DOM
 * library (it must not touch browser globals), and linkedom declares its documents with those
 * missing types, so they would arrive as `any`; this keeps the import type-checked instead.
 */
export interface DomNode {
  readonly nodeType: number
  readonly textContent: string | null
  readonly childNodes: Iterable<DomNode>
}

export interface DomElement extends DomNode {
  readonly localName: string
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): Iterable<DomElement>
  remove(): void
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement
  readonly body: DomElement | null
  readonly title: string
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): Iterable<DomElement>
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3
export const COMMENT_NODE = 8

/** Parses HTML without running scripts or loading anything: linkedom has no network or script engine. */
export function parseHtmlDocument(html: string): DomDocument {
  const window: unknown = parseHTML(html)
  return (window as { document: DomDocument }).document
}

/** A piece of HTML (a converter's output, HTML inside Markdown) as the body of a document. */
export function parseHtmlFragment(html: string): DomElement {
  // linkedom only builds <html> and <body> when the markup has them.
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`)
  return document.body ?? document.documentElement
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

function tagSet(tags: string): Set<string> {
  return new Set(tags.trim().split(/\s+/))
}

/** Elements whose content is never article text. */
const SKIPPED = tagSet(`
  script style noscript template head title iframe object embed svg math canvas audio video img picture
  button select input textarea option
`)
/** Page furniture, skipped only when a whole page is read because no article was found in it. */
const PAGE_FURNITURE = tagSet('nav header footer aside menu dialog')
const BLOCKS = tagSet(`
  address article blockquote body caption center dd details div dl dt fieldset figcaption figure form
  h1 h2 h3 h4 h5 h6 hgroup hr html legend li main ol p section summary table tbody tfoot thead ul
  nav header footer aside menu dialog
`)

/**
 * The text of an HTML tree as paragraphs: every block element (paragraph, heading, list item,
 * quotation, caption) is its own paragraph, a <br> is a line break inside one, a table row is one
 * paragraph with its cells separated by " | ", and white space is collapsed as a browser shows it.
 */
export function htmlParagraphs(root: DomNode, options: { skipPageFurniture?: boolean } = {}): string[] {
  const paragraphs: string[] = []
  let current = ''
  let inRow = false
  let cellsInRow = 0

  const flush = (): void => {
    if (current.trim()) paragraphs.push(current)
    current = ''
  }
  const boundary = (): void => {
    if (inRow) current += ' '
    else flush()
  }

  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ')
      return
    }
    if (!isElement(node)) {
      for (const child of node.childNodes) walk(child)
      return
    }
    const tag = node.localName
    if (SKIPPED.has(tag) || node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return
    if (options.skipPageFurniture && PAGE_FURNITURE.has(tag)) return
    if (tag === 'br') {
      current += inRow ? ' ' : '\n'
      return
    }
    if (tag === 'pre' && !inRow) {
      flush()
      current = node.textContent ?? ''
      flush()
      return
    }
    if (tag === 'tr' && !inRow) {
      flush()
      inRow = true
      cellsInRow = 0
      for (const child of node.childNodes) walk(child)
      inRow = false
      flush()
      return
    }
    if ((tag === 'td' || tag === 'th') && inRow) {
      if (cellsInRow++ > 0) current += ' | '
      for (const child of node.childNodes) walk(child)
      return
    }
    const block = BLOCKS.has(tag)
    if (block) boundary()
    for (const child of node.childNodes) walk(child)
    if (block) boundary()
  }

  walk(root)
  flush()
  return paragraphs
}

import { isProbablyReaderable, Readability } from '@mozilla/readability'
import htmlEncodingSniffer from 'html-encoding-sniffer'
import { canDecode } from './decode'
import { COMMENT_NODE, htmlParagraphs, parseHtmlDocument, type DomDocument, type DomNode } from './dom'
import { webUrl, type FoundMetadata } from './metadata'
import { decodeAs, decodeText } from './text-decoding'

export interface HtmlArticle {
  paragraphs: string[]
  metadata: FoundMetadata
  encoding: string
  warnings: string[]
}

/** schema.org types whose properties describe the article itself. */
const ARTICLE_TYPES = new Set(
  [
    'Article NewsArticle AnalysisNewsArticle AskPublicNewsArticle BackgroundNewsArticle OpinionNewsArticle ReportageNewsArticle',
    'ReviewNewsArticle BlogPosting LiveBlogPosting Report ScholarlyArticle SocialMediaPosting',
  ]
    .join(' ')
    .split(' '),
)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function asText(value: Json | undefined): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ')
  if (value && typeof value === 'object') return asText(value.name ?? value['@id'])
  return ''
}

/** The first JSON-LD object typed as an article, looking inside arrays and @graph. */
function jsonLdArticle(document: DomDocument): Record<string, Json> | null {
  const queue: Json[] = []
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      queue.push(JSON.parse(script.textContent ?? '') as Json)
    } catch {
      // A broken JSON-LD block is common on real pages and only means one less source of metadata.
    }
  }
  while (queue.length) {
    const node = queue.shift()
    if (Array.isArray(node)) queue.push(...node)
    else if (node && typeof node === 'object') {
      const types = [node['@type']].flat()
      if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type))) return node
      if (node['@graph']) queue.push(node['@graph'])
    }
  }
  return null
}

function meta(document: DomDocument, ...keys: string[]): string {
  for (const key of keys) {
    const content = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)?.getAttribute('content')
    if (content?.trim()) return content.trim()
  }
  return ''
}

/** Browsers write the page's address into saved pages as `<!-- saved from url=(0042)https://… -->`. */
function savedFromUrl(document: DomDocument): string {
  const visit = (node: DomNode): string => {
    for (const child of node.childNodes) {
      if (child.nodeType === COMMENT_NODE) {
        const match = /saved from url=\(\d+\)(\S+)/.exec(child.textContent ?? '')
        if (match?.[1]) return match[1]
      }
    }
    return ''
  }
  return visit(document) || visit(document.documentElement)
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/** The page's own metadata, read before Readability rewrites the document. */
function pageMetadata(document: DomDocument): FoundMetadata {
  const article = jsonLdArticle(document)
  const pageUrl = webUrl(meta(document, 'og:url')) || webUrl(savedFromUrl(document))
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')
  const ldPage = article?.mainEntityOfPage
  const html = document.documentElement
  return {
    title: asText(article?.headline) || meta(document, 'og:title', 'twitter:title') || collapse(document.title),
    outlet: asText(article?.publisher) || meta(document, 'og:site_name', 'application-name'),
    author: asText(article?.author) || meta(document, 'author', 'article:author', 'dc.creator', 'DC.creator'),
    url:
      webUrl(canonical, pageUrl || undefined) ||
      webUrl(asText(article?.url)) ||
      webUrl(typeof ldPage === 'string' ? ldPage : asText(ldPage)) ||
      pageUrl,
    publishedAt:
      asText(article?.datePublished) ||
      meta(document, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate') ||
      (document.querySelector('article time[datetime], time[pubdate]')?.getAttribute('datetime') ?? ''),
    language:
      html.getAttribute('lang') ||
      html.getAttribute('xml:lang') ||
      asText(article?.inLanguage) ||
      meta(document, 'og:locale') ||
      (document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? ''),
  }
}

/** The charset a saved page declares (BOM or <meta charset>), else UTF-8 or a detected legacy encoding. */
async function decodeHtml(bytes: Uint8Array, name: string): Promise<{ html: string; encoding: string; warnings: string[] }> {
  const declared = htmlEncodingSniffer(bytes, { defaultEncoding: '' })
  const decoded = declared && canDecode(declared) ? decodeAs(bytes, declared, name) : await decodeText(bytes, name)
  return { html: decoded.text, encoding: decoded.encoding, warnings: decoded.warnings }
}

/**
 * Readability's own test for "is this an article" wants about 500 characters in long paragraphs,
 * more than a short news item has; two paragraphs of 150 characters are enough here.
 */
const READERABLE = { minContentLength: 100, minScore: 10 }

function headings(document: DomDocument): string[] {
  return Array.from(document.querySelectorAll('h1'), (heading) => collapse(heading.textContent)).filter(Boolean)
}

/**
 * A saved web page: the main article found by Readability (Firefox's reader view) over a linkedom
 * document, so menus, teasers, comments and footers are left out. Nothing is fetched and no script
 * runs. The headline, which Readability drops from the body because it repeats the title, is put
 * back as the first paragraph, so the text starts where the reader's does. A page that Readability
 * does not take for an article (too little text) is read whole, without its navigation, header,
 * footer and asides, and the checker is told.
 */
export async function importHtml(bytes: Uint8Array, name: string): Promise<HtmlArticle> {
  const { html, encoding, warnings } = await decodeHtml(bytes, name)
  const document = parseHtmlDocument(html)
  const found = pageMetadata(document)
  const h1s = headings(document)
  const readable = isProbablyReaderable(document as never, READERABLE)
    ? new Readability<DomNode>(document as never, { serializer: (node: unknown) => node as DomNode }).parse()
    : null
  let paragraphs = readable?.content ? htmlParagraphs(readable.content) : []
  if (!paragraphs.length) {
    // Readability may have rewritten the document by now, so the page is read from a fresh parse.
    const body = parseHtmlDocument(html).body
    paragraphs = body ? htmlParagraphs(body, { skipPageFurniture: true }) : []
    if (paragraphs.length) {
      warnings.push(
        'The page did not look like an article, so all of its text except menus, headers and footers was imported; remove anything that is not part of the article.',
      )
    }
  }
  const title = readable?.title || found.title
  const headline = h1s.find((h1) => h1.toLowerCase() === collapse(title).toLowerCase())
  if (headline && collapse(paragraphs[0]) !== headline) paragraphs.unshift(headline)
  return {
    paragraphs,
    encoding,
    warnings,
    metadata: {
      ...found,
      title,
      author: readable?.byline || found.author,
      outlet: readable?.siteName || found.outlet,
      publishedAt: readable?.publishedTime || found.publishedAt,
    },
  }
}

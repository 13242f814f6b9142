import JSZip from 'jszip'
import { DOMParser } from 'linkedom'
import mammoth from 'mammoth'
import { AppError } from '@domain/errors'
import { htmlParagraphs, parseHtmlFragment, type DomDocument } from './dom'
import type { FoundMetadata } from './metadata'

export interface DocxArticle {
  paragraphs: string[]
  metadata: FoundMetadata
}

/** Word's Title style becomes a marked heading, so the title can be told from section headings. */
const STYLE_MAP = ["p[style-name='Title'] => h1.document-title:fresh", "p[style-name='Subtitle'] => h2:fresh"]

/** Images are dropped unread: the article's words are wanted, and inlining pictures as base64 costs time. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))

/** Title, author and language from docProps/core.xml, when Word or whoever wrote the file filled them in. */
async function coreProperties(zip: JSZip): Promise<FoundMetadata> {
  const xml = await zip.file('docProps/core.xml')?.async('string')
  if (!xml) return {}
  const core = new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument
  const field = (tag: string): string => core.querySelector(tag.replace(':', '\\:'))?.textContent?.trim() ?? ''
  return { title: field('dc:title'), author: field('dc:creator'), language: field('dc:language') }
}

/**
 * A Word document through mammoth: paragraphs, headings and list items each become a paragraph,
 * line breaks stay line breaks, table rows become rows, footnotes and endnotes follow the text.
 */
export async function importDocx(bytes: Uint8Array, name: string): Promise<DocxArticle> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (error) {
    throw new AppError('INVALID_INPUT', `Cannot import "${name}": it is not a valid Word (.docx) file; it may be damaged.`, {
      cause: error,
      key: 'import.docxDamaged',
      params: { file: name },
    })
  }
  if (!zip.file('word/document.xml')) {
    throw new AppError(
      'UNSUPPORTED',
      `Cannot import "${name}": it is a ZIP archive but not a Word (.docx) document (an OpenDocument, EPUB or other package). Save it as .docx or .pdf and import that.`,
      { key: 'import.zipNotDocx', params: { file: name } },
    )
  }
  let html: string
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, convertImage: NO_IMAGES })).value
  } catch (error) {
    const reason = (error as Error).message
    throw new AppError('INVALID_INPUT', `Cannot import "${name}": the Word document could not be read (${reason}).`, {
      cause: error,
      key: 'import.docxUnreadable',
      params: { file: name, reason },
    })
  }
  const body = parseHtmlFragment(html)
  // The "↑" links back from a footnote to its reference are mammoth's, not the author's.
  for (const link of body.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) link.remove()
  const core = await coreProperties(zip)
  return {
    paragraphs: htmlParagraphs(body),
    metadata: { ...core, title: core.title || body.querySelector('h1.document-title')?.textContent },
  }
}

import type { ArticleSelection } from './ArticleView'
import type { Span } from './highlight'

/** The text node and offset inside it where an article offset lies, for a DOM selection. */
function domPoint(hosts: readonly HTMLElement[], offset: number, edge: 'start' | 'end'): { node: Node; offset: number } | null {
  let lo = 0
  let hi = hosts.length - 1
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (Number(hosts[mid]?.dataset.start) <= offset) lo = mid
    else hi = mid - 1
  }
  let host = hosts[lo]
  if (!host) return null
  let start = Number(host.dataset.start)
  const length = host.textContent.length
  // Between paragraphs: a start goes to the next piece of text, an end stays after the last.
  if (offset > start + length || (edge === 'start' && offset === start + length)) {
    const next = hosts[lo + 1]
    if (edge === 'start' && next) {
      host = next
      start = Number(next.dataset.start)
      offset = start
    } else offset = start + length
  }
  const node = host.firstChild
  return node ? { node, offset: Math.max(0, Math.min(offset - start, node.textContent?.length ?? 0)) } : null
}

/**
 * Selects article text from the keyboard as a mouse would: a real selection, so the page shows it
 * and the selection toolbar, C and B act on it like on one made by dragging.
 */
export function selectArticleText(span: Span): ArticleSelection | null {
  const root = document.querySelector<HTMLElement>('.article-text')
  if (!root) return null
  const hosts = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const from = domPoint(hosts, span.start, 'start')
  const to = domPoint(hosts, span.end, 'end')
  const selection = document.getSelection()
  if (!from || !to || !selection) return null
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  selection.removeAllRanges()
  selection.addRange(range)
  to.node.parentElement?.scrollIntoView({ block: 'nearest' })
  const rect = range.getBoundingClientRect()
  return { ...span, top: rect.top - 40, left: rect.left + rect.width / 2 }
}

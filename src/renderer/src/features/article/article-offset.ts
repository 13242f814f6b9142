/**
 * The article offset of a DOM boundary point inside the rendered article: every piece of text
 * sits in an element carrying its `data-start` offset.
 */
export function articleOffset(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const host = node.parentElement?.closest<HTMLElement>('[data-start]')
    return host ? Number(host.dataset.start) + offset : null
  }
  const children = node.childNodes
  if (offset < children.length) {
    const child = children[offset]
    const host =
      child instanceof HTMLElement ? (child.matches('[data-start]') ? child : child.querySelector<HTMLElement>('[data-start]')) : null
    return host ? Number(host.dataset.start) : child ? articleOffset(child, 0) : null
  }
  const last = node instanceof HTMLElement ? [...node.querySelectorAll<HTMLElement>('[data-start]')].at(-1) : undefined
  return last ? Number(last.dataset.start) + last.textContent.length : null
}

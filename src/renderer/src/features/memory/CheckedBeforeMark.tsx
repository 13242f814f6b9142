import type { SeenBeforeItem } from '@contract/memory'
import { itemOrigin } from './memory-links'

/** A claim's mark in the list when an earlier check covers it closely. */
export function CheckedBeforeMark({ item }: { item: SeenBeforeItem }) {
  const said = `Checked before${item.verdict ? `: ${item.verdict}` : ''} (${itemOrigin(item)})`
  return (
    <span className="checked-before" title={said} aria-label={said}>
      Checked before{item.verdict ? ` · ${item.verdict}` : ''}
    </span>
  )
}

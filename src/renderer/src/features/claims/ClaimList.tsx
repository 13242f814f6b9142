import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef, type CSSProperties } from 'react'
import type { Claim, RatingScale } from '@domain/project/schema'
import { useTranslation } from 'react-i18next'
import { useApp } from '../../store'
import { CheckedBeforeMark } from '../memory/CheckedBeforeMark'
import { AnchorMark } from '../evidence/AnchorMark'
import { useScoreFormat } from './score'

interface ClaimListProps {
  claims: readonly Claim[]
  scale: RatingScale
  selectedId: string | null
  onSelect: (id: string) => void
}

/** A first guess at a row's height; each row is measured once drawn and sized to its text. */
const ESTIMATED_ROW_HEIGHT = 72

/**
 * The claims, virtualized: only the rows in view are in the DOM, so a thousand claims scroll as
 * smoothly as ten. It is one listbox; arrow keys (or J/K) move the selection.
 */
export const ClaimList = memo(function ClaimList({ claims, scale, selectedId, onSelect }: ClaimListProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => claims[index]?.id ?? index,
  })
  const selectedIndex = selectedId ? claims.findIndex((c) => c.id === selectedId) : -1
  const labels = new Map(scale.labels.map((l) => [l.id, l]))
  const { t } = useTranslation()
  const formatScore = useScoreFormat()
  const checkedBefore = useApp((s) => (s.checkedBefore?.path === s.current?.path ? s.checkedBefore?.marks : undefined))

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  if (claims.length === 0) {
    return (
      <p className="claim-list-empty muted" tabIndex={-1}>
        {t('claimList.empty')}
      </p>
    )
  }
  return (
    <div
      ref={scroller}
      className="claim-list"
      role="listbox"
      aria-label={t('claimList.label')}
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `claim-row-${claims[selectedIndex]?.id ?? ''}` : undefined}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const claim = claims[item.index]
          if (!claim) return null
          const label = claim.verdict ? labels.get(claim.verdict) : undefined
          const selected = claim.id === selectedId
          const seenBefore = checkedBefore?.[claim.id]
          return (
            <div
              key={claim.id}
              id={`claim-row-${claim.id}`}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="option"
              aria-selected={selected}
              className={`claim-row claim-row-${claim.status}${selected ? ' selected' : ''}`}
              style={
                {
                  transform: `translateY(${item.start}px)`,
                  '--verdict': label?.color ?? 'transparent',
                } as CSSProperties
              }
              onClick={() => onSelect(claim.id)}
            >
              <span className="claim-row-text" translate="no">
                {claim.text}
              </span>
              <span className="claim-row-meta">
                <span className={`status-pill status-${claim.status}`}>{t(`status.${claim.status}`)}</span>
                {label && (
                  <span className="claim-row-verdict" translate="no">
                    {label.label}
                  </span>
                )}
                {seenBefore && <CheckedBeforeMark item={seenBefore} />}
                <AnchorMark claim={claim} />
                {claim.score !== null && <span className="claim-row-score">{formatScore(claim.score)}</span>}
              </span>
            </div>
          )
        })}
      </div>
    </div>
  )
})

import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react'
import type { Project } from '@domain/project/schema'
import { useTranslation } from 'react-i18next'
import { useApp } from '../../store'
import { articleOffset } from './article-offset'
import { layoutArticle, type Span } from './highlight'

interface ArticleViewProps {
  project: Project
  selectedId: string | null
  onSelectClaim: (id: string) => void
  onSelectionChange: (selection: ArticleSelection | null) => void
}

/** A text selection in the article: its offsets, and where on screen to offer the actions. */
export interface ArticleSelection extends Span {
  top: number
  left: number
}

/** A claim mark's classes, kept out of the JSX: they are CSS names, not text the checker reads. */
function markClasses(status: string, hasVerdict: boolean, overlap: boolean, selected: boolean): string {
  const classes = ['claim-mark', `claim-${status}`]
  if (hasVerdict) classes.push('has-verdict')
  if (overlap) classes.push('claim-overlap')
  if (selected) classes.push('claim-selected')
  return classes.join(' ')
}

/**
 * The article with every claim highlighted in place: colour by verdict, style by status. Text is
 * rendered by React, so nothing in an article is ever interpreted as markup.
 */
export const ArticleView = memo(function ArticleView({ project, selectedId, onSelectClaim, onSelectionChange }: ArticleViewProps) {
  const root = useRef<HTMLDivElement>(null)
  const paragraphs = useMemo(() => layoutArticle(project.article.text, project.claims), [project.article.text, project.claims])
  const colours = useMemo(() => new Map(project.ratingScale.labels.map((l) => [l.id, l.color])), [project.ratingScale])
  const text = project.article.text

  useEffect(() => {
    const onChange = (): void => {
      const selection = document.getSelection()
      const element = root.current
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !element) return onSelectionChange(null)
      const range = selection.getRangeAt(0)
      if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return onSelectionChange(null)
      const start = articleOffset(range.startContainer, range.startOffset)
      const end = articleOffset(range.endContainer, range.endOffset)
      if (start === null || end === null || end <= start || !text.slice(start, end).trim()) return onSelectionChange(null)
      const rect = range.getBoundingClientRect()
      onSelectionChange({ start, end, top: rect.top - 40, left: rect.left + rect.width / 2 })
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [onSelectionChange, text])

  useEffect(() => {
    if (!selectedId) return
    root.current?.querySelector(`[data-claim="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])

  return (
    <div className="article-text" ref={root} lang={project.article.language === 'und' ? undefined : project.article.language}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start}>
          {paragraph.segments.map((segment) => {
            const piece = text.slice(segment.start, segment.end)
            const claim = segment.claim
            if (!claim) {
              return (
                <span key={segment.start} data-start={segment.start}>
                  {piece}
                </span>
              )
            }
            const colour = claim.verdict ? colours.get(claim.verdict) : undefined
            return (
              <mark
                key={segment.start}
                data-start={segment.start}
                data-claim={claim.id}
                className={markClasses(claim.status, Boolean(colour), segment.overlap, claim.id === selectedId)}
                style={colour ? ({ '--verdict': colour } as CSSProperties) : undefined}
                onClick={() => {
                  if (document.getSelection()?.isCollapsed !== false) onSelectClaim(claim.id)
                }}
              >
                {piece}
              </mark>
            )
          })}
        </p>
      ))}
    </div>
  )
})

/** The small bar that appears over a text selection in the article. */
export function SelectionActions({
  selection,
  onMake,
  onSetBoundaries,
}: {
  selection: ArticleSelection
  onMake: () => void
  onSetBoundaries: (() => void) | null
}) {
  const { t } = useTranslation()
  const busy = useApp((s) => s.busy)
  return (
    <div
      className="selection-actions"
      style={{ top: Math.max(selection.top, 48), left: selection.left }}
      role="toolbar"
      aria-label={t('article.selection')}
    >
      <button type="button" className="button-primary" onMouseDown={(e) => e.preventDefault()} onClick={onMake} disabled={busy}>
        {t('article.makeClaim')} <kbd>C</kbd>
      </button>
      {onSetBoundaries && (
        <button
          type="button"
          className="button-secondary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onSetBoundaries}
          disabled={busy}
        >
          {t('article.useAsClaimText')} <kbd>B</kbd>
        </button>
      )}
    </div>
  )
}

import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react'
import type { Project } from '@domain/project/schema'
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
            const classes = ['claim-mark', `claim-${claim.status}`]
            if (colour) classes.push('has-verdict')
            if (segment.overlap) classes.push('claim-overlap')
            if (claim.id === selectedId) classes.push('claim-selected')
            return (
              <mark
                key={segment.start}
                data-start={segment.start}
                data-claim={claim.id}
                className={classes.join(' ')}
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
  const busy = useApp((s) => s.busy)
  return (
    <div
      className="selection-actions"
      style={{ top: Math.max(selection.top, 48), left: selection.left }}
      role="toolbar"
      aria-label="Selection"
    >
      <button type="button" className="button-primary" onMouseDown={(e) => e.preventDefault()} onClick={onMake} disabled={busy}>
        Make claim <kbd>C</kbd>
      </button>
      {onSetBoundaries && (
        <button
          type="button"
          className="button-secondary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onSetBoundaries}
          disabled={busy}
        >
          Use as claim text <kbd>B</kbd>
        </button>
      )}
    </div>
  )
}

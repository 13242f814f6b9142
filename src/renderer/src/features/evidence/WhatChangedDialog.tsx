import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../components/format'
import { diffSegments, diffTexts } from '@domain/anchoring/text-diff'
import type { Project } from '@domain/project/schema'
import { Dialog } from '../../components/Dialog'

/** Marks the claims' text inside a stretch of the new version: each claim as it now stands. */
function withClaims(text: string, start: number, project: Project) {
  const end = start + text.length
  const inside = project.claims.filter((c) => c.start < end && c.end > start).sort((a, b) => a.start - b.start)
  const parts: React.ReactNode[] = []
  let at = start
  for (const claim of inside) {
    const from = Math.max(claim.start, at)
    const to = Math.min(claim.end, end)
    if (from > at) parts.push(text.slice(at - start, from - start))
    if (to > from)
      parts.push(
        <mark key={`${claim.id}-${from}`} className={`changed-claim anchor-${claim.anchor?.state ?? 'unchanged'}`} title={claim.text}>
          {text.slice(from - start, to - start)}
        </mark>,
      )
    at = Math.max(at, to)
  }
  if (at < end) parts.push(text.slice(at - start))
  return parts
}

/** The diff between the article's previous version and the current one, with the claims marked on it and those that are gone listed. */
export function WhatChangedDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation()
  const previous = project.evidence.versions.at(-1)
  const segments = useMemo(
    () => (previous ? diffSegments(diffTexts(previous.text, project.article.text)) : []),
    [previous, project.article.text],
  )
  if (!previous) return null
  const current = previous.number + 1
  return (
    <Dialog title={t('evidence.whatChanged.title', { version: current })} wide onClose={onClose}>
      <p className="muted">{t('evidence.whatChanged.about', { version: previous.number, date: formatDate(previous.replacedAt) })}</p>
      {previous.removedClaims.length > 0 && (
        <section aria-label={t('evidence.whatChanged.goneLabel')}>
          <h3>{t('evidence.whatChanged.gone', { count: previous.removedClaims.length })}</h3>
          <ul>
            {previous.removedClaims.map((claim) => (
              <li key={claim.id}>
                <del>{claim.text}</del>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="what-changed" aria-label={t('evidence.whatChanged.changesLabel')}>
        {segments.map((segment) =>
          segment.op === 'delete' ? (
            <del key={`d${segment.start}`}>{segment.text}</del>
          ) : segment.op === 'insert' ? (
            <ins key={`i${segment.start}`}>{withClaims(segment.text, segment.start, project)}</ins>
          ) : (
            <span key={`e${segment.start}`}>{withClaims(segment.text, segment.start, project)}</span>
          ),
        )}
      </div>
    </Dialog>
  )
}

import { useMemo, useState } from 'react'
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

/** The article's text in a version: an earlier one kept in the project, or the current one (the last number). */
function textOf(project: Project, version: number): string {
  return project.evidence.versions[version - 1]?.text ?? project.article.text
}

/**
 * The word diff between two versions of the article, by default the previous one and the current
 * one; with more than two, a "Compare … with …" pair of selects picks any two. The claims are marked
 * where they now stand, so only on the current version (their places in earlier ones are not kept);
 * the claims gone between the two are listed.
 */
export function WhatChangedDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation()
  const current = project.evidence.versions.length + 1
  const [from, setFrom] = useState(current - 1)
  const [to, setTo] = useState(current)
  const segments = useMemo(() => diffSegments(diffTexts(textOf(project, from), textOf(project, to))), [project, from, to])
  const replaced = project.evidence.versions[from - 1]
  if (!replaced) return null
  const gone = project.evidence.versions.slice(from - 1, to - 1).flatMap((version) => version.removedClaims)
  const onCurrent = to === current
  const mark = (text: string, start: number) => (onCurrent ? withClaims(text, start, project) : text)
  const numbers = Array.from({ length: current }, (_, i) => i + 1)
  const versionName = (number: number) =>
    number === current ? t('evidence.whatChanged.current', { number }) : t('evidence.versions.version', { number })
  return (
    <Dialog
      title={from === to - 1 ? t('evidence.whatChanged.title', { version: to }) : t('evidence.whatChanged.titleBetween', { from, to })}
      wide
      onClose={onClose}
    >
      {current > 2 && (
        <p className="what-changed-compare">
          <label>
            {t('evidence.whatChanged.compare')}{' '}
            <select
              value={from}
              onChange={(event) => {
                const next = Number(event.target.value)
                setFrom(next)
                if (to <= next) setTo(next + 1)
              }}
            >
              {numbers.slice(0, -1).map((number) => (
                <option key={number} value={number}>
                  {versionName(number)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('evidence.whatChanged.with')}{' '}
            <select value={to} onChange={(event) => setTo(Number(event.target.value))}>
              {numbers.slice(from).map((number) => (
                <option key={number} value={number}>
                  {versionName(number)}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <p className="muted">
        {t(onCurrent ? 'evidence.whatChanged.about' : 'evidence.whatChanged.aboutEarlier', {
          version: from,
          date: formatDate(replaced.replacedAt),
        })}
      </p>
      {gone.length > 0 && (
        <section aria-label={t('evidence.whatChanged.goneLabel')}>
          <h3>{t('evidence.whatChanged.gone', { count: gone.length })}</h3>
          <ul>
            {gone.map((claim) => (
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
            <ins key={`i${segment.start}`}>{mark(segment.text, segment.start)}</ins>
          ) : (
            <span key={`e${segment.start}`}>{mark(segment.text, segment.start)}</span>
          ),
        )}
      </div>
    </Dialog>
  )
}

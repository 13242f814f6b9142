import { useRef, useState } from 'react'
import { isPositive } from '@domain/claims/kinds'
import type { Claim } from '@domain/project/schema'
import { useApp } from '../../store'
import { wordStep } from './word-step'
import { useTranslation } from 'react-i18next'

const EDGES = ['start', 'end'] as const

/** The claim's words with the check-worthiness reasons marked in them. */
function ReasonedText({ claim }: { claim: Claim }) {
  const { t } = useTranslation()
  const reasons = claim.reasons
    .filter((r) => isPositive(r.kind) && r.start >= claim.start && r.end <= claim.end)
    .sort((a, b) => a.start - b.start)
  const parts: React.ReactNode[] = []
  let at = claim.start
  for (const reason of reasons) {
    if (reason.start < at) continue
    parts.push(claim.text.slice(at - claim.start, reason.start - claim.start))
    parts.push(
      <mark
        key={reason.start}
        className={`reason-mark reason-${reason.kind}`}
        title={t(`reasons.${reason.kind}`, { defaultValue: reason.kind.replace(/[-_]/g, ' ') })}
      >
        {claim.text.slice(reason.start - claim.start, reason.end - claim.start)}
      </mark>,
    )
    at = reason.end
  }
  parts.push(claim.text.slice(at - claim.start))
  return (
    <blockquote className="claim-text" translate="no">
      {parts}
    </blockquote>
  )
}

/**
 * The claim text, and the boundary tools: split at the caret, and move either edge by a word.
 * The caret lives in a read-only textarea holding exactly the claim text, so its position maps
 * straight to an article offset.
 */
export function ClaimText({ claim, articleText }: { claim: Claim; articleText: string }) {
  const [editing, setEditing] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const edit = useApp((s) => s.edit)
  const busy = useApp((s) => s.busy)
  const { t } = useTranslation()

  if (!editing) {
    return (
      <div className="claim-text-block">
        <ReasonedText claim={claim} />
        <button type="button" className="button-quiet button-small" onClick={() => setEditing(true)}>
          {t('claimText.splitOrAdjust')}
        </button>
      </div>
    )
  }
  const move = (edge: 'start' | 'end', direction: -1 | 1): void => {
    const start = edge === 'start' ? wordStep(articleText, claim.start, direction) : claim.start
    const end = edge === 'end' ? wordStep(articleText, claim.end, direction) : claim.end
    if (end > start) void edit('claim:adjust', { id: claim.id, start, end })
  }
  return (
    <div className="claim-text-block editing">
      <label htmlFor="claim-caret">{t('claimText.caret')}</label>
      <textarea
        id="claim-caret"
        ref={area}
        className="claim-caret"
        readOnly
        value={claim.text}
        rows={Math.min(8, Math.ceil(claim.text.length / 48) + 1)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => {
            const caret = area.current?.selectionStart ?? 0
            void edit('claim:split', { id: claim.id, at: claim.start + caret })
          }}
        >
          {t('claimText.split')}
        </button>
        {EDGES.map((edge) => (
          <span key={edge} className="button-group" role="group" aria-label={t(`claimText.${edge}Group`)}>
            <button
              type="button"
              className="button-secondary"
              aria-label={t(`claimText.${edge}Earlier`)}
              onClick={() => move(edge, -1)}
              disabled={busy}
            >
              ◂
            </button>
            <span className="button-group-label">{t(`claimText.${edge}`)}</span>
            <button
              type="button"
              className="button-secondary"
              aria-label={t(`claimText.${edge}Later`)}
              onClick={() => move(edge, 1)}
              disabled={busy}
            >
              ▸
            </button>
          </span>
        ))}
        <button type="button" className="button-quiet" onClick={() => setEditing(false)}>
          {t('claimText.done')}
        </button>
      </div>
      <p className="hint">{t('claimText.hint', { action: t('article.useAsClaimText') })}</p>
    </div>
  )
}

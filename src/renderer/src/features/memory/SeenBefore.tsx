import { useEffect, useState } from 'react'
import type { SeenBeforeItem } from '@contract/memory'
import type { Claim } from '@domain/project/schema'
import { apiAction } from '../../api/api-action'
import { useApp } from '../../store'
import { itemOrigin, itemRoute } from './memory-links'
import { useTranslation } from 'react-i18next'

/** A claim's text settles this long before it is matched: matching never runs per keystroke. */
const SETTLE_MS = 400

/**
 * "Seen before": the closest earlier checks of this claim, from the team's other projects and the
 * imported archives, matched in the engine's memory worker. One action reuses a check.
 */
export function SeenBefore({ claim }: { claim: Claim }) {
  const path = useApp((s) => s.current?.path)
  const projectsDir = useApp((s) => s.info?.projectsDir ?? '')
  const edit = useApp((s) => s.edit)
  const [found, setFound] = useState<{ key: string; items: SeenBeforeItem[] } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { t } = useTranslation()
  const lookup = `${path ?? ''}\u0000${claim.id}\u0000${claim.text}`

  useEffect(() => {
    if (!path) return
    let live = true
    const timer = setTimeout(() => {
      void apiAction('memory:seenBefore', { path, claimId: claim.id }, { onError: (message) => live && setProblem(message) }).then(
        (items) => {
          if (live && items) {
            setProblem(null)
            setFound({ key: lookup, items })
          }
        },
      )
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [lookup, path, claim.id])

  const items = found?.key === lookup ? found.items : null
  return (
    <section className="seen-before" aria-labelledby="seen-before-heading">
      <h3 id="seen-before-heading">{t('memory.seenBefore')}</h3>
      {problem ? (
        <p className="muted">{problem}</p>
      ) : items === null ? (
        <p className="muted" aria-live="polite">
          {t('memory.looking')}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t('memory.nothingLikeIt')}</p>
      ) : (
        <ul aria-label={t('memory.earlierChecks')}>
          {items.map((item) => {
            const route = itemRoute(item, projectsDir)
            return (
              <li key={item.key} className="seen-item">
                <div className="seen-head">
                  {item.verdict ? (
                    <span className="seen-verdict" translate="no">
                      {item.verdict}
                    </span>
                  ) : (
                    <span className="seen-verdict seen-verdict-none">{t('memory.noVerdict')}</span>
                  )}
                  <span className="seen-origin">{itemOrigin(item, t)}</span>
                </div>
                <p className="seen-text" translate="no">
                  {item.text}
                </p>
                {(item.numbers.length > 0 || item.claimant) && (
                  <p className="seen-why muted">
                    {item.claimant && t('memory.claimant', { name: item.claimant })}
                    {item.numbers.length > 0 && t('memory.sameFigures', { numbers: item.numbers.join(', ') })}
                  </p>
                )}
                <div className="button-row">
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => void edit('claim:reuseCheck', { id: claim.id, from: { key: item.key } })}
                    aria-label={t('memory.reuseNamed', {
                      verdict: item.verdict || t('memory.noVerdictLower'),
                      origin: itemOrigin(item, t),
                    })}
                  >
                    {t('memory.reuse')}
                  </button>
                  {route ? (
                    <a className="button-quiet button-small" href={route}>
                      {t('memory.openClaim')}
                    </a>
                  ) : (
                    item.url && (
                      <a className="button-quiet button-small" href={item.url} target="_blank" rel="noreferrer noopener">
                        {t('memory.openReview')}
                      </a>
                    )
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

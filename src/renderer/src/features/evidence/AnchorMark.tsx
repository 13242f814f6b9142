import type { Claim } from '@domain/project/schema'
import { useTranslation } from 'react-i18next'

/** In the claim list: how the claim was found again in the article's latest version. Unchanged claims stay unmarked. */
export function AnchorMark({ claim }: { claim: Claim }) {
  const { t } = useTranslation()
  if (!claim.anchor || claim.anchor.state === 'unchanged') return null
  return (
    <span className={`anchor-mark anchor-${claim.anchor.state}`} title={t('evidence.anchor.inVersion', { version: claim.anchor.version })}>
      {t(`evidence.anchor.${claim.anchor.state}`)}
    </span>
  )
}

/** In the claim panel: the claim's state in the newest version, and for a changed one its old and new words. */
export function AnchorNote({ claim }: { claim: Claim }) {
  const { t } = useTranslation()
  const { anchor } = claim
  if (!anchor) return null
  return (
    <div className={`anchor-note anchor-${anchor.state}`} role="note">
      <strong>{t('evidence.anchor.stateInVersion', { state: t(`evidence.anchor.${anchor.state}`), version: anchor.version })}</strong>
      {anchor.state === 'moved' && <span> — {t('evidence.anchor.movedNote')}</span>}
      {anchor.state === 'changed' && (
        <>
          <span> — {t('evidence.anchor.changedNote', { percent: Math.round(anchor.similarity * 100) })}</span>
          <div className="anchor-text">
            <span className="muted">{t('evidence.anchor.before')}</span> <del>{anchor.previousText}</del>
          </div>
          <div className="anchor-text">
            <span className="muted">{t('evidence.anchor.now')}</span> <ins>{claim.text}</ins>
          </div>
        </>
      )}
    </div>
  )
}

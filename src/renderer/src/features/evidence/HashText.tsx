import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A SHA-256 shortened to what a reader compares at a glance; the whole of it on hover and on copy. */
export function CopyHash({ hash }: { hash: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = (): void => {
    void navigator.clipboard.writeText(hash).then(
      () => setCopied(true),
      () => setCopied(false),
    )
  }
  return (
    <span className="hash">
      <code title={hash} data-hash={hash}>
        {hash.slice(0, 12)}…
      </code>{' '}
      <button type="button" className="button-link button-small" onClick={copy} aria-label={t('evidence.hash.copyLabel', { hash })}>
        {copied ? t('evidence.hash.copied') : t('evidence.hash.copy')}
      </button>
    </span>
  )
}

import { useTranslation } from 'react-i18next'
import { formatCount } from '../../components/format'
import { useEvidence } from './evidence-store'
import { CopyHash } from './HashText'

/** On a source in the claim panel: its attached file changed or missing since it was attached, as the last check found it. */
export function SourceIntegrity({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation()
  const status = useEvidence((s) => s.latest?.attachments.find((a) => a.sourceId === sourceId))
  if (!status || (status.status !== 'changed' && status.status !== 'missing')) return null
  const name = status.file.split('/').pop()
  return (
    <div className="source-integrity" role="note">
      <strong>{status.status === 'missing' ? t('evidence.integrity.missing', { name }) : t('evidence.integrity.changed', { name })}</strong>
      <div>
        {t('evidence.integrity.expected')} {status.expected ? <CopyHash hash={status.expected} /> : t('evidence.integrity.noneRecorded')}
        {status.expectedBytes !== null &&
          ` · ${t('evidence.integrity.bytes', { count: status.expectedBytes, size: formatCount(status.expectedBytes) })}`}
      </div>
      <div>
        {t('evidence.integrity.found')}{' '}
        {status.found ? (
          <>
            {t('evidence.integrity.sha')} <CopyHash hash={status.found} />
            {status.foundBytes !== null &&
              ` · ${t('evidence.integrity.bytes', { count: status.foundBytes, size: formatCount(status.foundBytes) })}`}
          </>
        ) : (
          <>{t('evidence.integrity.nothingAt', { file: status.file })}</>
        )}
      </div>
    </div>
  )
}

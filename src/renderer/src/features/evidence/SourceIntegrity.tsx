import { useEvidence } from './evidence-store'
import { CopyHash } from './HashText'

/** On a source in the claim panel: its attached file changed or missing since it was attached, as the last check found it. */
export function SourceIntegrity({ sourceId }: { sourceId: string }) {
  const status = useEvidence((s) => s.latest?.attachments.find((a) => a.sourceId === sourceId))
  if (!status || (status.status !== 'changed' && status.status !== 'missing')) return null
  const name = status.file.split('/').pop()
  return (
    <div className="source-integrity" role="note">
      <strong>
        {status.status === 'missing' ? `Attached file missing: ${name}` : `Attached file changed since it was attached: ${name}`}
      </strong>
      <div>
        Expected SHA-256 {status.expected ? <CopyHash hash={status.expected} /> : '(none recorded)'}
        {status.expectedBytes !== null && ` · ${status.expectedBytes.toLocaleString('en')} bytes`}
      </div>
      <div>
        Found{' '}
        {status.found ? (
          <>
            SHA-256 <CopyHash hash={status.found} />
            {status.foundBytes !== null && ` · ${status.foundBytes.toLocaleString('en')} bytes`}
          </>
        ) : (
          <>nothing at “{status.file}” beside the project</>
        )}
      </div>
    </div>
  )
}

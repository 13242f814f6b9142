import { useEffect, useState } from 'react'
import type { OpenedProject } from '@contract/api'
import type { EvidenceCheck, EvidenceReport } from '@domain/evidence/report'
import { Dialog } from '../../components/Dialog'
import { evidenceVerdict, useEvidence, type EvidenceVerdict } from './evidence-store'
import { CopyHash } from './HashText'
import './evidence.css'

const LABELS: Record<EvidenceVerdict, string> = {
  intact: 'History intact',
  'history-changed': 'History changed outside Factdesk',
  'attachments-changed': 'Attached file changed',
  'not-recorded': 'No history chain yet (from the next save on)',
}

const EXPLANATIONS: Record<EvidenceVerdict, string> = {
  intact: 'Every change to this project since its history chain began was made in Factdesk, and every attached file is as it was attached.',
  'history-changed':
    'The project file was edited outside Factdesk: what it holds no longer matches the history Factdesk recorded. Compare with a copy you trust (a case file, a colleague’s copy) before relying on it.',
  'attachments-changed':
    'The history is intact, but an attached file was changed or is missing since it was attached. Each source shows what was expected and what was found.',
  'not-recorded':
    'This project was last saved before Factdesk kept a tamper-evident history. Nothing is wrong: the chain starts with your next change, and from then on any edit outside Factdesk will show here.',
}

const STATUS_WORDS: Record<EvidenceCheck['status'], string> = { intact: 'Intact', broken: 'Not intact', 'not-recorded': 'Not recorded yet' }

/** How long the badge waits after an edit before checking again: hashing a large project takes a moment. */
const RECHECK_MS = 800

function CheckList({ report }: { report: EvidenceReport }) {
  return (
    <ul className="evidence-checks">
      {report.checks.map((check) => (
        <li key={check.id} className={`evidence-check evidence-${check.status}`}>
          <div>
            <span className="evidence-check-status">{STATUS_WORDS[check.status]}</span> <strong>{check.label}</strong>: {check.summary}
          </div>
          {check.details.length > 0 && (
            <ul className="evidence-details">
              {check.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The project's evidence check in the top bar, with each check as `factdesk verify` prints it behind a click. */
export function EvidenceBadge({ opened }: { opened: OpenedProject }) {
  const { path, version } = opened
  const check = useEvidence((s) => s.check)
  const shownPath = useEvidence((s) => s.path)
  const atOpen = useEvidence((s) => s.atOpen)
  const latest = useEvidence((s) => s.latest)
  const error = useEvidence((s) => s.error)
  const fromCase = useEvidence((s) => (s.fromCase?.path === path ? s.fromCase : null))
  const [open, setOpen] = useState(false)

  useEffect(() => {
    void check(path)
  }, [check, path])
  useEffect(() => {
    const timer = setTimeout(() => void check(path), RECHECK_MS)
    return () => clearTimeout(timer)
  }, [check, path, version])

  if (shownPath !== path || !atOpen || !latest) {
    return error ? (
      <span className="evidence-badge evidence-badge-unknown" role="note" title={error}>
        History not checked
      </span>
    ) : null
  }
  const { verdict, sinceOpen } = evidenceVerdict(atOpen, latest)
  const caseBroken = fromCase !== null && !fromCase.report.intact
  return (
    <>
      <button
        type="button"
        className={`evidence-badge evidence-badge-${caseBroken ? 'history-changed' : verdict}`}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title="What was checked"
      >
        {caseBroken ? 'Case file changed after it was written' : LABELS[verdict]}
      </button>
      {open && (
        <Dialog title="Evidence check" onClose={() => setOpen(false)} wide>
          <p className={`evidence-verdict evidence-verdict-${verdict}`} role="status">
            <strong>{LABELS[verdict]}.</strong> {EXPLANATIONS[verdict]}
          </p>
          {sinceOpen ? (
            <>
              <h3>When the project was opened</h3>
              <CheckList report={atOpen} />
              <h3>Now</h3>
              <p className="muted">
                Your edits since opening are recorded on top of what was found, so the checks made now no longer show it; the change is
                still in the file’s past.
              </p>
              <CheckList report={latest} />
            </>
          ) : (
            <CheckList report={latest} />
          )}
          {fromCase && (
            <>
              <h3>The case file it was opened from: {fromCase.fileName}</h3>
              <p className="muted">
                {fromCase.report.intact
                  ? 'Every file in it matched its manifest, and the history ended at the head the manifest quotes.'
                  : 'The case file was changed after it was written: what it holds no longer matches its manifest.'}
              </p>
              <CheckList report={fromCase.report} />
            </>
          )}
          {latest.head && (
            <p className="evidence-head">
              History head (SHA-256, to quote in a report or compare with a case file): <CopyHash hash={latest.head} />
            </p>
          )}
          <p className="muted">
            The same checks as <code>factdesk verify</code> on the project file. They detect changes made outside Factdesk; they do not
            prevent them.
          </p>
        </Dialog>
      )}
    </>
  )
}

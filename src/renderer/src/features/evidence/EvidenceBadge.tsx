import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OpenedProject } from '@contract/api'
import type { EvidenceCheck, EvidenceReport } from '@domain/evidence/report'
import { Dialog } from '../../components/Dialog'
import { evidenceVerdict, useEvidence, type EvidenceVerdict } from './evidence-store'
import { CopyHash } from './HashText'
import './evidence.css'

/** A verdict's catalogue key: `evidence.badge.<key>.label` and `.explanation`. */
const VERDICT_KEYS: Record<EvidenceVerdict, string> = {
  intact: 'intact',
  'history-changed': 'historyChanged',
  'attachments-changed': 'attachmentsChanged',
  'not-recorded': 'notRecorded',
}

const STATUS_KEYS: Record<EvidenceCheck['status'], string> = { intact: 'intact', broken: 'broken', 'not-recorded': 'notRecorded' }

/** A check's name: `evidence.check.<key>`. */
const CHECK_KEYS: Record<EvidenceCheck['id'], string> = {
  'history-chain': 'historyChain',
  'project-state': 'projectState',
  attachments: 'attachments',
  'case-files': 'caseFiles',
  signature: 'signature',
  'history-head': 'historyHead',
}

/** A command line, the same in every language. */
const VERIFY_COMMAND = 'factdesk verify'

/** How long the badge waits after an edit before checking again: hashing a large project takes a moment. */
const RECHECK_MS = 800

function CheckList({ report }: { report: EvidenceReport }) {
  const { t } = useTranslation()
  return (
    <ul className="evidence-checks">
      {report.checks.map((check) => (
        <li key={check.id} className={`evidence-check evidence-${check.status}`}>
          <div>
            <span className="evidence-check-status">{t(`evidence.status.${STATUS_KEYS[check.status]}`)}</span>{' '}
            <strong>{t(`evidence.check.${CHECK_KEYS[check.id]}`)}</strong>:{' '}
            {t(`evidence.finding.${check.finding.code}`, check.finding.values)}
          </div>
          {check.detailFindings.length > 0 && (
            <ul className="evidence-details">
              {check.detailFindings.map((finding, i) => (
                <li key={`${finding.code}-${i}`}>{t(`evidence.finding.${finding.code}`, finding.values)}</li>
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
  const { t } = useTranslation()
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
        {t('evidence.badge.notChecked')}
      </span>
    ) : null
  }
  const { verdict, sinceOpen } = evidenceVerdict(atOpen, latest)
  const caseBroken = fromCase !== null && !fromCase.report.intact
  // Every file as the manifest says, but signed by another key than the one given: not a changed case.
  const onlySignature = caseBroken && fromCase.report.checks.every((check) => check.status !== 'broken' || check.id === 'signature')
  const label = t(`evidence.badge.${VERDICT_KEYS[verdict]}.label`)
  return (
    <>
      <button
        type="button"
        className={`evidence-badge evidence-badge-${caseBroken ? 'history-changed' : verdict}`}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title={t('evidence.badge.whatWasChecked')}
      >
        {onlySignature ? t('evidence.badge.caseSignature') : caseBroken ? t('evidence.badge.caseChanged') : label}
      </button>
      {open && (
        <Dialog title={t('evidence.badge.dialogTitle')} onClose={() => setOpen(false)} wide>
          <p className={`evidence-verdict evidence-verdict-${verdict}`} role="status">
            <strong>{label}.</strong> {t(`evidence.badge.${VERDICT_KEYS[verdict]}.explanation`)}
          </p>
          {sinceOpen ? (
            <>
              <h3>{t('evidence.badge.atOpen')}</h3>
              <CheckList report={atOpen} />
              <h3>{t('evidence.badge.now')}</h3>
              <p className="muted">{t('evidence.badge.sinceOpen')}</p>
              <CheckList report={latest} />
            </>
          ) : (
            <CheckList report={latest} />
          )}
          {fromCase && (
            <>
              <h3>{t('evidence.badge.fromCase', { file: fromCase.fileName })}</h3>
              <p className="muted">
                {fromCase.report.intact
                  ? t('evidence.badge.caseIntact')
                  : onlySignature
                    ? t('evidence.case.signature.fails')
                    : t('evidence.badge.caseBroken')}
              </p>
              <CheckList report={fromCase.report} />
            </>
          )}
          {latest.head && (
            <p className="evidence-head">
              {t('evidence.badge.head')} <CopyHash hash={latest.head} />
            </p>
          )}
          <p className="muted">
            {t('evidence.badge.sameAsVerify')} <code translate="no">{VERIFY_COMMAND}</code>. {t('evidence.badge.detectsOnly')}
          </p>
        </Dialog>
      )}
    </>
  )
}

import type { Claim, Project } from '@domain/project/schema'
import { canMerge, WORKFLOW } from '@domain/project/ops'
import { isPositive } from '@domain/claims/kinds'
import { groupReasons } from '@domain/claims/ranking'
import { useScoreFormat } from './score'
import { textColourOn } from '@domain/report/colour'
import { CommitField } from '../../components/CommitField'
import { formatDateTime } from '../../components/format'
import { useHistoryText } from '../../hooks/useHistoryText'
import type { TFunction } from 'i18next'
import { useApp } from '../../store'
import { SourcesSection } from '../sources/SourcesSection'
import { ClaimConflicts, ClaimTeam } from '../team/ClaimTeam'
import { SeenBefore } from '../memory/SeenBefore'
import { ClaimAttribution } from './ClaimAttribution'
import { ClaimText } from './ClaimText'
import { claimLink, copyText } from './copy-link'
import { useTranslation } from 'react-i18next'
import { AnchorNote } from '../evidence/AnchorMark'

/** A reason's kind as the checker reads it; a kind added to the engine before the catalogue shows its own name. */
function reasonName(kind: string, t: TFunction): string {
  return t(`reasons.${kind}`, { defaultValue: kind.replace(/[-_]/g, ' ') })
}

function VerdictPicker({ claim, project }: { claim: Claim; project: Project }) {
  const edit = useApp((s) => s.edit)
  const { t } = useTranslation()
  return (
    <fieldset className="verdict-picker">
      <legend>{t('claimPanel.verdict')}</legend>
      {project.ratingScale.labels.map((label, i) => {
        const chosen = claim.verdict === label.id
        return (
          <button
            key={label.id}
            type="button"
            className={`verdict-option${chosen ? ' chosen' : ''}`}
            aria-pressed={chosen}
            title={label.description}
            style={
              chosen
                ? { background: label.color, color: textColourOn(label.color), borderColor: label.color }
                : { borderColor: label.color }
            }
            onClick={() => void edit('claim:setVerdict', { id: claim.id, verdict: chosen ? null : label.id })}
          >
            {i < 9 && <kbd>{i + 1}</kbd>}
            <span translate="no">{label.label}</span>
          </button>
        )
      })}
    </fieldset>
  )
}

function StatusPicker({ claim }: { claim: Claim }) {
  const edit = useApp((s) => s.edit)
  const { t } = useTranslation()
  if (claim.status === 'suggested' || claim.status === 'dismissed') {
    return (
      <div className="suggestion-actions">
        <p>{claim.status === 'suggested' ? t('claimPanel.proposed') : t('claimPanel.dismissedByYou')}</p>
        <button type="button" className="button-primary" onClick={() => void edit('claim:accept', { ids: [claim.id] })}>
          {t('claimPanel.accept')} <kbd>A</kbd>
        </button>
        {claim.status === 'suggested' && (
          <button type="button" className="button-secondary" onClick={() => void edit('claim:dismiss', { ids: [claim.id] })}>
            {t('claimPanel.dismiss')} <kbd>D</kbd>
          </button>
        )}
      </div>
    )
  }
  return (
    <fieldset className="status-picker">
      <legend>{t('claimPanel.status')}</legend>
      <div className="segmented">
        {WORKFLOW.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={claim.status === status}
            className={claim.status === status ? 'chosen' : ''}
            onClick={() => void edit('claim:setStatus', { ids: [claim.id], status })}
          >
            {t(`status.${status}`)}
          </button>
        ))}
      </div>
    </fieldset>
  )
}

function ClaimHistory({ claim, project }: { claim: Claim; project: Project }) {
  const entries = project.history.filter((entry) => entry.claimId === claim.id).reverse()
  const { t } = useTranslation()
  const describe = useHistoryText()
  if (entries.length === 0) return null
  return (
    <details className="claim-history">
      <summary>{t('claimPanel.history', { count: entries.length })}</summary>
      <ol>
        {entries.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
            <span className="muted" translate="no">
              {entry.author}
            </span>
            <div>{describe(entry)}</div>
          </li>
        ))}
      </ol>
    </details>
  )
}

/** Puts a link to the claim on the clipboard, one a checker can paste into notes or a chat. */
function CopyLinkButton({ claim }: { claim: Claim }) {
  const notify = useApp((s) => s.notify)
  const { t } = useTranslation()
  const copy = async (): Promise<void> => {
    const { info, current } = useApp.getState()
    if (!info || !current) return
    const link = claimLink({ desktop: info.desktop, projectsDir: info.projectsDir, path: current.path, claimId: claim.id })
    if (await copyText(link)) notify('info', t('claimPanel.linkCopied', { url: link }))
    else notify('error', t('claimPanel.linkNotCopied', { url: link }))
  }
  return (
    <button type="button" className="button-quiet button-small" onClick={() => void copy()}>
      {t('claimPanel.copyLink')}
    </button>
  )
}

/** Everything about the selected claim: text and reasons, verdict, status, rationale, sources, history. */
export function ClaimPanel({ claim, project }: { claim: Claim; project: Project }) {
  const edit = useApp((s) => s.edit)
  const version = useApp((s) => s.current?.version)
  const { t } = useTranslation()
  const formatScore = useScoreFormat()
  const neighbours = project.claims.filter((c) => c.status !== 'dismissed')
  const index = neighbours.findIndex((c) => c.id === claim.id)
  const text = project.article.text
  // Only neighbours with nothing but space between can merge: other text joins a claim only by selection.
  const next = index >= 0 ? neighbours[index + 1] : undefined
  const previous = index > 0 ? neighbours[index - 1] : undefined
  const mergeNext = next && canMerge(text, claim, next) ? next : undefined
  const mergePrevious = previous && canMerge(text, previous, claim) ? previous : undefined
  const inside = claim.reasons.filter((r) => r.start >= claim.start && r.end <= claim.end)
  // Each kind of evidence once, with all its words in the claim ("figure 4.6%, 1.7 billion").
  const grouped = groupReasons(inside)
  const reasons = grouped.filter((group) => isPositive(group.kind))
  const against = grouped.filter((group) => !isPositive(group.kind))

  return (
    <section className="claim-panel" aria-label={t('claimPanel.selected')}>
      <ClaimText key={claim.id} claim={claim} articleText={project.article.text} />
      <ClaimConflicts claim={claim} project={project} />
      {(inside.length > 0 || claim.score !== null) && (
        <div className="reasons">
          <h3>
            {t('claimPanel.why')}
            {claim.score !== null && <span className="score">{t('claimPanel.score', { score: formatScore(claim.score) })}</span>}
          </h3>
          <ul aria-label={t('claimPanel.reasonsFor')}>
            {reasons.map((group) => (
              <li key={group.kind} className={`reason-chip reason-${group.kind}`}>
                <span className="reason-kind">{reasonName(group.kind, t)}</span>{' '}
                <span translate="no">{group.spans.map((span) => span.text).join(', ')}</span>
              </li>
            ))}
          </ul>
          {against.length > 0 && (
            <ul aria-label={t('claimPanel.reasonsAgainst')} className="reasons-against">
              {against.map((group) => (
                <li key={group.kind} className="reason-chip reason-against">
                  <span className="reason-kind">{t('claimPanel.against', { reason: reasonName(group.kind, t) })}</span>{' '}
                  <span translate="no">{group.spans.map((span) => span.text).join(', ')}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <StatusPicker claim={claim} />
      <SeenBefore claim={claim} />
      <AnchorNote claim={claim} />
      <VerdictPicker claim={claim} project={project} />
      <CommitField
        key={`claim-rationale-${claim.id}`}
        id="claim-rationale"
        label={t('claimPanel.rationale')}
        multiline
        rows={5}
        value={claim.rationale}
        placeholder={t('claimPanel.rationaleHint')}
        version={version}
        onCommit={(rationale, base) => void edit('claim:update', { id: claim.id, fields: { rationale } }, { base })}
      />
      <ClaimAttribution key={`attribution-${claim.id}`} claim={claim} project={project} />
      <SourcesSection claim={claim} project={project} />
      <div className="field-pair">
        <div>
          <CommitField
            key={`claim-checker-${claim.id}`}
            id="claim-checker"
            label={t('claimPanel.checker')}
            value={claim.checker}
            version={version}
            onCommit={(checker, base) => void edit('claim:update', { id: claim.id, fields: { checker } }, { base })}
          />
        </div>
      </div>
      <CommitField
        key={`claim-notes-${claim.id}`}
        id="claim-notes"
        label={t('claimPanel.notes')}
        multiline
        value={claim.notes}
        placeholder={t('claimPanel.notesHint')}
        version={version}
        onCommit={(notes, base) => void edit('claim:update', { id: claim.id, fields: { notes } }, { base })}
      />
      <div className="button-row claim-actions">
        <CopyLinkButton claim={claim} />
        {mergePrevious && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void edit('claim:merge', { ids: [mergePrevious.id, claim.id] })}
          >
            {t('claimPanel.mergePrevious')}
          </button>
        )}
        {mergeNext && (
          <button type="button" className="button-secondary" onClick={() => void edit('claim:merge', { ids: [claim.id, mergeNext.id] })}>
            {t('claimPanel.mergeNext')} <kbd>M</kbd>
          </button>
        )}
        {claim.status !== 'dismissed' && claim.status !== 'suggested' && (
          <button type="button" className="button-quiet" onClick={() => void edit('claim:dismiss', { ids: [claim.id] })}>
            {t('claimPanel.dismiss')}
          </button>
        )}
      </div>
      <ClaimTeam key={`team-${claim.id}`} claim={claim} project={project} />
      <ClaimHistory claim={claim} project={project} />
    </section>
  )
}

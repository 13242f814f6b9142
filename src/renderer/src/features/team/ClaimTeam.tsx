import { useRef, useState, type SyntheticEvent } from 'react'
import type { Claim, Person, Project } from '@domain/project/schema'
import { approvalHolds } from '@domain/project/schema'
import { isClaimChecker, personLabel, samePerson } from '@domain/project/team-ops'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'
import { ConflictChoice } from './ConflictChoice'
import { useIdentity } from './identity'
import { useTranslation } from 'react-i18next'

function PersonField({
  label,
  id,
  person,
  onSet,
  me,
}: {
  label: string
  id: string
  person: Person | null
  onSet: (p: Person | null) => void
  me: Person
}) {
  const [draft, setDraft] = useState(person ? personLabel(person) : '')
  const { t } = useTranslation()
  // Enter and then leaving the field must not send the same change twice.
  const sent = useRef(draft)
  const commit = (): void => {
    if (draft === sent.current) return
    sent.current = draft
    const text = draft.trim()
    const match = /^(.*?)\s*<([^>]*)>$/.exec(text)
    const next = !text
      ? null
      : match
        ? { name: match[1] ?? '', email: match[2] ?? '' }
        : text.includes('@')
          ? { name: '', email: text }
          : { name: text, email: '' }
    if (JSON.stringify(next) !== JSON.stringify(person)) onSet(next)
  }
  return (
    <div className="team-person">
      <label htmlFor={id}>{label}</label>
      <div className="team-person-row">
        <input
          id={id}
          value={draft}
          placeholder={t('team.personPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit()
          }}
        />
        {(me.name || me.email) && !samePerson(person, me) && (
          <button
            type="button"
            className="button-quiet button-small"
            onClick={() => {
              setDraft(personLabel(me))
              onSet(me)
            }}
          >
            {t('team.me')}
          </button>
        )}
      </div>
    </div>
  )
}

/** The conflicts a merge recorded on this claim, at the top of the claim panel where the checker sees them first. */
export function ClaimConflicts({ claim, project }: { claim: Claim; project: Project }) {
  const conflicts = project.conflicts.filter((c) => c.key === `claim:${claim.id}` || c.key.startsWith(`claim:${claim.id}.`))
  if (conflicts.length === 0) return null
  return (
    <div className="claim-conflicts">
      {conflicts.map((conflict) => (
        <ConflictChoice key={conflict.key} conflict={conflict} project={project} />
      ))}
    </div>
  )
}

/** Who checks and who reviews the claim, its approval and the comment thread. */
export function ClaimTeam({ claim, project }: { claim: Claim; project: Project }) {
  const edit = useApp((s) => s.edit)
  const me = useIdentity()
  const [comment, setComment] = useState('')
  const { t } = useTranslation()
  const approved = approvalHolds(claim)
  const mine = isClaimChecker(claim, me)
  const send = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (await edit('claim:comment', { id: claim.id, text: comment })) setComment('')
  }
  return (
    <section className="claim-team" aria-label={t('team.label')}>
      <div className="field-pair">
        <PersonField
          key={`assignee-${claim.id}-${JSON.stringify(claim.assignee)}`}
          id="claim-assignee"
          label={t('team.assignee')}
          person={claim.assignee}
          me={me}
          onSet={(assignee) => void edit('claim:assign', { id: claim.id, assignee })}
        />
        <PersonField
          key={`reviewer-${claim.id}-${JSON.stringify(claim.reviewer)}`}
          id="claim-reviewer"
          label={t('team.reviewer')}
          person={claim.reviewer}
          me={me}
          onSet={(reviewer) => void edit('claim:setReviewer', { id: claim.id, reviewer })}
        />
      </div>
      <div className="team-approval" role="status">
        {approved && claim.approval ? (
          <p>
            <span className="status-pill status-done">{t('team.approved')}</span>
            {t('team.approvedBy', { person: personLabel(claim.approval.by) })}
            <time dateTime={claim.approval.at}>{formatDateTime(claim.approval.at)}</time>
          </p>
        ) : (
          <p className="muted">
            {claim.verdict === null
              ? t('team.noVerdictYet')
              : project.team.requireReview
                ? t('team.notApprovedRequired')
                : t('team.notApproved')}
          </p>
        )}
        {approved ? (
          <button type="button" className="button-quiet button-small" onClick={() => void edit('claim:withdrawApproval', { id: claim.id })}>
            {t('team.withdrawApproval')}
          </button>
        ) : (
          claim.verdict !== null && (
            <button
              type="button"
              className="button-secondary button-small"
              disabled={mine}
              title={mine ? t('team.ownClaim') : undefined}
              onClick={() => void edit('claim:approve', { id: claim.id })}
            >
              {t('team.approve')}
            </button>
          )
        )}
      </div>
      <div className="team-comments">
        <h3>{t('team.commentsHeading', { count: claim.comments.filter((c) => !c.withdrawnAt).length })}</h3>
        <ol aria-label={t('team.comments')}>
          {claim.comments.map((c) => (
            <li key={c.id} className={c.withdrawnAt ? 'withdrawn' : undefined}>
              <span className="muted">
                {personLabel(c.author)}, <time dateTime={c.at}>{formatDateTime(c.at)}</time>
                {c.withdrawnAt && t('team.withdrawn')}
              </span>
              <div>{c.text}</div>
              {!c.withdrawnAt && samePerson(c.author, me) && (
                <button
                  type="button"
                  className="button-link button-small"
                  onClick={() => void edit('claim:withdrawComment', { id: claim.id, commentId: c.id })}
                >
                  {t('team.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ol>
        <form onSubmit={(e) => void send(e)} className="team-comment-form">
          <label htmlFor="claim-comment" className="visually-hidden">
            {t('team.addComment')}
          </label>
          <textarea
            id="claim-comment"
            rows={2}
            value={comment}
            placeholder={t('team.commentPlaceholder')}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" className="button-secondary button-small" disabled={!comment.trim()}>
            {t('team.comment')}
          </button>
        </form>
      </div>
    </section>
  )
}

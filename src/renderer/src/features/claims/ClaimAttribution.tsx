import { useState, type SyntheticEvent } from 'react'
import type { Appearance, Claim, Claimant, Project } from '@domain/project/schema'
import { CLAIM_REVIEWED_ADVISED_LENGTH } from '@domain/report/limits'
import { httpUrl } from '@domain/report/escape'
import { CommitField } from '../../components/CommitField'
import { FormActions } from '../../components/FormActions'
import { formatDate } from '../../components/format'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'
import { FormProblem } from '../../components/FormProblem'

const DATE = /^$|^\d{4}(-\d{2}(-\d{2})?)?$/
const EMPTY_APPEARANCE: Appearance = { url: '', title: '', publisher: '', author: '', date: '' }

/**
 * Who made the claim: a person or a body, with their role and a page that identifies them. The
 * name comes first; role, kind and page belong to a named claimant, and clearing the name clears
 * the claimant. Each field is saved on its own and merged into the claimant by the engine, so two
 * fields left quickly one after the other both arrive.
 */
function ClaimantFields({ claim }: { claim: Claim }) {
  const edit = useApp((s) => s.edit)
  const { t } = useTranslation()
  const claimant = claim.claimant
  const save = (patch: Partial<Claimant> | null): void => void edit('claim:update', { id: claim.id, fields: { claimant: patch } })
  const change = (patch: Partial<Claimant>): void => {
    if (claimant) save(patch)
  }
  return (
    <fieldset className="claimant">
      <legend>{t('claimant.legend')}</legend>
      <CommitField
        id="claimant-name"
        label={t('claimant.name')}
        value={claimant?.name ?? ''}
        placeholder={t('claimant.namePlaceholder')}
        onCommit={(name) => save(name.trim() ? { name: name.trim() } : null)}
      />
      <div className="field-pair">
        <div>
          <label htmlFor="claimant-kind">{t('claimant.kind')}</label>
          <select
            id="claimant-kind"
            value={claimant?.kind ?? 'person'}
            disabled={!claimant}
            onChange={(e) => change({ kind: e.target.value as Claimant['kind'] })}
          >
            <option value="person">{t('claimant.person')}</option>
            <option value="organization">{t('claimant.organization')}</option>
          </select>
        </div>
        <div>
          <CommitField
            id="claimant-role"
            label={t('claimant.role')}
            value={claimant?.role ?? ''}
            placeholder={claimant ? t('claimant.rolePlaceholder') : t('claimant.nameFirst')}
            disabled={!claimant}
            onCommit={(role) => change({ role: role.trim() })}
          />
        </div>
      </div>
      <CommitField
        id="claimant-url"
        label={t('claimant.page')}
        value={claimant?.url ?? ''}
        placeholder={t('claimant.pagePlaceholder')}
        disabled={!claimant}
        onCommit={(url) => change({ url: url.trim() })}
      />
      {claimant?.url && !httpUrl(claimant.url) && <p className="form-problem">{t('claimant.pageNotHttp')}</p>}
    </fieldset>
  )
}

function AppearanceForm({ onAdd, onCancel }: { onAdd: (appearance: Appearance) => void; onCancel: () => void }) {
  const [fields, setFields] = useState(EMPTY_APPEARANCE)
  const [problem, setProblem] = useState<string | null>(null)
  const { t } = useTranslation()
  const set = (key: keyof Appearance) => (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value })
  const submit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (!fields.url.trim() && !fields.title.trim()) return setProblem(t('appearances.urlOrTitle'))
    if (fields.url.trim() && !httpUrl(fields.url.trim())) return setProblem(t('appearances.urlNotHttp'))
    if (!DATE.test(fields.date.trim())) return setProblem(t('claimant.dateFormat'))
    onAdd({ ...fields, date: fields.date.trim() })
  }
  return (
    <form className="appearance-form" onSubmit={submit} aria-label={t('appearances.form')}>
      <label htmlFor="appearance-url">URL</label>
      <input id="appearance-url" type="url" value={fields.url} onChange={set('url')} placeholder="https://" />
      <label htmlFor="appearance-title">{t('appearances.title')}</label>
      <input id="appearance-title" value={fields.title} onChange={set('title')} placeholder={t('appearances.titlePlaceholder')} />
      <div className="field-pair">
        <div>
          <label htmlFor="appearance-publisher">{t('appearances.publisher')}</label>
          <input id="appearance-publisher" value={fields.publisher} onChange={set('publisher')} />
        </div>
        <div>
          <label htmlFor="appearance-date">{t('appearances.date')}</label>
          <input id="appearance-date" value={fields.date} onChange={set('date')} placeholder="2026-11-27" />
        </div>
      </div>
      <label htmlFor="appearance-author">{t('appearances.author')}</label>
      <input id="appearance-author" value={fields.author} onChange={set('author')} />
      <FormProblem problem={problem} />
      <FormActions submitLabel={t('appearances.add')} onCancel={onCancel} />
    </form>
  )
}

/** Where the claim appeared: the article always, and the places the checker adds. */
function Appearances({ claim, project }: { claim: Claim; project: Project }) {
  const edit = useApp((s) => s.edit)
  const [adding, setAdding] = useState(false)
  const { t } = useTranslation()
  const { article } = project
  const save = (appearances: Appearance[]): Promise<unknown> => edit('claim:update', { id: claim.id, fields: { appearances } })
  return (
    <section className="appearances" aria-labelledby="appearances-heading">
      <h3 id="appearances-heading">{t('appearances.heading', { count: claim.appearances.length + 1 })}</h3>
      <ul className="appearance-list">
        <li>
          {article.title ? (
            <span className="appearance-title" translate="no">
              {article.title}
            </span>
          ) : (
            <span className="appearance-title">{t('appearances.thisArticle')}</span>
          )}
          <span className="muted">{article.url ? t('appearances.thisArticleNote') : t('appearances.thisArticleNoUrl')}</span>
        </li>
        {claim.appearances.map((a, i) => (
          <li key={`${a.url}-${a.title}-${i}`}>
            <span className="appearance-title" translate="no">
              {a.title || a.url}
            </span>
            <span className="muted"> {[a.publisher, a.author, a.date && formatDate(a.date)].filter(Boolean).join(' · ')}</span>
            <button
              type="button"
              className="button-quiet button-small"
              aria-label={t('appearances.removeNamed', { title: a.title || a.url })}
              onClick={() => void save(claim.appearances.filter((_, j) => j !== i))}
            >
              {t('appearances.remove')}
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <AppearanceForm
          onCancel={() => setAdding(false)}
          onAdd={(appearance) => void save([...claim.appearances, appearance]).then(() => setAdding(false))}
        />
      ) : (
        <button type="button" className="button-secondary button-small" onClick={() => setAdding(true)}>
          {t('appearances.add')}
        </button>
      )}
    </section>
  )
}

/** What ClaimReview publishes about the claim besides the verdict: who, when, where, and the short statement. */
export function ClaimAttribution({ claim, project }: { claim: Claim; project: Project }) {
  const edit = useApp((s) => s.edit)
  const { t } = useTranslation()
  const statement = claim.claimReviewed || claim.text
  const articleDate = project.article.publishedAt
  return (
    <div className="claim-attribution">
      <ClaimantFields claim={claim} />
      <CommitField
        id="claim-date"
        label={t('claimant.date')}
        value={claim.claimDate}
        placeholder={articleDate ? t('claimant.datePlaceholder', { date: articleDate }) : '2026-11-27'}
        validate={(value) => (DATE.test(value.trim()) ? null : t('claimant.dateFormat'))}
        onCommit={(claimDate) => void edit('claim:update', { id: claim.id, fields: { claimDate: claimDate.trim() } })}
      />
      <CommitField
        id="claim-reviewed"
        label={t('claimant.statement')}
        multiline
        rows={2}
        value={claim.claimReviewed}
        placeholder={claim.text}
        onCommit={(claimReviewed) => void edit('claim:update', { id: claim.id, fields: { claimReviewed: claimReviewed.trim() } })}
      />
      <p className={statement.length > CLAIM_REVIEWED_ADVISED_LENGTH ? 'hint hint-warn' : 'hint'} id="claim-reviewed-hint">
        {statement.length > CLAIM_REVIEWED_ADVISED_LENGTH
          ? t('claimant.statementTooLong', { count: statement.length, limit: CLAIM_REVIEWED_ADVISED_LENGTH })
          : t('claimant.statementLength', { count: statement.length })}
      </p>
      <Appearances claim={claim} project={project} />
    </div>
  )
}

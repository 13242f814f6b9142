import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Claim, Project, Source } from '@domain/project/schema'
import type { SourceFields } from '@domain/project/ops'
import { apiAction } from '../../api/api-action'
import { fileToBase64 } from '../../api/base64'
import { MAX_ATTACHMENT_BYTES } from '@contract/uploads'
import { httpUrl } from '@domain/report/escape'
import { formatDate } from '../../components/format'
import { useApp } from '../../store'
import { EMPTY_SOURCE, sourceFields } from './empty-source'
import { SourceForm } from './SourceForm'
import { SourceIntegrity } from '../evidence/SourceIntegrity'

function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  const url = httpUrl(href)
  if (!url) return <span>{children}</span>
  // The shell hands target=_blank links to the system browser; nothing opens inside the app.
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  )
}

function SourceCard({
  source,
  onEdit,
  onDetach,
  onOpenFile,
}: {
  source: Source
  onEdit: () => void
  onDetach: () => void
  onOpenFile: () => void
}) {
  const { t } = useTranslation()
  const name = source.title || source.url
  const when = [source.date && formatDate(source.date), source.accessedAt && t('sources.accessed', { date: formatDate(source.accessedAt) })]
    .filter(Boolean)
    .join(' · ')
  return (
    <li className="source-card">
      {/* The title, publisher, excerpt and note are the checker's own words, left as written. */}
      <div className="source-title" translate={name ? 'no' : undefined}>
        <ExternalLink href={source.url}>{name || t('sources.untitled')}</ExternalLink>
      </div>
      <div className="source-meta">
        {source.publisher && <span translate="no">{source.publisher}</span>}
        {source.publisher && when && ' · '}
        {when}
      </div>
      {source.excerpt && (
        <blockquote className="source-excerpt" translate="no">
          {source.excerpt}
        </blockquote>
      )}
      {source.reliability && (
        <div className="source-reliability">
          {t('sources.reliabilityLabel')} <span translate="no">{source.reliability}</span>
        </div>
      )}
      <div className="source-links">
        {source.archiveUrl && <ExternalLink href={source.archiveUrl}>{t('sources.archived')}</ExternalLink>}
        {source.attachment && (
          <button
            type="button"
            className="button-link"
            onClick={onOpenFile}
            title={source.attachmentSha256 ? `SHA-256 ${source.attachmentSha256}` : undefined}
          >
            {t('sources.fileLabel')} <span translate="no">{source.attachment.split('/').pop()}</span>
          </button>
        )}
      </div>
      {source.attachment && <SourceIntegrity sourceId={source.id} />}
      <div className="source-actions">
        <button type="button" className="button-quiet button-small" onClick={onEdit} aria-label={t('sources.editLabel', { name })}>
          {t('sources.edit')}
        </button>
        <button type="button" className="button-quiet button-small" onClick={onDetach} aria-label={t('sources.removeLabel', { name })}>
          {t('sources.remove')}
        </button>
      </div>
    </li>
  )
}

/** The claim's sources: add one, reuse one already in the project, attach a file, edit, remove. */
export function SourcesSection({ claim, project }: { claim: Claim; project: Project }) {
  const { t } = useTranslation()
  const edit = useApp((s) => s.edit)
  const notify = useApp((s) => s.notify)
  const [form, setForm] = useState<{ mode: 'add' } | { mode: 'edit'; source: Source } | null>(null)
  const cited = claim.sourceIds.map((id) => project.sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined)
  const others = project.sources.filter((s) => !claim.sourceIds.includes(s.id))

  const attachFile = async (sourceId: string, file: File | null): Promise<void> => {
    if (!file) return
    const dataBase64 = await useApp.getState().attempt(() => fileToBase64(file, MAX_ATTACHMENT_BYTES))
    if (dataBase64 !== undefined) await edit('source:attachFile', { sourceId, fileName: file.name, dataBase64 })
  }
  const submit = async (fields: SourceFields, file: File | null): Promise<void> => {
    if (form?.mode === 'edit') {
      const edited = await edit('source:update', { id: form.source.id, fields })
      if (edited) await attachFile(form.source.id, file)
    } else {
      const edited = await edit('source:add', { claimId: claim.id, fields })
      const added = edited?.project.sources.at(-1)
      if (added) await attachFile(added.id, file)
    }
    setForm(null)
  }
  const openFile = (source: Source): void => {
    // Not an error in Factdesk: the system has no application for the file, or it is gone.
    void apiAction(
      'source:openAttachment',
      { path: useApp.getState().current?.path ?? '', sourceId: source.id },
      { onError: (message) => notify('info', message) },
    )
  }

  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h3 id="sources-heading">{t('sources.heading', { count: cited.length })}</h3>
      {cited.length > 0 && (
        <ul className="source-list">
          {cited.map((source) => (
            <SourceCard
              key={source.id}
              source={source}
              onEdit={() => setForm({ mode: 'edit', source })}
              onDetach={() => void edit('source:detach', { claimId: claim.id, sourceId: source.id })}
              onOpenFile={() => openFile(source)}
            />
          ))}
        </ul>
      )}
      {form ? (
        <SourceForm
          key={form.mode === 'edit' ? form.source.id : 'new'}
          initial={form.mode === 'edit' ? sourceFields(form.source) : EMPTY_SOURCE}
          submitLabel={form.mode === 'edit' ? t('sources.save') : t('sources.add')}
          onSubmit={(fields, file) => void submit(fields, file)}
          onCancel={() => setForm(null)}
          {...(form.mode === 'edit'
            ? {
                onDelete: () => {
                  void edit('source:delete', { id: form.source.id })
                  setForm(null)
                },
              }
            : {})}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => setForm({ mode: 'add' })}>
            {t('sources.add')}
          </button>
          {others.length > 0 && (
            <select
              aria-label={t('sources.cite')}
              value=""
              onChange={(e) => e.target.value && void edit('source:attach', { claimId: claim.id, sourceId: e.target.value })}
            >
              <option value="">{t('sources.citeOption')}</option>
              {others.map((s) => (
                <option key={s.id} value={s.id} translate="no">
                  {s.title || s.url}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </section>
  )
}

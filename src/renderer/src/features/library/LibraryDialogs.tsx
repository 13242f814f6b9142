import { useEffect, useState, type SyntheticEvent } from 'react'
import type { ProjectSummary, Settings, TrashedProject } from '@contract/api'
import { apiAction } from '../../api/api-action'
import { Dialog } from '../../components/Dialog'
import { formatDateTime } from '../../components/format'
import { useApp } from '../../store'
import { FormActions } from '../../components/FormActions'
import { languageName } from '@contract/i18n/translator'
import { applyLanguage, LANGUAGES, resolveLanguage } from '../../i18n'
import { useGitIdentity } from '../team/identity'
import { useTranslation } from 'react-i18next'

export function RenameDialog({ summary, onClose }: { summary: ProjectSummary; onClose: () => void }) {
  const [title, setTitle] = useState(summary.title)
  const renameProject = useApp((s) => s.renameProject)
  const { t } = useTranslation()
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (await renameProject(summary, title)) onClose()
  }
  return (
    <Dialog title={t('rename.title')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="rename-title">{t('rename.field')}</label>
        <input id="rename-title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        <p className="hint">{t('rename.hint')}</p>
        <FormActions submitLabel={t('rename.submit')} onCancel={onClose} disabled={!title.trim()} />
      </form>
    </Dialog>
  )
}

export function TrashDialog({ onClose }: { onClose: () => void }) {
  const [items, setItems] = useState<TrashedProject[] | null>(null)
  const refreshLibrary = useApp((s) => s.refreshLibrary)
  const notify = useApp((s) => s.notify)
  const { t } = useTranslation()
  useEffect(() => {
    void apiAction('project:trash', {}).then((trashed) => trashed && setItems(trashed))
  }, [])
  const restore = async (item: TrashedProject): Promise<void> => {
    if (!(await apiAction('project:restore', { trashPath: item.trashPath }))) return
    setItems((list) => list?.filter((i) => i.trashPath !== item.trashPath) ?? null)
    await refreshLibrary()
    notify('info', t('trash.restored', { title: item.title }))
  }
  return (
    <Dialog title={t('trash.title')} onClose={onClose}>
      {items === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('trash.empty')}</p>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.trashPath}>
              <span>
                <strong translate="no">{item.title}</strong>
                <span className="muted">{t('trash.deleted', { date: formatDateTime(item.deletedAt) })}</span>
              </span>
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => void restore(item)}
                aria-label={t('trash.restoreProject', { title: item.title })}
              >
                {t('trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('trash.hint')}</p>
    </Dialog>
  )
}

/** Who the checker is (history, claims) and which organisation publishes (ClaimReview author). */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useApp((s) => s.settings)
  const info = useApp((s) => s.info)
  const updateSettings = useApp((s) => s.updateSettings)
  const boot = useApp((s) => s.boot)
  const git = useGitIdentity()
  const { t } = useTranslation()
  const [language, setLanguage] = useState(settings?.language ?? '')
  const system = resolveLanguage('', info?.systemLanguage)
  const [draft, setDraft] = useState<
    Pick<Settings, 'checkerName' | 'checkerEmail' | 'organisationName' | 'organisationUrl' | 'projectsDir'>
  >({
    checkerName: settings?.checkerName ?? '',
    checkerEmail: settings?.checkerEmail ?? '',
    organisationName: settings?.organisationName ?? '',
    organisationUrl: settings?.organisationUrl ?? '',
    projectsDir: settings?.projectsDir ?? '',
  })
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    await updateSettings({ ...draft, language })
    await boot()
    onClose()
  }
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value })
  return (
    <Dialog title={t('settings.title')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          value={language}
          onChange={(e) => {
            // Applied at once, so the checker sees the choice; kept only if they save.
            setLanguage(e.target.value)
            applyLanguage(resolveLanguage(e.target.value, info?.systemLanguage))
          }}
        >
          <option value="">{t('settings.languageSystem', { language: languageName(system) })}</option>
          {LANGUAGES.map((tag) => (
            <option key={tag} value={tag} lang={tag}>
              {languageName(tag)}
            </option>
          ))}
        </select>
        <p className="hint">{t('settings.languageHint')}</p>
        <label htmlFor="settings-checker">{t('settings.name')}</label>
        <input id="settings-checker" translate="no" value={draft.checkerName} onChange={set('checkerName')} placeholder={git.name} />
        <label htmlFor="settings-email">{t('settings.email')}</label>
        <input
          id="settings-email"
          type="email"
          translate="no"
          value={draft.checkerEmail}
          onChange={set('checkerEmail')}
          placeholder={git.email}
        />
        {(git.name || git.email) && (!draft.checkerName || !draft.checkerEmail) && (
          <p className="hint">
            {t('settings.gitFallback')} <span translate="no">{[git.name, git.email].filter(Boolean).join(', ')}</span>.{' '}
            <button
              type="button"
              className="button-link"
              onClick={() =>
                setDraft({ ...draft, checkerName: draft.checkerName || git.name, checkerEmail: draft.checkerEmail || git.email })
              }
            >
              {t('settings.useGit')}
            </button>
          </p>
        )}
        <label htmlFor="settings-org">{t('settings.organisation')}</label>
        <input id="settings-org" value={draft.organisationName} onChange={set('organisationName')} />
        <label htmlFor="settings-org-url">{t('settings.organisationUrl')}</label>
        <input id="settings-org-url" type="url" value={draft.organisationUrl} onChange={set('organisationUrl')} placeholder="https://" />
        <label htmlFor="settings-dir">{t('settings.projectsDir')}</label>
        <input
          id="settings-dir"
          value={draft.projectsDir}
          onChange={set('projectsDir')}
          placeholder={info?.projectsDir}
          disabled={info?.projectsDirSource === 'env'}
        />
        <p className="hint">{info?.projectsDirSource === 'env' ? t('settings.projectsDirEnv') : t('settings.projectsDirHint')}</p>
        <FormActions
          submitLabel={t('settings.submit')}
          onCancel={() => {
            applyLanguage(resolveLanguage(settings?.language, info?.systemLanguage))
            onClose()
          }}
        />
      </form>
    </Dialog>
  )
}

import { useEffect, useRef, useState } from 'react'
import type { RenderedExport, Settings } from '@contract/api'
import { defaultSelection, type ReportFormat } from '@domain/report/formats'
import { claimReviewSnippet } from '@domain/report/snippet'
import { apiAction } from '../../api/api-action'
import { CommitField } from '../../components/CommitField'
import { Dialog } from '../../components/Dialog'
import { languageName } from '@contract/i18n/translator'
import { LANGUAGES, uiLanguage } from '../../i18n'
import { useApp } from '../../store'
import { copyText } from '../claims/copy-link'
import { useTranslation } from 'react-i18next'
import { CaseFileExport } from '../evidence/CaseFileExport'
import { FormProblem } from '../../components/FormProblem'

type ClaimChoice = 'all' | 'accepted' | 'done'

const FORMATS: ReportFormat[] = ['html', 'pdf', 'md', 'csv', 'json', 'claimreview', 'annotations']
const CLAIM_CHOICES: { value: ClaimChoice; key: string }[] = [
  { value: 'accepted', key: 'export.claimsAccepted' },
  { value: 'done', key: 'export.claimsDone' },
  { value: 'all', key: 'export.claimsAll' },
]
const PREVIEW_DELAY_MS = 250
const DATE = /^$|^\d{4}-\d{2}-\d{2}$/

function download(report: RenderedExport): void {
  const body = report.encoding === 'base64' ? Uint8Array.from(atob(report.content), (c) => c.charCodeAt(0)) : report.content
  const url = URL.createObjectURL(new Blob([body], { type: report.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = report.fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * What publishing a ClaimReview asks for: the fact check's own address and day (kept with the
 * project, so the next export has them) and the organisation that publishes it (kept in Settings).
 */
function PublishingFields() {
  const edit = useApp((s) => s.edit)
  const publication = useApp((s) => s.current?.project.publication)
  const settings = useApp((s) => s.settings)
  const updateSettings = useApp((s) => s.updateSettings)
  const { t } = useTranslation()
  const setting = (key: keyof Pick<Settings, 'organisationName' | 'organisationUrl' | 'organisationLogo'>) => (value: string) =>
    void updateSettings({ [key]: value.trim() })
  return (
    <fieldset className="publishing">
      <legend>{t('export.publishing')}</legend>
      <CommitField
        id="review-url"
        label={t('export.reviewUrl')}
        value={publication?.reviewUrl ?? ''}
        placeholder={t('export.reviewUrlHint')}
        onCommit={(reviewUrl) => void edit('report:setPublication', { fields: { reviewUrl: reviewUrl.trim() } })}
      />
      <CommitField
        id="review-date"
        label={t('export.publishedOn')}
        value={publication?.publishedAt ?? ''}
        placeholder={new Date().toISOString().slice(0, 10)}
        validate={(value) => (DATE.test(value.trim()) ? null : t('export.dateFormat'))}
        onCommit={(publishedAt) => void edit('report:setPublication', { fields: { publishedAt: publishedAt.trim() } })}
      />
      <CommitField
        id="org-name"
        label={t('export.organisation')}
        value={settings?.organisationName ?? ''}
        placeholder={t('export.organisationHint')}
        onCommit={setting('organisationName')}
      />
      <CommitField
        id="org-url"
        label={t('export.organisationUrl')}
        value={settings?.organisationUrl ?? ''}
        placeholder="https://"
        onCommit={setting('organisationUrl')}
      />
      <CommitField
        id="org-logo"
        label={t('export.organisationLogo')}
        value={settings?.organisationLogo ?? ''}
        placeholder="https://…/logo.png"
        onCommit={setting('organisationLogo')}
      />
    </fieldset>
  )
}

/**
 * Export with a live preview. The HTML report (also what the PDF is printed from) is shown in a
 * sandboxed frame that may not run scripts; text formats are shown as text. The desktop app saves
 * through a native dialog; the browser edition downloads, and prints PDFs with the browser. A
 * ClaimReview is previewed as a draft, with what publishing still needs listed; saving, downloading
 * or copying it is refused by the engine until nothing is missing.
 */
export function ExportDialog({ path, initialFormat, onClose }: { path: string; initialFormat?: ReportFormat; onClose: () => void }) {
  const desktop = useApp((s) => s.info?.desktop === true)
  const notify = useApp((s) => s.notify)
  const projectVersion = useApp((s) => s.current?.project.updatedAt)
  const settings = useApp((s) => s.settings)
  const { t } = useTranslation()
  const [format, setFormat] = useState<ReportFormat>(initialFormat ?? 'html')
  // The report is written for its readers, so its language is chosen apart from the app's.
  const [language, setLanguage] = useState(() => (LANGUAGES.includes(uiLanguage()) ? uiLanguage() : 'en'))
  const [chosenClaims, setChosenClaims] = useState<ClaimChoice | null>(null)
  const [includeArticle, setIncludeArticle] = useState(true)
  const [preview, setPreview] = useState<RenderedExport | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)
  const claims = chosenClaims ?? defaultSelection(format)
  const isClaimReview = format === 'claimreview'
  // The PDF is printed from the HTML report, so that is what its preview shows.
  const previewFormat = format === 'pdf' ? 'html' : format

  useEffect(() => {
    let cancelled = false
    const timer = window.setTimeout(() => {
      void apiAction(
        'report:render',
        { path, format: previewFormat, claims, includeArticle, draft: true, language },
        { onError: (message) => !cancelled && setProblem(message) },
      ).then((report) => {
        if (cancelled || !report) return
        setPreview(report)
        setProblem(null)
      })
    }, PREVIEW_DELAY_MS)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [path, previewFormat, claims, includeArticle, language, projectVersion, settings])

  const save = async (): Promise<void> => {
    const request = { path, format, claims, includeArticle, language }
    // The dialog shows what went wrong next to the preview, where the checker is looking.
    const inPlace = { onError: setProblem }
    setWorking(true)
    try {
      if (desktop) {
        const saved = await apiAction('report:save', request, inPlace)
        if (saved?.path) {
          notify('info', t('export.exported', { path: saved.path }))
          onClose()
        }
      } else if (format === 'pdf') {
        frame.current?.contentWindow?.print()
      } else {
        const report = await apiAction('report:render', request, inPlace)
        if (report) {
          download(report)
          notify('info', t('export.downloaded', { file: report.fileName }))
        }
      }
    } finally {
      setWorking(false)
    }
  }

  const copySnippet = async (): Promise<void> => {
    const report = await apiAction(
      'report:render',
      { path, format: 'claimreview', claims, includeArticle, language },
      { onError: setProblem },
    )
    if (!report) return
    if (await copyText(claimReviewSnippet(report.content))) notify('info', t('export.snippetCopied'))
    else setProblem(t('export.clipboardFailed'))
  }

  const action = desktop ? t('export.save') : format === 'pdf' ? t('export.print') : t('export.download')
  const missing = preview?.missing ?? []
  return (
    <Dialog
      title={t('export.title')}
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {isClaimReview && (
            <button type="button" className="button-secondary" onClick={() => void copySnippet()} disabled={working || !preview}>
              {t('export.copySnippet')}
            </button>
          )}
          <button type="button" className="button-primary" onClick={() => void save()} disabled={working || !preview}>
            {action}
          </button>
        </>
      }
    >
      <div className="export-layout">
        <div className="export-options">
          <fieldset>
            <legend>{t('export.format')}</legend>
            {FORMATS.map((f) => (
              <label key={f} className="choice">
                <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                {t(`formats.${f}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="export-language">{t('export.language')}</label>
          <select id="export-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map((tag) => (
              <option key={tag} value={tag} lang={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
          <label htmlFor="export-claims">{t('export.claims')}</label>
          <select id="export-claims" value={claims} onChange={(e) => setChosenClaims(e.target.value as ClaimChoice)}>
            {CLAIM_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.key)}
              </option>
            ))}
          </select>
          {!isClaimReview && (
            <label className="choice">
              <input type="checkbox" checked={includeArticle} onChange={(e) => setIncludeArticle(e.target.checked)} />
              {t('export.includeArticle')}
            </label>
          )}
          {isClaimReview && <PublishingFields />}
          {isClaimReview && missing.length > 0 && (
            <div className="export-missing" role="group" aria-label={t('export.needed')}>
              <p>{t('export.neededColon')}</p>
              <ul>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          {preview && preview.warnings.length > 0 && (
            <ul className="export-warnings" aria-label={t('export.warnings')}>
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <FormProblem problem={problem} />
          <CaseFileExport path={path} language={language} />
        </div>
        <div className="export-preview" aria-busy={!preview}>
          {preview?.mimeType.startsWith('text/html') ? (
            <iframe
              ref={frame}
              title={t('export.preview')}
              // No scripts ever run in the preview; same-origin only so the browser edition can print it.
              sandbox="allow-same-origin allow-modals"
              srcDoc={preview.content}
            />
          ) : (
            <pre aria-label={t('export.preview')} tabIndex={0}>
              {preview?.content ?? t('export.rendering')}
            </pre>
          )}
        </div>
      </div>
    </Dialog>
  )
}

import { useMemo, useRef, useState, type SyntheticEvent } from 'react'
import type { ImportedFile } from '@contract/api'
import { withoutLines, type RecognisedLine } from '@contract/import'
import { importNoteText } from '@contract/i18n/import-notes'
import { uiLanguage } from '../../language'
import { useApp } from '../../store'
import { FormActions } from '../../components/FormActions'
import { useTranslation } from 'react-i18next'

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf,.zip'

const KIND: Record<RecognisedLine['kind'], string> = {
  headline: 'Headline',
  byline: 'Byline',
  date: 'Date line',
  caption: 'Photo caption',
}

/** What becomes of the line, ticked or not. Kept out of the checkbox's label, which names the line. */
function outcome(line: RecognisedLine, taken: boolean): string {
  if (!taken) return 'stays in the text'
  const fields = [line.fills.title && 'the title', line.fills.author && 'the author', line.fills.publishedAt && 'the published date']
  const filled = fields.filter(Boolean)
  return filled.length ? `becomes ${filled.join(' and ')}` : 'taken out'
}

type Fields = Record<'title' | 'outlet' | 'author' | 'url' | 'publishedAt' | 'language', string>
type Filled = keyof RecognisedLine['fills']

/**
 * The details read from an imported file or a paste, editable before the project is made. The
 * lines recognised around the article (headline, byline, date line, captions) are listed, each
 * ticked to be taken out of the text; a ticked line fills its field where the file left it empty,
 * and unticking it puts the line back and empties the field again unless the checker changed it.
 */
function ImportReview({ imported }: { imported: ImportedFile }) {
  const busy = useApp((s) => s.busy)
  const createProject = useApp((s) => s.createProject)
  const cancelImport = useApp((s) => s.cancelImport)
  const { t } = useTranslation()
  const lines = imported.recognised
  const [taken, setTaken] = useState<boolean[]>(() => lines.map(() => true))
  const [fields, setFields] = useState<Fields>(() => {
    const fill = (field: Filled): string => lines.find((line) => line.fills[field])?.fills[field] ?? ''
    return {
      title: imported.title,
      outlet: imported.outlet,
      author: imported.author || fill('author'),
      url: imported.url,
      publishedAt: imported.publishedAt || fill('publishedAt'),
      language: imported.language,
    }
  })
  const text = useMemo(
    () =>
      withoutLines(
        imported.text,
        lines.filter((_, i) => taken[i]),
      ),
    [imported.text, lines, taken],
  )
  const set = (key: keyof Fields) => (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value })
  const toggle = (index: number): void => {
    const line = lines[index]
    if (!line) return
    const take = !taken[index]
    setTaken(taken.map((value, i) => (i === index ? take : value)))
    const next = { ...fields }
    for (const [field, value] of Object.entries(line.fills) as [Filled, string][]) {
      // The title stays: the headline is still the article's title when it stays in the text too.
      if (take && !next[field]) next[field] = value
      else if (!take && field !== 'title' && next[field] === value && imported[field] !== value) next[field] = ''
    }
    setFields(next)
  }
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    void createProject({ ...fields, language: fields.language.trim().toLowerCase() || 'und', text, origin: imported.origin })
  }
  return (
    <section className="panel new-project" aria-labelledby="import-heading">
      <h2 id="import-heading">
        {imported.fileName ? t('newProject.reviewFrom', { file: imported.fileName }) : t('newProject.reviewPasted')}
      </h2>
      {imported.warnings.length > 0 && (
        <ul className="export-warnings" aria-label={t('newProject.notes')}>
          {imported.warnings.map((w) => (
            <li key={w}>{importNoteText(w, { language: uiLanguage(), t: (key, params) => t(key, params ?? {}) })}</li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        {lines.length > 0 && (
          <fieldset className="recognised-lines">
            <legend>{t('newProject.recognised')}</legend>
            <ul>
              {lines.map((line, i) => (
                <li key={line.start}>
                  <label className="choice">
                    <input type="checkbox" checked={taken[i]} onChange={() => toggle(i)} />
                    <span>
                      <strong>{KIND[line.kind]}</strong> “{imported.text.slice(line.start, line.end)}”
                    </span>
                  </label>
                  <span className="muted">{outcome(line, taken[i] === true)}</span>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <label htmlFor="import-title">{t('newProject.title')}</label>
        <input id="import-title" value={fields.title} onChange={set('title')} />
        <div className="field-pair">
          <div>
            <label htmlFor="import-outlet">{t('newProject.outlet')}</label>
            <input id="import-outlet" value={fields.outlet} onChange={set('outlet')} />
          </div>
          <div>
            <label htmlFor="import-author">{t('newProject.author')}</label>
            <input id="import-author" value={fields.author} onChange={set('author')} />
          </div>
        </div>
        <label htmlFor="import-url">URL</label>
        <input id="import-url" value={fields.url} onChange={set('url')} placeholder="https://" />
        <div className="field-pair">
          <div>
            <label htmlFor="import-date">{t('newProject.published')}</label>
            <input id="import-date" value={fields.publishedAt} onChange={set('publishedAt')} placeholder="2026-11-27" />
          </div>
          <div>
            <label htmlFor="import-language">{t('newProject.language')}</label>
            <input
              id="import-language"
              value={fields.language}
              onChange={set('language')}
              placeholder={t('newProject.languagePlaceholder')}
            />
          </div>
        </div>
        <label htmlFor="import-text">{t('newProject.textLength', { count: text.length })}</label>
        <textarea id="import-text" value={text} readOnly rows={10} />
        <FormActions submitLabel={t('newProject.create')} onCancel={cancelImport} disabled={busy} />
      </form>
    </section>
  )
}

/**
 * A new project from pasted text, or from a file. The title is optional (the headline or first line
 * is used); a paste in which the engine finds a headline, byline, date or captions goes through the
 * review form first, like a file.
 */
export function NewProjectPanel() {
  const busy = useApp((s) => s.busy)
  const importPasted = useApp((s) => s.importPasted)
  const importFile = useApp((s) => s.importFile)
  const pendingImport = useApp((s) => s.pendingImport)
  const notify = useApp((s) => s.notify)
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const picker = useRef<HTMLInputElement>(null)

  if (pendingImport) return <ImportReview key={`${pendingImport.fileName}:${pendingImport.text.length}`} imported={pendingImport} />

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!text.trim()) {
      notify('error', t('newProject.pasteFirst'))
      return
    }
    void importPasted({ title, text })
  }

  return (
    <section className="panel new-project" aria-labelledby="new-heading">
      <h2 id="new-heading">{t('newProject.heading')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="new-title">{t('newProject.title')}</label>
        <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('newProject.headline')} />
        <label htmlFor="new-text">{t('newProject.articleText')}</label>
        <textarea id="new-text" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('newProject.pasteHere')} rows={12} />
        <FormActions submitLabel={t('newProject.create')} disabled={busy} />
      </form>
      <div className="import-zone">
        <p>{t('newProject.orFile')}</p>
        <input
          ref={picker}
          type="file"
          accept={ACCEPT}
          aria-label={t('newProject.chooseFile')}
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void importFile(file)
          }}
        />
        <button type="button" className="button-secondary" onClick={() => picker.current?.click()} disabled={busy}>
          {t('newProject.fromFile')}
        </button>
      </div>
    </section>
  )
}

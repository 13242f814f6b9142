import { useState, type SyntheticEvent } from 'react'
import type { Article } from '@domain/project/schema'
import { Dialog } from '../../components/Dialog'
import { useApp } from '../../store'
import { FormActions } from '../../components/FormActions'
import { useTranslation } from 'react-i18next'

/** Each field with the catalogue keys (`articleDetails.*`) of its label and placeholder, or a placeholder that is only a format. */
const FIELDS: { key: keyof Omit<Article, 'text'>; label: string; placeholder?: { key: string } | { format: string } }[] = [
  { key: 'title', label: 'headline' },
  { key: 'outlet', label: 'outlet', placeholder: { key: 'outletPlaceholder' } },
  { key: 'author', label: 'author' },
  { key: 'url', label: 'url', placeholder: { format: 'https://' } },
  { key: 'publishedAt', label: 'published', placeholder: { format: '2026-11-27' } },
  { key: 'language', label: 'language', placeholder: { key: 'languagePlaceholder' } },
]

/** The article's metadata, editable; its text is fixed once claims point into it. */
export function ArticleDetailsDialog({ article, onClose }: { article: Article; onClose: () => void }) {
  const edit = useApp((s) => s.edit)
  const { t } = useTranslation()
  const [fields, setFields] = useState({
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.url,
    publishedAt: article.publishedAt,
    language: article.language,
  })
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (await edit('project:updateArticle', { fields: { ...fields, language: fields.language.trim().toLowerCase() || 'und' } })) onClose()
  }
  return (
    <Dialog title={t('articleDetails.title')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} id="article-details">
        {FIELDS.map((f) => (
          <div key={f.key}>
            <label htmlFor={`article-${f.key}`}>{t(`articleDetails.${f.label}`)}</label>
            <input
              id={`article-${f.key}`}
              value={fields[f.key]}
              placeholder={f.placeholder && ('key' in f.placeholder ? t(`articleDetails.${f.placeholder.key}`) : f.placeholder.format)}
              onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })}
            />
          </div>
        ))}
        <FormActions submitLabel={t('articleDetails.save')} onCancel={onClose} />
      </form>
    </Dialog>
  )
}

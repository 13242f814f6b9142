import { useState, type SyntheticEvent } from 'react'
import type { Article } from '@domain/project/schema'
import { Dialog } from '../../components/Dialog'
import { useApp } from '../../store'
import { FormActions } from '../../components/FormActions'

const FIELDS: { key: keyof Omit<Article, 'text'>; label: string; placeholder?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet', placeholder: 'The newspaper, site or broadcaster' },
  { key: 'author', label: 'Author' },
  { key: 'url', label: 'URL', placeholder: 'https://' },
  { key: 'publishedAt', label: 'Published', placeholder: '2026-11-27' },
  { key: 'language', label: 'Language code', placeholder: 'en, uk, de… or und' },
]

/** The article's metadata, editable; its text is fixed once claims point into it. */
export function ArticleDetailsDialog({ article, onClose }: { article: Article; onClose: () => void }) {
  const edit = useApp((s) => s.edit)
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
    <Dialog title="Article details" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} id="article-details">
        {FIELDS.map((f) => (
          <div key={f.key}>
            <label htmlFor={`article-${f.key}`}>{f.label}</label>
            <input
              id={`article-${f.key}`}
              value={fields[f.key]}
              placeholder={f.placeholder}
              onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })}
            />
          </div>
        ))}
        <FormActions submitLabel="Save details" onCancel={onClose} />
      </form>
    </Dialog>
  )
}

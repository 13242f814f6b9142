import type { OpenedProject } from '../../../../shared/api'
import { formatDate } from '../../components/format'
import { SaveIndicator } from '../../components/SaveIndicator'
import { useApp } from '../../store'
import { ArticleView } from './ArticleView'

export function ProjectScreen({ opened }: { opened: OpenedProject }) {
  const closeProject = useApp((s) => s.closeProject)
  const { article } = opened.project
  return (
    <div className="project">
      <header className="topbar">
        <button type="button" className="button-quiet" onClick={() => void closeProject()}>
          ← Projects
        </button>
        <h1 className="topbar-title">{article.title}</h1>
        <SaveIndicator />
      </header>
      <main className="project-main">
        <article className="article" aria-labelledby="article-title">
          <h2 id="article-title" className="article-title">
            {article.title}
          </h2>
          <p className="article-meta">
            {[article.outlet, article.author, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
          </p>
          <ArticleView text={article.text} />
        </article>
      </main>
    </div>
  )
}

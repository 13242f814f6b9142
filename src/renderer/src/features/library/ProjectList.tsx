import type { LibraryListing } from '../../../../shared/api'
import { formatDate } from '../../components/format'
import { useApp } from '../../store'

export function ProjectList({ listing }: { listing: LibraryListing }) {
  const openProject = useApp((s) => s.openProject)
  return (
    <>
      <ul className="project-list">
        {listing.projects.map((p) => (
          <li key={p.path}>
            <button type="button" className="project-row" onClick={() => void openProject(p.path)}>
              <span className="project-title">{p.title || p.file}</span>
              <span className="project-meta">
                {[p.outlet, p.publishedAt && formatDate(p.publishedAt), p.language !== 'und' && p.language.toUpperCase()]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className="project-counts">
                {p.claims} {p.claims === 1 ? 'claim' : 'claims'} · edited {formatDate(p.updatedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {listing.problems.length > 0 && (
        <div className="problems" role="group" aria-label="Files that could not be read">
          <h3>Files that could not be read</h3>
          <ul>
            {listing.problems.map((p) => (
              <li key={p.path}>
                <strong>{p.file}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}

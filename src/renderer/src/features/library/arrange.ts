import { compareText } from '../../components/format'
import type { ProjectSummary } from '@contract/api'

export type LibrarySort = 'edited' | 'title' | 'progress'

/** Filters by title, outlet or file name, and sorts, for the library list. */
export function arrangeProjects(projects: readonly ProjectSummary[], search: string, sort: LibrarySort): ProjectSummary[] {
  const needle = search.trim().toLocaleLowerCase()
  const shown = needle ? projects.filter((p) => `${p.title}\n${p.outlet}\n${p.file}`.toLocaleLowerCase().includes(needle)) : [...projects]
  const progress = (p: ProjectSummary): number => (p.progress.total ? p.progress.done / p.progress.total : 0)
  if (sort === 'title') shown.sort((a, b) => compareText(a.title, b.title))
  else if (sort === 'progress') shown.sort((a, b) => progress(a) - progress(b) || b.updatedAt.localeCompare(a.updatedAt))
  else shown.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return shown
}

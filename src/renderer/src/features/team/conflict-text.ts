import type { ClaimStatus, Person, Project, RecordedConflict } from '@domain/project/schema'
import { fieldTerm } from '@domain/project/history-message'
import { clip } from '@domain/project/ops'
import { personLabel } from '@domain/project/team-ops'

type T = (key: string, params?: Record<string, string | number>) => string

const field = (name: string, t: T): string => {
  const term = fieldTerm(name)
  return term ? t(term) : name
}

/**
 * What a conflict is about, in the app's language, from its key (`claim:<id>.verdict`, `article.title`,
 * `source:<id>`) and the project: the project stores the merge's English subject, which names the same.
 */
export function conflictSubject(key: string, project: Project, t: T): string {
  if (key === 'article.text') return t('team.subject.articleText')
  if (key === 'scale') return t('team.subject.scale')
  if (key.startsWith('article.')) return t('team.subject.articleField', { field: field(key.slice('article.'.length), t) })
  if (key.startsWith('project.')) return t('team.subject.projectField', { field: key.slice('project.'.length) })
  const [head = '', name] = key.split(/\.(.*)/s, 2)
  const [kind, id] = head.split(':', 2)
  if (kind === 'claim') {
    const claim = project.claims.find((c) => c.id === id)
    if (!claim) return t('team.subject.aClaim')
    const text = clip(claim.text)
    return name ? t('team.subject.claimField', { field: field(name, t), claim: text }) : t('team.subject.claim', { claim: text })
  }
  const source = project.sources.find((s) => s.id === id)
  if (!source) return t('team.subject.aSource')
  const title = clip(source.title || source.url)
  return name ? t('team.subject.sourceField', { field: field(name, t), source: title }) : t('team.subject.source', { source: title })
}

const isStatus = (value: string): value is ClaimStatus =>
  ['suggested', 'dismissed', 'to-check', 'in-progress', 'needs-review', 'done'].includes(value)

/** One side of a recorded conflict as a checker reads it: a verdict's label, a status's name, a person, the words. */
export function conflictValue(project: Project, conflict: RecordedConflict, value: unknown, t: T): string {
  const name = conflict.key.includes('.') ? conflict.key.slice(conflict.key.indexOf('.') + 1) : ''
  if (value === null) return name === 'verdict' ? t('team.noVerdict') : t('banners.empty')
  if (name === 'verdict' && typeof value === 'string') return project.ratingScale.labels.find((l) => l.id === value)?.label ?? value
  if (name === 'status' && typeof value === 'string') return isStatus(value) ? t(`status.${value}`) : value
  if ((name === 'assignee' || name === 'reviewer') && typeof value === 'object' && !Array.isArray(value))
    return personLabel(value as Person)
  if (name === 'range' && typeof value === 'object' && !Array.isArray(value) && 'text' in value)
    return typeof value.text === 'string' ? `“${clip(value.text, 120)}”` : JSON.stringify(value.text)
  if (conflict.key === 'scale' && typeof value === 'object' && !Array.isArray(value) && 'name' in value)
    return typeof value.name === 'string' ? value.name : JSON.stringify(value.name)
  if (value === 'removed') return t('team.removed')
  if (value === 'kept') return t('team.keptChanged')
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** STATUS_LABELS and describeKey's placeholders, as an edit conflict's English values name them, read back to catalogue terms. */
const ENGLISH_VALUES: Readonly<Record<string, string>> = {
  '(no verdict)': 'team.noVerdict',
  '(removed)': 'team.removed',
  Suggested: 'status.suggested',
  Dismissed: 'status.dismissed',
  'To check': 'status.to-check',
  'In progress': 'status.in-progress',
  'Needs review': 'status.needs-review',
  Done: 'status.done',
}

/** An edit conflict's value (written by the engine in English for a status or an absent verdict) in the app's language. */
export function editConflictValue(key: string, value: string, t: T): string {
  const term = ENGLISH_VALUES[value]
  const placeholder = value.startsWith('(')
  return term && (placeholder || key.endsWith('.status')) ? t(term) : value
}

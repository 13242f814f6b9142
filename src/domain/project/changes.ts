import { STATUS_LABELS } from './ops'
import type { Claim, Project, Source } from './schema'

/**
 * What an edit changed, as keys a second edit can be compared with: `article.title`, `scale`,
 * `claim:<id>` (the claim was added or removed), `claim:<id>.<field>`, `source:<id>`,
 * `source:<id>.<field>`. Two windows on one project merge their edits when the keys differ and
 * show a conflict when they overlap; undo puts back only the keys its edit changed.
 */
export type ChangeKey = string

const IGNORED = new Set(['updatedAt', 'createdAt'])
/** Parts of a project compared field by field (or not at all: history only grows, times follow edits). */
const WHOLE_PROJECT_HANDLED = new Set<string>([
  'article',
  'ratingScale',
  'claims',
  'sources',
  'history',
  'updatedAt',
  'createdAt',
  'schemaVersion',
  'id',
])

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

function diffRecords<T extends { id: string }>(
  kind: 'claim' | 'source',
  before: readonly T[],
  after: readonly T[],
  keys: Set<ChangeKey>,
): void {
  if (before === after) return
  const old = new Map(before.map((item) => [item.id, item]))
  const next = new Map(after.map((item) => [item.id, item]))
  for (const [id, item] of old) {
    const other = next.get(id)
    if (!other) {
      keys.add(`${kind}:${id}`)
      continue
    }
    if (other === item) continue
    for (const field of Object.keys(item) as (keyof T & string)[]) {
      if (!IGNORED.has(field) && !same(item[field], other[field])) keys.add(`${kind}:${id}.${field}`)
    }
  }
  for (const id of next.keys()) if (!old.has(id)) keys.add(`${kind}:${id}`)
}

export function changedKeys(before: Project, after: Project): Set<ChangeKey> {
  const keys = new Set<ChangeKey>()
  for (const field of Object.keys(before.article) as (keyof Project['article'])[]) {
    if (before.article[field] !== after.article[field]) keys.add(`article.${field}`)
  }
  if (!same(before.ratingScale, after.ratingScale)) keys.add('scale')
  // Every other part of the project (its publication details, and whatever later schemas add) as a whole.
  for (const field of Object.keys(before) as (keyof Project)[]) {
    if (!WHOLE_PROJECT_HANDLED.has(field) && !same(before[field], after[field])) keys.add(`project.${field}`)
  }
  diffRecords('claim', before.claims, after.claims, keys)
  diffRecords('source', before.sources, after.sources, keys)
  return keys
}

/** Whether two keys touch the same thing: equal, or one is a whole claim or source and the other a field of it. */
export function keysOverlap(a: ChangeKey, b: ChangeKey): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)
}

export function overlapping(mine: Iterable<ChangeKey>, theirs: Iterable<ChangeKey>): ChangeKey[] {
  const other = [...theirs]
  return [...mine].filter((key) => other.some((key2) => keysOverlap(key, key2)))
}

const byPosition = (a: Claim, b: Claim): number => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id)

function restoreRecords<T extends { id: string }>(
  kind: 'claim' | 'source',
  current: readonly T[],
  from: readonly T[],
  keys: readonly ChangeKey[],
  now: string,
): T[] {
  const result = new Map(current.map((item) => [item.id, item]))
  const source = new Map(from.map((item) => [item.id, item]))
  for (const key of keys) {
    if (!key.startsWith(`${kind}:`)) continue
    const [id = '', field] = key.slice(kind.length + 1).split('.', 2)
    const wanted = source.get(id)
    if (field === undefined) {
      if (wanted) result.set(id, wanted)
      else result.delete(id)
      continue
    }
    const item = result.get(id)
    if (item && wanted) result.set(id, { ...item, [field]: wanted[field as keyof T], updatedAt: now })
  }
  return [...result.values()]
}

/**
 * `current` with the given keys set back to their values in `from`: undo and redo of one window's
 * edit without touching what other windows changed since. The caller validates the result.
 */
export function restoreKeys(current: Project, from: Project, keys: Iterable<ChangeKey>, now: string): Project {
  const list = [...keys]
  const article = { ...current.article }
  for (const key of list) {
    if (key.startsWith('article.')) {
      const field = key.slice('article.'.length) as keyof Project['article']
      ;(article as Record<string, string>)[field] = from.article[field]
    }
  }
  const whole = Object.fromEntries(
    list
      .filter((key) => key.startsWith('project.'))
      .map((key) => {
        const field = key.slice('project.'.length) as keyof Project
        return [field, from[field]]
      }),
  )
  return {
    ...current,
    ...whole,
    updatedAt: now,
    article,
    ratingScale: list.includes('scale') ? from.ratingScale : current.ratingScale,
    claims: restoreRecords<Claim>('claim', current.claims, from.claims, list, now).sort(byPosition),
    sources: restoreRecords<Source>('source', current.sources, from.sources, list, now),
  }
}

/** A value as a checker reads it: text as it is, anything else (ids, lists) as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** A field as a checker reads it in a conflict: the claim's words, the verdict's label, the status's name. */
export function describeKey(project: Project, key: ChangeKey): { what: string; value: string } {
  const quote = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`
  if (key.startsWith('article.')) {
    const field = key.slice('article.'.length) as keyof Project['article']
    return { what: `the article’s ${field}`, value: project.article[field] }
  }
  if (key === 'scale') return { what: 'the rating scale', value: project.ratingScale.name }
  if (key.startsWith('project.')) {
    const field = key.slice('project.'.length) as keyof Project
    return { what: `the project’s ${field}`, value: shown(project[field]) }
  }
  const [head = '', field] = key.split('.', 2)
  const [kind, id] = head.split(':', 2)
  if (kind === 'claim') {
    const claim = project.claims.find((c) => c.id === id)
    if (!claim) return { what: 'a claim', value: '(removed)' }
    const what = field ? `the ${field} of claim ${quote(claim.text)}` : `claim ${quote(claim.text)}`
    if (field === 'verdict') return { what, value: project.ratingScale.labels.find((l) => l.id === claim.verdict)?.label ?? '(no verdict)' }
    if (field === 'status') return { what, value: STATUS_LABELS[claim.status] }
    return { what, value: field ? shown(claim[field as keyof Claim]) : claim.text }
  }
  const source = project.sources.find((s) => s.id === id)
  if (!source) return { what: 'a source', value: '(removed)' }
  const name = source.title || source.url
  return {
    what: field ? `the ${field} of source ${quote(name)}` : `source ${quote(name)}`,
    value: field ? shown(source[field as keyof Source]) : name,
  }
}

import * as fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { changedKeys } from '@domain/project/changes'
import { decodeProject } from '@domain/project/codec'
import type { Person, Project } from '@domain/project/schema'
import { PROJECT_SUFFIX } from '../project-store'

function quote(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ')
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`
}

async function projectAt(dir: string, head: string | null, path: string): Promise<Project | null> {
  if (!head) return null
  try {
    const { blob } = await git.readBlob({ fs, dir, oid: head, filepath: path })
    return decodeProject(blob, path).project
  } catch {
    return null
  }
}

/** "“Ministers said…” (verdict, rationale)": the claims an edit touched and what of them. */
function claimsTouched(before: Project | null, after: Project): { claims: number; line: string } {
  if (!before) return { claims: after.claims.length, line: `new project ${quote(after.article.title)}` }
  const fields = new Map<string, Set<string>>()
  for (const key of changedKeys(before, after)) {
    const match = /^claim:([^.]+)(?:\.(.+))?$/.exec(key)
    if (!match?.[1]) continue
    const set = fields.get(match[1]) ?? new Set<string>()
    set.add(match[2] ?? (after.claims.some((c) => c.id === match[1]) ? 'added' : 'removed'))
    fields.set(match[1], set)
  }
  const texts = new Map([...before.claims, ...after.claims].map((c) => [c.id, c.text]))
  const parts = [...fields].map(([id, what]) => `${quote(texts.get(id) ?? id)} (${[...what].join(', ')})`)
  return { claims: fields.size, line: parts.join('; ') || 'project details' }
}

/**
 * A commit message a colleague can read in `git log`: who, how many claims in how many projects,
 * then one line per project naming the claims touched and which of their fields.
 */
export async function commitMessage(
  dir: string,
  head: string | null,
  changed: readonly { path: string; deleted: boolean }[],
  person: Person,
  title?: string,
): Promise<string> {
  const who = person.name || person.email || 'A checker'
  const lines: string[] = []
  let claims = 0
  let projects = 0
  for (const { path, deleted } of changed) {
    if (!path.endsWith(PROJECT_SUFFIX)) continue
    projects++
    if (deleted) {
      lines.push(`- ${path}: removed`)
      continue
    }
    try {
      const after = decodeProject(await readFile(join(dir, path)), path).project
      const touched = claimsTouched(await projectAt(dir, head, path), after)
      claims += touched.claims
      lines.push(`- ${path}: ${touched.line}`)
    } catch {
      lines.push(`- ${path}: changed (not readable as a project)`)
    }
  }
  const others = changed.filter((c) => !c.path.endsWith(PROJECT_SUFFIX)).map((c) => c.path)
  if (others.length) lines.push(`- other files: ${others.join(', ')}`)
  const summary = title
    ? `${who}: ${title}`
    : projects === 0
      ? `${who}: ${others.length} file${others.length === 1 ? '' : 's'}`
      : `${who}: ${claims} claim${claims === 1 ? '' : 's'} in ${projects} project${projects === 1 ? '' : 's'}`
  return `${summary}\n\n${lines.join('\n')}\n`
}

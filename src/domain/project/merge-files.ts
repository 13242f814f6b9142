import { sealHistory, type Sha256 } from '../evidence/chain'
import { AppError } from '../errors'
import { decodeProject, encodeProject } from './codec'
import { mergeProjects, type MergeOptions, type MergeResult } from './merge'
import type { Project } from './schema'

export interface MergedFile extends MergeResult {
  /** The merged project as the file's text (canonical, validated). */
  text: string
  theirs: Project
}

const encoder = new TextEncoder()

function read(text: string, name: string): Project {
  return decodeProject(encoder.encode(text), name).project
}

/**
 * Merges three versions of a project file as text, as git hands them to a merge driver. An empty
 * or missing base (the file was added on both sides, or the copies share no ancestor) makes it a
 * two-way merge. Each version is read as the app reads a file (migrated to the current schema,
 * validated), and the result is validated before it is returned; a version that is not a project
 * is refused, naming it, so nothing is ever written that Factdesk could not open.
 */
export function mergeProjectTexts(
  base: string | null,
  ours: string,
  theirs: string,
  options: MergeOptions & {
    names?: { base: string; ours: string; theirs: string }
    /** Seals the merge's history entry into the tamper-evident chain, naming both copies' last entries. */
    sha256?: Sha256
  },
): MergedFile {
  const names = options.names ?? { base: 'the common ancestor', ours: 'our version', theirs: 'their version' }
  const baseProject = base && base.trim() ? read(base, names.base) : null
  const theirsProject = read(theirs, names.theirs)
  const result = mergeProjects(baseProject, read(ours, names.ours), theirsProject, options)
  let text: string
  try {
    text = encodeProject(options.sha256 ? sealHistory(result.project, options.sha256) : result.project, names.ours)
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `The merge of ${names.ours} and ${names.theirs} gave an invalid project, so it was not written: ${(error as Error).message}`,
    )
  }
  return { ...result, text, theirs: theirsProject }
}

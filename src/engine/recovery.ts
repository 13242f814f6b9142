import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { RecoveryOffer } from '@contract/api'
import { decodeProject, serializeProject } from '@domain/project/codec'
import type { Project } from '@domain/project/schema'
import { writeFileAtomic } from './fs/durable'

/**
 * Edits that could not be written to their project (a full or read-only disk, a conflict, a
 * take-over) are never dropped: they are kept here, in the config folder (often another disk than
 * the projects), and the next open of the project offers them back. One file per project.
 */
interface RecoveryFile {
  /** The project file the edits belong to. */
  path: string
  at: string
  edits: number
  /** SHA-256 of the project file as it was when the edits were made on it, or null if it was gone. */
  baseHash: string | null
  project: Project
}

export interface RecoveredEdits extends RecoveryOffer {
  baseHash: string | null
  project: Project
}

export class RecoveryStore {
  readonly dir: string

  constructor(configDir: string) {
    this.dir = join(configDir, 'recovery')
  }

  fileFor(projectPath: string): string {
    const key = createHash('sha256').update(projectPath).digest('hex').slice(0, 16)
    return join(this.dir, `${basename(projectPath).replace(/\.factdesk\.json$/, '')}-${key}.recovery.json`)
  }

  /** Keeps a project's unsaved version; returns the file it is in. Replaces an older recovery of the same project (which it includes). */
  async keep(projectPath: string, project: Project, edits: number, baseHash: string | null, at: Date): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const file = this.fileFor(projectPath)
    const body: RecoveryFile = { path: projectPath, at: at.toISOString(), edits, baseHash, project }
    // The project inside is kept in its canonical form, so the recovery file is readable and diffable.
    const text = `{\n  "path": ${JSON.stringify(body.path)},\n  "at": ${JSON.stringify(body.at)},\n  "edits": ${edits},\n  "baseHash": ${JSON.stringify(baseHash)},\n  "project": ${serializeProject(project).replace(/\n/g, '\n  ')}\n}\n`
    await writeFileAtomic(file, text)
    return file
  }

  /** The recovered edits of a project, or null; a damaged recovery file is set aside, never deleted. */
  async find(projectPath: string, diskHash: string | null): Promise<RecoveredEdits | null> {
    const file = this.fileFor(projectPath)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      return null
    }
    try {
      const parsed = JSON.parse(text) as RecoveryFile
      if (parsed.path !== projectPath) return null
      const { project } = decodeProject(Buffer.from(JSON.stringify(parsed.project)), file)
      return { at: parsed.at, edits: parsed.edits, file, asCopy: parsed.baseHash !== diskHash, baseHash: parsed.baseHash, project }
    } catch {
      await rename(file, `${file}.unreadable-${Date.now()}`).catch(() => undefined)
      return null
    }
  }

  async discard(projectPath: string): Promise<void> {
    await unlink(this.fileFor(projectPath)).catch(() => undefined)
  }

  /** Every project with kept edits, for the library. */
  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((name) => name.endsWith('.recovery.json')).map((name) => join(this.dir, name))
    } catch {
      return []
    }
  }
}

import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { SettingsSchema, type Settings } from '@contract/api'
import { AppError } from '@domain/errors'
import { DurableJsonFile } from './fs/durable'

export const DEFAULT_SETTINGS: Settings = {
  projectsDir: '',
  checkerName: '',
  checkerEmail: '',
  organisationName: '',
  organisationUrl: '',
  organisationLogo: '',
  recent: [],
  language: '',
}

const RECENT_LIMIT = 12

/**
 * The user's settings, one small JSON file in the config folder. A file that cannot be read is
 * set aside (renamed, never deleted) before defaults are written over its name.
 */
export class SettingsStore {
  private db: Low<Settings> | null = null
  readonly file: string

  constructor(configDir: string) {
    this.file = join(configDir, 'settings.json')
  }

  private async load(): Promise<Low<Settings>> {
    if (this.db) return this.db
    let data: Settings = { ...DEFAULT_SETTINGS }
    let raw: string | null = null
    try {
      raw = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (raw !== null) {
      let parsed: Settings | null = null
      try {
        parsed = SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as object) })
      } catch {
        await rename(this.file, `${this.file}.unreadable-${Date.now()}`)
      }
      if (parsed) data = parsed
    }
    this.db = new Low(new DurableJsonFile<Settings>(this.file), data)
    return this.db
  }

  async get(): Promise<Settings> {
    return structuredClone((await this.load()).data)
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const db = await this.load()
    const next = SettingsSchema.safeParse({ ...db.data, ...patch })
    if (!next.success) {
      const issue = next.error.issues[0]
      const field = issue?.path.join('.') || 'settings'
      throw new AppError('INVALID_INPUT', `Settings were not saved: ${field}: ${issue?.message ?? 'invalid value'}.`, {
        key: 'settings.invalid',
        params: { field },
      })
    }
    db.data = next.data
    await mkdir(join(this.file, '..'), { recursive: true })
    await db.write()
    return structuredClone(db.data)
  }

  async addRecent(path: string): Promise<void> {
    const { recent } = await this.get()
    await this.update({ recent: [path, ...recent.filter((p) => p !== path)].slice(0, RECENT_LIMIT) })
  }

  async replaceRecent(from: string, to: string | null): Promise<void> {
    const { recent } = await this.get()
    if (!recent.includes(from)) return
    const next = to ? recent.map((p) => (p === from ? to : p)) : recent.filter((p) => p !== from)
    await this.update({ recent: next })
  }
}

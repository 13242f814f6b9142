import { createHash } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@domain/errors'
import { writeFileAtomic } from '../fs/durable'
import type { Env } from '../paths'
import type { SecretSealer } from '../ports'

/** The environment variable a token for an HTTP(S) team remote can come from (browser edition, CLI, CI). */
export const TOKEN_VARIABLE = 'FACTDESK_GIT_TOKEN'

/**
 * Where the token for a team's HTTP(S) git host is kept. Never in a project file or the settings
 * in clear: the desktop app seals it with the OS keychain (Electron's safeStorage, lent through
 * DesktopAbilities) into the config folder; the browser edition and the CLI take it from
 * FACTDESK_GIT_TOKEN or from the checker for this session only (kept in memory, never written).
 */
export class TokenStore {
  private readonly session = new Map<string, string>()

  constructor(
    private readonly configDir: string,
    private readonly env: Env,
    private readonly sealer: SecretSealer | null,
  ) {}

  private file(remote: string): string {
    return join(this.configDir, 'team', `token-${createHash('sha256').update(remote).digest('hex').slice(0, 16)}.sealed`)
  }

  async save(remote: string, token: string): Promise<void> {
    this.session.set(remote, token)
    if (!this.sealer || !(await this.sealer.available())) return
    await mkdir(join(this.configDir, 'team'), { recursive: true })
    await writeFileAtomic(this.file(remote), await this.sealer.seal(token), { mode: 0o600 })
  }

  async get(remote: string): Promise<string | null> {
    const known = this.session.get(remote)
    if (known) return known
    if (this.env[TOKEN_VARIABLE]) return this.env[TOKEN_VARIABLE] ?? null
    if (!this.sealer || !(await this.sealer.available())) return null
    let sealed: Buffer
    try {
      sealed = await readFile(this.file(remote))
    } catch {
      return null
    }
    try {
      const token = await this.sealer.unseal(sealed)
      this.session.set(remote, token)
      return token
    } catch {
      throw new AppError('IO', 'The saved token for the team’s git host could not be unlocked by the system keychain; enter it again.', {
        key: 'team.tokenLocked',
      })
    }
  }

  async has(remote: string): Promise<boolean> {
    return (await this.get(remote).catch(() => null)) !== null
  }

  async forget(remote: string): Promise<void> {
    this.session.delete(remote)
    await rm(this.file(remote), { force: true })
  }
}

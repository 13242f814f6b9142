import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { HAS_GIT_HTTP_BACKEND, startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server'
import { checker, rangeOf, readProjectJson, TEAM_TEXT, type Checker } from '../helpers/team'

const TOKEN = 'tok-3f9a1c0e5b7d'
if (!HAS_GIT_HTTP_BACKEND)
  console.log('team-http.test.ts: no `git http-backend` here (Debian package git), so the HTTP git host tests are skipped.')

describe.runIf(HAS_GIT_HTTP_BACKEND)('a team on an HTTP git host with a token', () => {
  let root: string
  let cleanup: () => Promise<void>
  let server: GitHttpServer
  let remote: string
  let ana: Checker
  let ben: Checker

  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir('factdesk-http-'))
    const repos = join(root, 'host')
    execFileSync('git', ['init', '--bare', '-q', '-b', 'main', join(repos, 'team.git')])
    execFileSync('git', ['-C', join(repos, 'team.git'), 'config', 'http.receivepack', 'true'])
    server = await startGitHttpServer(repos, TOKEN)
    remote = `${server.url}/team.git`
    ana = await checker(root, 'Ana', 'ana@desk.example')
    ben = await checker(root, 'Ben', 'ben@desk.example')
  })
  afterEach(async () => {
    await Promise.all([ana.services.store.closeAll(), ben.services.store.closeAll()])
    await server.close()
    await cleanup()
  })

  it('pushes and pulls with the token; the token is in no project file or settings', async () => {
    const created = await ana.h['project:create']({ title: 'Rail fares', text: TEAM_TEXT, language: 'en' })
    const id = (await ana.h['claim:create']({ path: created.path, ...rangeOf('only 68% of trains arrived on time in 2025') })).focus!
    await ana.h['claim:setVerdict']({ path: created.path, id, verdict: 'false' })
    await ana.h['project:close']({ path: created.path })

    const shared = await ana.h['team:startSharing']({ remote, token: TOKEN })
    expect(shared).toMatchObject({ shared: true, remote: { kind: 'http', url: remote }, ahead: 0, offline: false, tokenReady: true })
    expect(execFileSync('git', ['--git-dir', join(root, 'host', 'team.git'), 'log', '--format=%an: %s', 'main']).toString()).toContain(
      'Ana: Start sharing',
    )

    // Ben joins the team from an empty folder: the host's copy is cloned.
    await ben.h['team:startSharing']({ remote, token: TOKEN })
    const file = join(ben.home, created.path.slice(ana.home.length + 1))
    expect((await readProjectJson(file)).claims[0]?.verdict).toBe('false')

    await ben.h['project:open']({ path: file })
    await ben.h['claim:update']({ path: file, id, fields: { rationale: 'The ORR says 68.2%.' } })
    await ben.h['project:close']({ path: file })
    expect(await ben.h['team:sync']({})).toMatchObject({ ahead: 0, behind: 0, offline: false })
    const pulled = await ana.h['team:sync']({})
    expect(pulled.received).toEqual([created.path])
    expect((await readProjectJson(created.path)).claims[0]?.rationale).toBe('The ORR says 68.2%.')

    const settings = JSON.stringify(await ana.h['settings:get']({}))
    expect(settings).not.toContain(TOKEN)
    expect(JSON.stringify(await readProjectJson(created.path))).not.toContain(TOKEN)
  })

  it('refuses a wrong token with a sentence to act on', async () => {
    await ana.h['project:create']({ title: 'Rail fares', text: TEAM_TEXT, language: 'en' })
    await expect(ana.h['team:startSharing']({ remote, token: 'wrong' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/refused the token .*enter a valid token and sync again/) as unknown,
    })
    expect(server.refused).toBeGreaterThan(0)
  })
})

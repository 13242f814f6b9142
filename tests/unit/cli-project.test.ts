import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeProject } from '@domain/project/codec'
import { SCHEMA_VERSION, type Project } from '@domain/project/schema'
import { runCli } from '../helpers/cli'
import { makeProject, tempDir } from '../helpers/projects'

describe('factdesk CLI: help, new, check, list', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let env: Record<string, string>
  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('factdesk-cli-'))
    env = { FACTDESK_HOME: join(dir, 'home'), FACTDESK_CONFIG_DIR: join(dir, 'config') }
  })
  afterAll(async () => cleanup())

  it('--help lists the commands and --version prints the version', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: factdesk/)
    for (const command of ['new', 'check', 'list']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
    const version = await runCli(['--version'])
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
    expect(version.stdout.trim()).toBe(pkg.version)
  })

  it('new reads standard input, writes into the projects folder and prints the path', async () => {
    const result = await runCli(['new', '-', '--title', 'Port traffic up'], {
      env,
      stdin: 'Container traffic rose 8% in 2025.\r\n\r\nThe port said so.',
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const path = result.stdout.trim()
    expect(path).toBe(join(dir, 'home', 'port-traffic-up.factdesk.json'))
    const project = JSON.parse(await readFile(path, 'utf8')) as Project
    expect(project.article.text).toBe('Container traffic rose 8% in 2025.\n\nThe port said so.')
    expect(project.article.title).toBe('Port traffic up')
  })

  it('new -o FILE never overwrites an existing file', async () => {
    const out = join(dir, 'fixed.factdesk.json')
    await writeFile(out, 'precious')
    const result = await runCli(['new', '-', '-o', out], { env, stdin: 'Some text.' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`"${out}" already exists`)
    expect(await readFile(out, 'utf8')).toBe('precious')
  })

  it('new refuses empty input and creates nothing', async () => {
    const result = await runCli(['new', '-', '-o', join(dir, 'empty-out')], { env, stdin: '  \n\n ' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/standard input is empty/)
    await expect(readFile(join(dir, 'empty-out'))).rejects.toThrow()
  })

  it('check exits 0 for valid files and 1 with one line per bad file, never writing', async () => {
    const good = join(dir, 'good.factdesk.json')
    await writeFile(good, encodeProject(makeProject()))
    const bads: Record<string, string | Buffer> = {
      'empty.factdesk.json': '',
      'truncated.factdesk.json': encodeProject(makeProject()).slice(0, 200),
      'notjson.factdesk.json': 'hello',
      'bom.factdesk.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(encodeProject(makeProject()))]),
      'utf8.factdesk.json': Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      'types.factdesk.json': encodeProject(makeProject()).replace('"claims": []', '"claims": 3'),
      'newer.factdesk.json': encodeProject(makeProject()).replace(`"schemaVersion": ${SCHEMA_VERSION}`, '"schemaVersion": 9'),
    }
    const hashes: Record<string, string> = {}
    for (const [name, content] of Object.entries(bads)) {
      await writeFile(join(dir, name), content)
      hashes[name] = createHash('sha256').update(content).digest('hex')
    }
    const ok = await runCli(['check', good])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toBe(`ok ${good}: 0 claims\n`)

    const result = await runCli(['check', good, ...Object.keys(bads).map((n) => join(dir, n))])
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(Object.keys(bads).length)
    Object.keys(bads).forEach((name, i) => expect(lines[i]).toContain(join(dir, name)))
    expect(lines.join('\n')).toMatch(
      /empty[\s\S]*truncated[\s\S]*not valid JSON[\s\S]*byte-order mark[\s\S]*UTF-8[\s\S]*claims: [\s\S]*newer Factdesk/,
    )
    for (const [name, hash] of Object.entries(hashes)) {
      expect(
        createHash('sha256')
          .update(await readFile(join(dir, name)))
          .digest('hex'),
      ).toBe(hash)
    }
  })

  it('list prints the projects of a folder, and --json the full listing', async () => {
    const table = await runCli(['list'], { env })
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(
      /^Port traffic up\s+en\s+0\/0 done\s+\d+ claims\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+port-traffic-up\.factdesk\.json$/m,
    )
    const json = await runCli(['list', join(dir, 'home'), '--json'])
    const listing = JSON.parse(json.stdout) as { dir: string; projects: { title: string }[] }
    expect(listing.dir).toBe(join(dir, 'home'))
    expect(listing.projects.map((p) => p.title)).toEqual(['Port traffic up'])
  })
})

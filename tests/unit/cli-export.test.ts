import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildProgram } from '../../src/cli/program'
import { serializeProject } from '@domain/project/codec'
import type { JsonReport } from '@domain/report'
import { sampleProject } from '../fixtures/report/projects'

describe('factdesk export', () => {
  let dir: string
  let out: string[]
  let err: string[]

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-cli-export-'))
    await mkdir(join(dir, 'config'))
    await writeFile(
      join(dir, 'config', 'settings.json'),
      JSON.stringify({ organisationName: 'Fact Desk Lab', organisationUrl: 'https://factdesk.example.org' }),
    )
    await writeFile(join(dir, 'trains.factdesk.json'), serializeProject(sampleProject()))
    out = []
    err = []
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function run(...args: string[]): Promise<void> {
    const argv = ['node', 'factdesk', ...args]
    const program = await buildProgram(
      {
        stdout: (text) => out.push(text),
        stderr: (text) => err.push(text),
        stdin: Readable.from([]),
        cwd: dir,
        env: { FACTDESK_CONFIG_DIR: join(dir, 'config') },
      },
      argv,
    )
    program.exitOverride()
    program.commands.forEach((command) => command.exitOverride())
    await program.parseAsync(argv)
  }

  it('writes the report next to the project, prints its path and the warnings', async () => {
    await run('export', 'trains.factdesk.json', '--format', 'html')
    expect(out).toEqual([`${join(dir, 'trains.report.html')}\n`])
    expect(err).toEqual(['warning: 1 claim with a verdict cites no source.\n'])
    expect(await readFile(join(dir, 'trains.report.html'), 'utf8')).toContain('>Fact Desk Lab</a>')
  })

  it('takes the organisation from the settings and follows --claims, --no-article and -o', async () => {
    await run('export', 'trains.factdesk.json', '-f', 'json', '--claims', 'done', '--no-article', '-o', 'for-editor.json')
    const report = JSON.parse(await readFile(join(dir, 'for-editor.json'), 'utf8')) as JsonReport
    expect(report.organisation).toEqual({ name: 'Fact Desk Lab', url: 'https://factdesk.example.org', logo: '' })
    expect(report.selection).toEqual({ claims: 'done', includeArticle: false })
    expect(report.summary.claims).toBe(3)
    expect(report.article.text).toBeNull()
    expect(Date.parse(report.generatedAt)).toBeGreaterThan(Date.parse('2026-01-01'))
  })

  it('writes text formats to standard output with -o -: a ClaimReview of the Done claims, at the address and date given', async () => {
    await run(
      'export',
      'trains.factdesk.json',
      '-f',
      'claimreview',
      '-o',
      '-',
      '--review-url',
      'https://factdesk.example.org/checks/trains',
      '--review-date',
      '2026-11-28',
    )
    const reviews = JSON.parse(out.join('')) as { url: string; datePublished: string; itemReviewed: { author: { name: string } } }[]
    expect(reviews).toHaveLength(3)
    expect(reviews[0]).toMatchObject({ url: 'https://factdesk.example.org/checks/trains', datePublished: '2026-11-28' })
    expect(reviews[0]?.itemReviewed.author.name).toBe('Rob Hale')
    expect(err).toEqual([
      'warning: 1 claim with a verdict cites no source.\n',
      'warning: Left out: 2 claims not Done (1 in progress, 1 needs review).\n',
      'warning: Your organisation has no logo address (http or https) set; Google recommends one for the author.\n',
      "warning: The ClaimReview statement of “Critics say the government's 2019 pledg…” is 98 characters; Google advises under 75: shorten it in the claim’s details.\n",
    ])
    expect((await readdir(dir)).sort()).toEqual(['config', 'trains.factdesk.json'])
  })

  it('refuses a ClaimReview without the fact check’s address and date, naming each, and writes nothing', async () => {
    const refused = run('export', 'trains.factdesk.json', '-f', 'claimreview')
    await expect(refused).rejects.toMatchObject({
      code: 'INCOMPLETE',
      message:
        'The ClaimReview was not written: it needs the fact check’s address (the URL of the published review); the fact check’s publication date. Give the address and date with --review-url and --review-date (or once in the app’s Export dialog, which keeps them with the project), your organisation in the app’s Settings, and each claim’s Claimant in the app; then export again.',
    })
    await expect(
      run('export', 'trains.factdesk.json', '-f', 'claimreview', '-o', '-', '--review-url', 'https://x.example/c'),
    ).rejects.toMatchObject({
      code: 'INCOMPLETE',
      message: expect.stringContaining('it needs the fact check’s publication date.') as unknown,
    })
    expect(out).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['config', 'trains.factdesk.json'])
  })

  it('uses accepted claims by default and includes the article', async () => {
    await run('export', 'trains.factdesk.json', '-f', 'csv', '-o', '-')
    expect(out.join('').split('\r\n').filter(Boolean)).toHaveLength(6)
    out = []
    await run('export', 'trains.factdesk.json', '-f', 'md', '-o', '-')
    expect(out.join('')).toContain('## Article')
  })

  it('refuses a PDF on standard output, an unknown format and a missing format', async () => {
    await expect(run('export', 'trains.factdesk.json', '-f', 'pdf', '-o', '-')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(run('export', 'trains.factdesk.json', '-f', 'docx')).rejects.toMatchObject({
      code: 'commander.invalidArgument',
      message: expect.stringContaining('Allowed choices are html, pdf, md, csv, json, claimreview') as unknown,
    })
    await expect(run('export', 'trains.factdesk.json')).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' })
    await expect(run('export', 'trains.factdesk.json', '-f', 'html', '--claims', 'some')).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    })
    expect((await readdir(dir)).sort()).toEqual(['config', 'trains.factdesk.json'])
  })

  it('reports an unreadable project file and writes nothing', async () => {
    await expect(run('export', 'missing.factdesk.json', '-f', 'html')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await readdir(dir)).sort()).toEqual(['config', 'trains.factdesk.json'])
  })
})

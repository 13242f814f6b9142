import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chromiumMissingMessage, defaultExportName, exportProject, findChromium } from '@engine/export'
import { chromiumCandidates, packagedChromium } from '@engine/export/chromium'
import { serializeProject } from '@domain/project/codec'
import { SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

describe('export service', () => {
  let dir: string
  let projectPath: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-export-'))
    projectPath = join(dir, 'cheaper-trains.factdesk.json')
    await writeFile(projectPath, serializeProject(sampleProject()))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('names reports after the project', () => {
    expect(defaultExportName('/p/cheaper-trains.factdesk.json', 'html')).toBe('cheaper-trains.report.html')
    expect(defaultExportName('/p/cheaper-trains.factdesk.json', 'pdf')).toBe('cheaper-trains.report.pdf')
    expect(defaultExportName('/p/cheaper-trains.factdesk.json', 'md')).toBe('cheaper-trains.report.md')
    expect(defaultExportName('/p/cheaper-trains.factdesk.json', 'claimreview')).toBe('cheaper-trains.claimreview.jsonld')
    expect(defaultExportName('/p/other.json', 'csv')).toBe('other.report.csv')
  })

  it('writes the report next to the project by default, leaving no temporary file', async () => {
    const result = await exportProject(projectPath, 'html', SAMPLE_OPTIONS)
    expect(result).toMatchObject({
      path: join(dir, 'cheaper-trains.report.html'),
      format: 'html',
      warnings: ['1 claim with a verdict cites no source.'],
    })
    const written = await readFile(result.path, 'utf8')
    expect(written).toContain('<title>Verdict report: Minister promises cheaper trains by 2030</title>')
    expect(result.bytes).toBe(Buffer.byteLength(written))
    expect((await readdir(dir)).sort()).toEqual(['cheaper-trains.factdesk.json', 'cheaper-trains.report.html'])
  })

  it('writes into a given folder or to a given file, replacing an older report', async () => {
    const folder = join(dir, 'out')
    await mkdir(folder)
    expect((await exportProject(projectPath, 'csv', SAMPLE_OPTIONS, folder)).path).toBe(join(folder, 'cheaper-trains.report.csv'))
    const file = join(folder, 'for-the-editor.md')
    await writeFile(file, 'an older report')
    await exportProject(projectPath, 'md', SAMPLE_OPTIONS, file)
    expect(await readFile(file, 'utf8')).toMatch(/^# Verdict report: Minister promises cheaper trains by 2030\n/)
    expect((await readdir(folder)).sort()).toEqual(['cheaper-trains.report.csv', 'for-the-editor.md'])
  })

  it('never writes over a project file', async () => {
    const before = await readFile(projectPath, 'utf8')
    await expect(exportProject(projectPath, 'json', SAMPLE_OPTIONS, projectPath)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(exportProject(projectPath, 'json', SAMPLE_OPTIONS, join(dir, 'other.factdesk.json'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await readFile(projectPath, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['cheaper-trains.factdesk.json'])
  })

  it('says what is wrong when the folder is missing or the project is invalid, and writes nothing', async () => {
    await expect(exportProject(projectPath, 'html', SAMPLE_OPTIONS, join(dir, 'missing', 'r.html'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Could not write the report to "${join(dir, 'missing', 'r.html')}": its folder does not exist. Nothing was written.`,
    })
    const broken = join(dir, 'broken.factdesk.json')
    await writeFile(broken, '{"schemaVersion": 1}')
    await expect(exportProject(broken, 'html', SAMPLE_OPTIONS)).rejects.toMatchObject({ code: 'INVALID_PROJECT' })
    expect((await readdir(dir)).sort()).toEqual(['broken.factdesk.json', 'cheaper-trains.factdesk.json'])
  })

  it('prints PDFs from the HTML report through the given printer (the app passes Electron’s printToPDF)', async () => {
    const printed: string[] = []
    const printPdf = (html: string): Promise<Uint8Array> => {
      printed.push(html)
      return Promise.resolve(new TextEncoder().encode('%PDF-1.4 stand-in'))
    }
    const result = await exportProject(projectPath, 'pdf', SAMPLE_OPTIONS, undefined, { printPdf })
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatch(/^<!doctype html>/)
    expect(result).toMatchObject({ path: join(dir, 'cheaper-trains.report.pdf'), bytes: 17 })
    expect(await readFile(result.path, 'utf8')).toBe('%PDF-1.4 stand-in')
  })

  it('explains how to get a PDF when no Chromium is found', async () => {
    const env = { FACTDESK_CHROMIUM: join(dir, 'no-such-chromium') }
    expect(await findChromium(env)).toBeNull()
    await expect(exportProject(projectPath, 'pdf', SAMPLE_OPTIONS, undefined, { env })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: `FACTDESK_CHROMIUM is set to "${env.FACTDESK_CHROMIUM}", but there is no file there. Point it at a Chromium or Google Chrome executable, or unset it.`,
    })
    expect(await readdir(dir)).toEqual(['cheaper-trains.factdesk.json'])
    expect(chromiumMissingMessage({}, 'linux')).toMatch(
      /^PDF export prints the HTML report with Chromium, Google Chrome or Microsoft Edge, and none was found \(looked in \/usr\/bin\/chromium, .*, in Playwright’s browsers and in @sparticuz\/chromium\)\. Install one \(on Debian or Ubuntu: apt-get install chromium\) or set FACTDESK_CHROMIUM to its path; or export HTML and print it to PDF from any browser\.$/,
    )
  })

  it('finds the browser FACTDESK_CHROMIUM names, and knows where browsers live on each platform', async () => {
    expect(await findChromium({ FACTDESK_CHROMIUM: process.execPath })).toEqual({ path: process.execPath, source: 'FACTDESK_CHROMIUM' })
    expect(chromiumCandidates({}, 'linux')).toContain('/usr/bin/chromium')
    expect(chromiumCandidates({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
    expect(chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32')).toContain(
      join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    )
  })

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'unpacks the browser inside @sparticuz/chromium once, into node_modules/.cache, for machines with none',
    async () => {
      const found = await packagedChromium({})
      expect(found?.source).toBe('@sparticuz/chromium')
      expect(found?.path).toMatch(/node_modules\/\.cache\/factdesk-chromium\/[\d.]+\/chromium$/)
      const { stdout } = await promisify(execFile)(found!.path, ['--version'])
      expect(stdout).toMatch(/Chromium \d+/)
      expect(await packagedChromium({})).toEqual(found)
      expect(await packagedChromium({ FACTDESK_NO_PACKAGED_CHROMIUM: '1' })).toBeNull()
    },
    60_000,
  )
})

import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeLegacy } from '../fixtures/import/encode'

const REPO = join(import.meta.dirname, '../..')
const FIXTURES = join(REPO, 'tests/fixtures/import')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

describe('factdesk new', () => {
  let root: string
  let out: string
  let home: string
  let config: string

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'factdesk-cli-new-'))
    out = join(root, 'out')
    home = join(root, 'home')
    config = join(root, 'config')
    await mkdir(out)
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  /** Runs the real command, as a checker would, with its settings and projects folder in the temp dir. */
  function factdesk(args: string[], stdin?: Uint8Array): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO, 'bin/factdesk.js'), ...args], {
        cwd: root,
        env: { ...process.env, FACTDESK_CONFIG_DIR: config, FACTDESK_HOME: home },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
      child.stdin.end(stdin)
    })
  }

  async function projectAt(run: Run): Promise<{ article: Record<string, unknown> }> {
    expect(run.stderr).not.toMatch(/^factdesk: (?!note:)/m)
    expect(run.code).toBe(0)
    const path = run.stdout.trim()
    expect(path.startsWith(out) && path.endsWith('.factdesk.json')).toBe(true)
    return JSON.parse(await readFile(path, 'utf8')) as { article: Record<string, unknown> }
  }

  it('imports a saved web page with its metadata, takes its headline and byline out of the text, and prints the project path', async () => {
    const run = await factdesk(['new', join(FIXTURES, 'article.html'), '-o', out])
    expect(run.stderr).toBe(
      'factdesk: note: took out the headline, now the title: "Council doubles library budget"\nfactdesk: note: took out the byline: "By Priya Natarajan"\n',
    )
    const project = await projectAt(run)
    expect(project.article).toEqual({
      title: 'Council doubles library budget',
      outlet: 'The Example Herald',
      author: 'Priya Natarajan',
      url: 'https://www.example-news.test/politics/budget-2025',
      publishedAt: '2025-03-14',
      language: 'en',
      text: expect.stringMatching(/^The city council voted on Thursday/) as unknown,
    })
    expect(await readdir(out)).toHaveLength(1)
  })

  it('keeps the text exactly as imported with --keep-text', async () => {
    const project = await projectAt(await factdesk(['new', join(FIXTURES, 'article.html'), '-o', out, '--keep-text']))
    expect(project.article).toMatchObject({
      title: 'Council doubles library budget',
      text: expect.stringMatching(/^Council doubles library budget\n\nBy Priya Natarajan\n\nThe city council voted on Thursday/) as unknown,
    })
  })

  it('imports a Windows-1251 text file, reports the encoding it used, and takes --lang', async () => {
    const text = 'Уряд оголосив про підвищення пенсій на 12 відсотків.\n\nОпозиція з цим не погоджується.'
    await writeFile(join(root, 'стаття.txt'), encodeLegacy(text, 'windows-1251'))
    const run = await factdesk(['new', 'стаття.txt', '-o', out, '--lang', 'uk'])
    expect(run.stderr).toBe(
      'factdesk: note: The file is not UTF-8; it was read as windows-1251. If letters look wrong, save it as UTF-8 and import it again.\n',
    )
    const project = await projectAt(run)
    expect(project.article).toMatchObject({ text, title: 'Уряд оголосив про підвищення пенсій на 12 відсотків.', language: 'uk' })
  })

  it('lets --title and --lang win over the file’s own metadata', async () => {
    const project = await projectAt(
      await factdesk(['new', join(FIXTURES, 'article.md'), '-o', out, '--title', 'Water: claims to check', '--lang', 'de']),
    )
    expect(project.article).toMatchObject({
      title: 'Water: claims to check',
      language: 'de',
      author: 'Amara Okafor, Tomás Ruiz',
      publishedAt: '2025-03-14',
    })
  })

  it('imports a PDF', { timeout: 60_000 }, async () => {
    const project = await projectAt(await factdesk(['new', join(FIXTURES, 'russian.pdf'), '-o', out]))
    expect(project.article).toMatchObject({
      title: 'Бюджет Новосибирска на 2025 год',
      author: 'Ирина Соколова',
      language: 'ru',
      text: expect.stringContaining('Депутаты от оппозиции голосовали против.') as unknown,
    })
  })

  it('reads standard input as bytes, so legacy encodings are detected there too', async () => {
    const text = 'Правительство объявило о повышении пенсий на 12 процентов.\n\nОппозиция с этим не согласна.'
    const target = join(out, 'pensii.factdesk.json')
    const run = await factdesk(['new', '-', '-o', target], encodeLegacy(text, 'koi8-r'))
    expect(run.stdout.trim()).toBe(target)
    expect((await projectAt(run)).article).toMatchObject({ text, language: 'ru' })
  })

  it.each([
    [['notes.odt'], 'Cannot import "{dir}/notes.odt": OpenDocument (.odt) is not supported. Save it as .docx or .pdf and import that.'],
    [
      ['garbage.txt'],
      'Cannot import "{dir}/garbage.txt": it is not a text file (it contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8). Check that you chose the right file; a Word or PDF file needs its own extension (.docx, .pdf).',
    ],
    [['missing.txt'], 'Cannot import "{dir}/missing.txt": there is no such file.'],
    [['notes.odt', '--lang', 'Ukrainian'], '--lang "Ukrainian" is not a language code; use one like en, uk or de.'],
  ])('fails on %j with exit code 1, a message naming the file and the reason, and no project file', async (args, message) => {
    await writeFile(join(root, 'notes.odt'), 'plain words')
    await writeFile(join(root, 'garbage.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13]))
    const [file = '', ...rest] = args
    const run = await factdesk(['new', file, '-o', out, ...rest])
    expect(run).toEqual({ code: 1, stdout: '', stderr: `factdesk: ${message.replace('{dir}', root)}\n` })
    expect(await readdir(out)).toEqual([])
    expect(await readdir(root)).not.toContain('home')
  })

  it('fails on a scanned PDF without creating anything', { timeout: 60_000 }, async () => {
    const run = await factdesk(['new', join(FIXTURES, 'scanned.pdf')])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('the PDF has no text layer: it looks like a scanned image. Run OCR on it first')
    expect(await readdir(root)).not.toContain('home')
  })
})

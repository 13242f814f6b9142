import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

const ARTICLE = 'The U.S. Senate voted 52-48 on Tuesday. Tickets cost $10.\n\nA spokesman said the army never shelled the town.'

// Each case starts the real command; on a busy two-core machine that can take several seconds.
describe('factdesk CLI: sentences, score, split', { timeout: 60_000 }, () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factdesk-cli-claims-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('sentences prints one sentence per line, and offsets with --json', async () => {
    const plain = await runCli(['sentences', '-'], { stdin: ARTICLE })
    expect(plain.code).toBe(0)
    expect(plain.stdout).toBe(
      'The U.S. Senate voted 52-48 on Tuesday.\nTickets cost $10.\nA spokesman said the army never shelled the town.\n',
    )
    const file = join(dir, 'article.txt')
    await writeFile(file, ARTICLE)
    const json = await runCli(['sentences', file, '--json', '--lang', 'en'])
    const records = JSON.parse(json.stdout) as { text: string; start: number; end: number }[]
    expect(records).toHaveLength(3)
    for (const r of records) expect(ARTICLE.slice(r.start, r.end)).toBe(r.text)
  })

  it('sentences --batch answers each JSON line with its id, naming bad lines', async () => {
    const stdin = [
      JSON.stringify({ id: 'a', text: 'Hello world. Mr. Smith left.' }),
      JSON.stringify({ text: 'Привіт. Як справи?', lang: 'uk' }),
      'not json',
      '',
    ].join('\n')
    const result = await runCli(['sentences', '--batch'], { stdin })
    expect(result.code).toBe(1)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines[0]).toEqual({
      id: 'a',
      sentences: [
        { text: 'Hello world.', start: 0, end: 12 },
        { text: 'Mr. Smith left.', start: 13, end: 28 },
      ],
    })
    expect(lines[1]).toEqual({
      id: 2,
      sentences: [
        { text: 'Привіт.', start: 0, end: 7 },
        { text: 'Як справи?', start: 8, end: 18 },
      ],
    })
    expect(lines[2]).toMatchObject({ id: 3, error: expect.stringContaining('line 3') as string })
  })

  it('score --json scores one sentence per line, with reasons', async () => {
    const result = await runCli(['score', '--json'], { stdin: 'Unemployment fell to 3.9% in March.\nThank you all for coming.\n' })
    expect(result.code).toBe(0)
    const records = JSON.parse(result.stdout) as {
      text: string
      score: number
      checkworthy: boolean
      reasons: { kind: string; text: string }[]
    }[]
    expect(records.map((r) => [r.text, r.checkworthy])).toEqual([
      ['Unemployment fell to 3.9% in March.', true],
      ['Thank you all for coming.', false],
    ])
    expect(records[0]!.reasons).toEqual(expect.arrayContaining([{ kind: 'percentage', text: '3.9%' }]))
    expect(records[1]!.reasons).toEqual([{ kind: 'pleasantry', text: 'Thank you' }])
  })

  it('score --batch answers one line per input line', async () => {
    const stdin = `${JSON.stringify({ id: 7, text: 'Інфляція у квітні зросла до 6,1%.', lang: 'uk' })}\n`
    const result = await runCli(['score', '--batch'], { stdin })
    expect(result.code).toBe(0)
    const line = JSON.parse(result.stdout) as { id: number; text: string; checkworthy: boolean; reasons: { kind: string }[] }
    expect(line).toMatchObject({ id: 7, text: 'Інфляція у квітні зросла до 6,1%.', checkworthy: true })
    expect(line.reasons.map((r) => r.kind)).toContain('percentage')
  })

  it('split --json gives every sentence of an article with its score and reasons', async () => {
    const result = await runCli(['split', '-', '--json'], { stdin: ARTICLE })
    expect(result.code).toBe(0)
    const records = JSON.parse(result.stdout) as {
      text: string
      start: number
      end: number
      checkworthy: boolean
      reasons: { start: number; end: number; text: string }[]
    }[]
    expect(records.map((r) => [r.text, r.checkworthy])).toEqual([
      ['The U.S. Senate voted 52-48 on Tuesday.', true],
      ['Tickets cost $10.', false],
      ['A spokesman said the army never shelled the town.', true],
    ])
    for (const r of records) for (const reason of r.reasons) expect(ARTICLE.slice(reason.start, reason.end)).toBe(reason.text)
  })

  it('refuses a --lang that is not a language code', async () => {
    const result = await runCli(['split', '-', '--lang', 'english'], { stdin: ARTICLE })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--lang "english" is not a language code')
  })
})

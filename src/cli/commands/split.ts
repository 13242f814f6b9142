import type { Command } from 'commander'
import { loadCheckworthinessModel } from '@engine/claim-model'
import { scoreSentences } from '@domain/claims/propose'
import { readTextInput, RESOURCES_DIR, type CliIo } from '../io'
import { languageOf, languageOption } from './sentences'

interface SplitOptions {
  lang?: string
  json?: boolean
}

export function registerSplit(program: Command, io: CliIo): void {
  program
    .command('split')
    .description('split an article into sentences and score each for check-worthiness')
    .argument('[file]', 'the article; "-" or nothing reads standard input')
    .option('--lang <code>', 'the language, e.g. en, uk (default: detected)')
    .option('--json', 'print a JSON array of { text, start, end, score, checkworthy, reasons, claimant }')
    .action(async (file: string | undefined, options: SplitOptions) => {
      const lang = languageOption(options.lang)
      const model = await loadCheckworthinessModel(RESOURCES_DIR)
      const { text } = await readTextInput(file, io)
      const sentences = scoreSentences(text, await languageOf(text, lang), model)
      if (options.json) {
        const records = sentences.map((s) => ({ text: text.slice(s.start, s.end), ...s }))
        io.stdout(`${JSON.stringify(records, null, 2)}\n`)
        return
      }
      for (const s of sentences) {
        const kinds = [...new Set(s.reasons.map((r) => r.kind))].join(', ')
        const sentence = text.slice(s.start, s.end).replace(/\s*\n\s*/g, ' ')
        io.stdout(`${s.score.toFixed(2)} ${s.checkworthy ? 'claim' : '     '}  ${sentence}${kinds ? `  [${kinds}]` : ''}\n`)
      }
    })
}

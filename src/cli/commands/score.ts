import type { Command } from 'commander'
import { loadCheckworthinessModel } from '@engine/claim-model'
import { findClaimantInSentence } from '@domain/claims/claimant'
import { scoreSentence, type CheckworthinessModel } from '@domain/claims/model'
import { roundScore } from '@domain/claims/ranking'
import { readTextInput, RESOURCES_DIR, type CliIo } from '../io'
import { languageOf, languageOption, runBatch } from './sentences'

interface ScoreOptions {
  lang?: string
  json?: boolean
  batch?: boolean
}

function scoreRecord(sentence: string, language: string, model: CheckworthinessModel): object {
  const scored = scoreSentence(sentence, language, model)
  return {
    text: sentence,
    score: roundScore(scored.score),
    checkworthy: scored.checkworthy,
    reasons: scored.reasons.map((r) => ({ kind: r.kind, text: sentence.slice(r.start, r.end) })),
    // offsets into the sentence; null when the sentence is the outlet's own statement
    claimant: findClaimantInSentence(sentence, language),
  }
}

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('score sentences for check-worthiness, one sentence per input line')
    .argument('[file]', 'the sentences, one per line; "-" or nothing reads standard input')
    .option('--lang <code>', 'the language, e.g. en, uk (default: detected from all the input)')
    .option('--json', 'print a JSON array of { text, score, checkworthy, reasons, claimant }')
    .option('--batch', 'read JSON Lines { id?, text, lang? } and print one { id, text, score, checkworthy, reasons, claimant } line each')
    .action(async (file: string | undefined, options: ScoreOptions) => {
      const lang = languageOption(options.lang)
      const model = await loadCheckworthinessModel(RESOURCES_DIR)
      if (options.batch) {
        await runBatch(io, async (item) => scoreRecord(item.text, await languageOf(item.text, item.lang ?? lang), model))
        return
      }
      const { text } = await readTextInput(file, io)
      const language = await languageOf(text, lang)
      const lines = text.split(/\r?\n/).filter((line) => line.trim())
      const records = lines.map((line) => scoreRecord(line.trim(), language, model))
      if (options.json) {
        io.stdout(`${JSON.stringify(records, null, 2)}\n`)
        return
      }
      for (const line of lines) {
        const scored = scoreSentence(line.trim(), language, model)
        const kinds = [...new Set(scored.reasons.map((r) => r.kind))].join(', ')
        io.stdout(`${scored.score.toFixed(2)} ${scored.checkworthy ? 'claim' : '     '}  ${line.trim()}${kinds ? `  [${kinds}]` : ''}\n`)
      }
    })
}

import type { Command } from 'commander'
import { cliServices, type CliIo } from '../io'

export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description("search every project's claims, sources and articles, and the imported fact-check archives, in the projects folder")
    .argument('<query...>', 'words to find (any grammatical form; names in any script)')
    .option('--json', 'print the results as JSON')
    .option('--kind <kind>', 'only claim, source, article or review (archived fact-checks)')
    .option('--verdict <label>', 'only this verdict')
    .option('--limit <n>', 'at most this many results', '20')
    .action(async (words: string[], options: { json?: boolean; kind?: string; verdict?: string; limit: string }) => {
      const { LibraryIndex } = await import('@engine/memory/library-index')
      const services = await cliServices(io)
      const dir = await services.projectsDir()
      // One run: the index is built here from its cache (and the files that changed), no worker needed.
      const index = new LibraryIndex(dir)
      await index.build((p) => {
        if (p.state === 'building' && p.total > 500) io.stderr(`\rIndexing ${p.done} of ${p.total} files…`)
      })
      await index.flush()
      const kinds = options.kind ? [options.kind as 'claim'] : undefined
      const { hits, total } = index.find(
        words.join(' '),
        { ...(kinds ? { kinds } : {}), ...(options.verdict ? { verdict: options.verdict } : {}) },
        Math.max(1, Number(options.limit) || 20),
      )
      if (options.json) {
        io.stdout(`${JSON.stringify({ dir, total, results: hits.map((h) => ({ ...h.record, score: h.score })) }, null, 2)}\n`)
        return
      }
      if (!hits.length) {
        io.stdout(`Nothing found for "${words.join(' ')}" in ${dir}\n`)
        return
      }
      for (const { record } of hits) {
        const where =
          record.kind === 'review' ? `archive ${record.container}` : `${record.file}${record.itemId ? ` #${record.itemId}` : ''}`
        const verdict = record.verdict ? ` [${record.verdict}]` : ''
        io.stdout(
          `${record.kind.padEnd(7)} ${record.text.replace(/\s+/g, ' ').slice(0, 100)}${verdict}\n        ${where}${record.date ? `, ${record.date}` : ''}\n`,
        )
      }
      if (total > hits.length) io.stdout(`… ${total - hits.length} more (--limit)\n`)
    })
}

import { resolve } from 'node:path'
import type { Command } from 'commander'
import { cliServices, type CliIo } from '../io'

export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list the projects in a folder (default: the projects folder)')
    .argument('[dir]', 'folder to list')
    .option('--json', 'print the listing as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const services = await cliServices(io)
      const listing = await services.library.list(dir ? resolve(io.cwd, dir) : await services.projectsDir())
      if (options.json) {
        io.stdout(`${JSON.stringify(listing, null, 2)}\n`)
        return
      }
      if (listing.projects.length === 0 && listing.problems.length === 0) {
        io.stdout(`No projects in ${listing.dir}\n`)
        return
      }
      const rows = listing.projects.map((p) => [
        p.title || p.file,
        p.language,
        `${p.progress.done}/${p.progress.total} done`,
        `${p.claims} claims`,
        p.updatedAt.slice(0, 16).replace('T', ' '),
        p.file,
      ])
      const widths = rows.reduce<number[]>(
        (w, row) => row.map((cell, i) => Math.min(Math.max(w[i] ?? 0, cell.length), i === 0 ? 50 : 60)),
        [],
      )
      for (const row of rows) {
        io.stdout(
          `${row
            .map((cell, i) => (cell.length > (widths[i] ?? 0) ? `${cell.slice(0, (widths[i] ?? 1) - 1)}…` : cell.padEnd(widths[i] ?? 0)))
            .join('  ')
            .trimEnd()}\n`,
        )
      }
      for (const problem of listing.problems) io.stderr(`${problem.message}\n`)
    })
}

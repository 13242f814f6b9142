import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '@domain/errors'
import { mergeProjectTexts, type MergedFile } from '@domain/project/merge-files'
import { writeFileAtomic } from '@engine/fs/durable'
import { sha256 } from '@engine/project-store'
import { defaultConfigDir } from '@engine/paths'
import { SettingsStore } from '@engine/settings'
import { systemUserName } from '@engine/services'
import { gitIdentity } from '@engine/team/identity'
import type { CliIo } from '../io'

async function readText(io: CliIo, file: string): Promise<string> {
  const path = resolve(io.cwd, file)
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'IO',
      `Cannot read "${path}": ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    )
  }
}

async function mergeAuthor(io: CliIo): Promise<string> {
  const { checkerName } = await new SettingsStore(defaultConfigDir(io.env)).get()
  return checkerName || (await gitIdentity(io.env, io.cwd)).name || systemUserName()
}

async function merge(io: CliIo, base: string, ours: string, theirs: string): Promise<MergedFile> {
  const [baseText, oursText, theirsText] = await Promise.all([readText(io, base), readText(io, ours), readText(io, theirs)])
  return mergeProjectTexts(baseText, oursText, theirsText, {
    now: new Date().toISOString(),
    author: await mergeAuthor(io),
    theirsName: theirs,
    sha256,
    names: { base: resolve(io.cwd, base), ours: resolve(io.cwd, ours), theirs: resolve(io.cwd, theirs) },
  })
}

function report(io: CliIo, merged: MergedFile): void {
  for (const conflict of merged.conflicts) {
    const [mine, other] = conflict.values
    io.stderr(
      `conflict: ${conflict.what}: ${JSON.stringify(mine?.value)} (${mine?.by || 'ours'}) or ${JSON.stringify(other?.value)} (${other?.by || 'theirs'})\n`,
    )
  }
  if (merged.articleConflict) {
    io.stderr(
      'conflict: both sides changed the article text, which is never merged; the result is our version with the conflict recorded.\n',
    )
  } else if (merged.conflicts.length) {
    io.stderr(`${merged.conflicts.length} conflict(s) recorded in the project; open it in Factdesk and pick a value for each.\n`)
  }
}

export function registerMerge(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description(
      'three-way merge of a project file: claims and sources by id, field by field; same-field edits are recorded as conflicts inside the project, never as conflict markers',
    )
    .argument('<base>', 'the common ancestor (an empty file for none: every difference is kept as a conflict)')
    .argument('<ours>', 'our version')
    .argument('<theirs>', 'their version')
    .option('-o, --output <file>', 'where to write the merged project (default: standard output)')
    .addHelpText('after', '\nExit status: 0 merged (conflicts, if any, recorded inside); 1 the article texts differ and were not merged.')
    .action(async (base: string, ours: string, theirs: string, options: { output?: string }) => {
      const merged = await merge(io, base, ours, theirs)
      if (options.output) await writeFileAtomic(resolve(io.cwd, options.output), merged.text)
      else io.stdout(merged.text)
      report(io, merged)
      if (merged.articleConflict) process.exitCode = 1
    })

  program
    .command('merge-driver')
    .description('git merge driver for *.factdesk.json (.gitattributes: "*.factdesk.json merge=factdesk"); writes the merge into OURS')
    .argument('<base>', "git's %O")
    .argument('<ours>', "git's %A: replaced by the merged project")
    .argument('<theirs>', "git's %B")
    .addHelpText(
      'after',
      '\nInstall for command-line git (Start sharing does this for the folder):\n  git config merge.factdesk.driver "factdesk merge-driver %O %A %B"\n\nExit status: 0 merged; 1 git should report a conflict (the article texts differ, or a version is not a project), OURS then holds a valid project.',
    )
    .action(async (base: string, ours: string, theirs: string) => {
      let merged: MergedFile
      try {
        merged = await merge(io, base, ours, theirs)
      } catch (error) {
        // Git keeps OURS as it is and reports the conflict: the file stays a valid project, never gets markers.
        io.stderr(`factdesk merge-driver: ${error instanceof Error ? error.message : String(error)}\n`)
        process.exitCode = 1
        return
      }
      await writeFileAtomic(resolve(io.cwd, ours), merged.text)
      report(io, merged)
      if (merged.articleConflict) process.exitCode = 1
    })
}

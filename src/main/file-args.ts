import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROJECT_SUFFIX } from '@engine/project-store'

function asPath(arg: string): string | null {
  if (!arg.startsWith('file:')) return arg
  try {
    return fileURLToPath(arg)
  } catch {
    return null
  }
}

/**
 * The project files named on a command line: the app's own at launch, or the one the operating
 * system hands a second instance (double-click, "Open with"). Flags, the switches Chromium
 * adds and factdesk:// links (see links.ts) are skipped, Linux desktop launchers may pass file:// URLs, and a relative path is taken
 * from the folder the command was run in.
 */
export function projectPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = []
  for (const arg of argv) {
    if (arg.startsWith('-') || /^factdesk:/i.test(arg)) continue
    const path = asPath(arg)
    if (!path?.toLowerCase().endsWith(PROJECT_SUFFIX)) continue
    const absolute = resolve(cwd, path)
    if (!paths.includes(absolute)) paths.push(absolute)
  }
  return paths
}

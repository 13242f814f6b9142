import type { MessageBoxOptions } from 'electron'

export interface SandboxWarning {
  /** The message box shown before any window: Quit is the default and what closing it means. */
  box: MessageBoxOptions & { buttons: string[]; defaultId: number; cancelId: number }
  /** For the log: one line. */
  line: string
}

/** The message box's answer that means "open anyway". */
export const CONTINUE_WITHOUT_SANDBOX = 1

function box(detail: string[]): SandboxWarning['box'] {
  return {
    type: 'warning',
    title: 'Factdesk',
    message: 'Factdesk is running without its sandbox.',
    detail: detail.join('\n\n'),
    buttons: ['Quit', 'Continue without the sandbox'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  }
}

export interface LaunchContext {
  isPackaged: boolean
  platform: NodeJS.Platform
  argv: readonly string[]
  /** Set by the AppImage runtime to the .AppImage file's path. */
  appImage?: string | undefined
}

/**
 * What a packaged Factdesk says before it opens when it was started without Chromium's sandbox,
 * or null when it has its sandbox (or runs from the project folder, where `npm start` has
 * already said why). The AppImage's launcher, written by electron-builder 26, adds --no-sandbox
 * on its own when `unshare -Ur true` fails, as on Ubuntu 24.04 and later, whose AppArmor keeps
 * unconfined programs out of user namespaces; the deb installs an AppArmor profile instead.
 */
export function sandboxWarning({ isPackaged, platform, argv, appImage }: LaunchContext): SandboxWarning | null {
  if (!isPackaged || !argv.includes('--no-sandbox')) return null
  if (platform === 'linux' && appImage) {
    return {
      box: box([
        'This AppImage turned off Chromium’s sandbox because this system does not let it create the user namespaces the sandbox needs (Ubuntu 24.04 and later restrict them with AppArmor).',
        'Without the sandbox, a malicious article or project file that found a flaw in the page engine could reach your files.',
        'Install Factdesk’s .deb package instead: it brings the AppArmor profile that keeps the sandbox on. Continue only with files you trust.',
      ]),
      line: `[factdesk] started without Chromium's sandbox: the AppImage (${appImage}) added --no-sandbox because user namespaces are unavailable; install the .deb package to keep the sandbox.`,
    }
  }
  return {
    box: box([
      'Factdesk was started with --no-sandbox, which turns off Chromium’s sandbox.',
      'Without the sandbox, a malicious article or project file that found a flaw in the page engine could reach your files.',
      'Start Factdesk without --no-sandbox (check the launcher or shortcut). Continue only with files you trust.',
    ]),
    line: "[factdesk] started with --no-sandbox: Chromium's sandbox is off; start Factdesk without that switch.",
  }
}

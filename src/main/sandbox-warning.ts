import type { MessageBoxOptions } from 'electron'
import type { Translate } from '@domain/translate'

export interface SandboxWarning {
  /** The message box shown before any window: Quit is the default and what closing it means. */
  box: MessageBoxOptions & { buttons: string[]; defaultId: number; cancelId: number }
  /** For the log: one line. */
  line: string
}

/** The message box's answer that means "open anyway". */
export const CONTINUE_WITHOUT_SANDBOX = 1

function box(detail: string[], t: Translate): SandboxWarning['box'] {
  return {
    type: 'warning',
    title: 'Factdesk',
    message: t('shell.sandboxMessage'),
    detail: detail.join('\n\n'),
    buttons: [t('shell.sandboxQuit'), t('shell.sandboxContinue')],
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
export function sandboxWarning({ isPackaged, platform, argv, appImage }: LaunchContext, t: Translate): SandboxWarning | null {
  if (!isPackaged || !argv.includes('--no-sandbox')) return null
  if (platform === 'linux' && appImage) {
    return {
      box: box([t('shell.sandboxAppImage'), t('shell.sandboxRisk'), t('shell.sandboxAppImageFix')], t),
      line: `[factdesk] started without Chromium's sandbox: the AppImage (${appImage}) added --no-sandbox because user namespaces are unavailable; install the .deb package to keep the sandbox.`,
    }
  }
  return {
    box: box([t('shell.sandboxSwitch'), t('shell.sandboxRisk'), t('shell.sandboxSwitchFix')], t),
    line: "[factdesk] started with --no-sandbox: Chromium's sandbox is off; start Factdesk without that switch.",
  }
}

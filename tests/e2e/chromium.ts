import { chromiumMissingMessage, CHROMIUM_ARGS, findChromium } from '@engine/export/chromium'

/**
 * The Chromium the tests drive: Debian's (or FACTDESK_CHROMIUM), found the same way PDF export
 * finds it; Playwright's own browser download is never used.
 */
export const CHROMIUM_PATH = findChromium() ?? process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium'

export { CHROMIUM_ARGS }

export function chromiumMissingReason(): string | null {
  return findChromium() ? null : chromiumMissingMessage()
}

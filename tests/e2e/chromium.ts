import { chromiumMissingMessage, CHROMIUM_ARGS, describeBrowser, findChromium } from '@engine/export/chromium'

/**
 * The Chromium the tests drive, found as PDF export finds it: FACTDESK_CHROMIUM, a system browser,
 * Playwright's own, then the one inside @sparticuz/chromium; `npx playwright install` is never needed.
 */
const found = await findChromium()

export const CHROMIUM_PATH = found?.path ?? process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium'

export { CHROMIUM_ARGS }

export function chromiumMissingReason(): string | null {
  return found ? null : chromiumMissingMessage()
}

/** One line for the test run's output: which browser the e2e tier uses. */
export function browserLine(): string {
  return found ? `e2e browser: ${describeBrowser(found)}` : `e2e browser: none found. ${chromiumMissingMessage()}`
}

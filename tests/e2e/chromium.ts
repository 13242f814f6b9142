import { existsSync } from 'node:fs'

/** Debian's Chromium (or FACTDESK_CHROMIUM); Playwright's own browser download is not used. */
export const CHROMIUM_PATH = process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function chromiumMissingReason(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package or set FACTDESK_CHROMIUM`
}

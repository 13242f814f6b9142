import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@domain/errors'
import type { Env } from '../paths'

/** Flags for a headless print of a local page: no sandbox helper, GPU, updates, sync or phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Where Chromium, Chrome or Edge (all print the same way) usually live on each platform. */
export function chromiumCandidates(env: Env, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root))
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ])
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
  ]
}

/**
 * The browser to print with: FACTDESK_CHROMIUM when set (and then only it, so a typo is reported
 * rather than silently replaced), else the first usual install found. Null when there is none.
 */
export function findChromium(env: Env = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.FACTDESK_CHROMIUM) return existsSync(env.FACTDESK_CHROMIUM) ? env.FACTDESK_CHROMIUM : null
  return chromiumCandidates(env, platform).find((path) => existsSync(path)) ?? null
}

export function chromiumMissingMessage(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FACTDESK_CHROMIUM) {
    return `FACTDESK_CHROMIUM is set to "${env.FACTDESK_CHROMIUM}", but there is no file there. Point it at a Chromium or Google Chrome executable, or unset it.`
  }
  return [
    'PDF export prints the HTML report with Chromium, Google Chrome or Microsoft Edge, and none was found',
    `(looked in ${chromiumCandidates(env, platform).join(', ')}).`,
    'Install one (on Debian or Ubuntu: apt-get install chromium) or set FACTDESK_CHROMIUM to its path;',
    'or export HTML and print it to PDF from any browser.',
  ].join(' ')
}

export type PdfPrinter = (html: string) => Promise<Uint8Array>

/**
 * Prints the report HTML to an A4 PDF in headless Chromium, with script and network off (the
 * report needs neither). Page numbers come from the report's own @page margin boxes, so the app's
 * Electron printToPDF gives the same pages.
 */
export async function printPdfWithChromium(html: string, env: Env = process.env): Promise<Uint8Array> {
  const executablePath = findChromium(env)
  if (!executablePath) throw new AppError('UNSUPPORTED', chromiumMissingMessage(env))
  // Loaded only when printing: playwright-core takes seconds to load on a busy machine, and every
  // other CLI command would pay for it.
  const { chromium } = await import('playwright-core')
  let browser
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 })
  } catch (error) {
    throw new AppError(
      'UNSUPPORTED',
      `Chromium at "${executablePath}" did not start, so no PDF was made: ${(error as Error).message.split('\n')[0] ?? ''}`,
      {
        cause: error,
      },
    )
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true })
  } finally {
    await browser.close()
  }
}

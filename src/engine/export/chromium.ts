import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
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

/** Where the browser came from, in the order they are tried. */
export type BrowserSource = 'FACTDESK_CHROMIUM' | 'system' | 'playwright' | '@sparticuz/chromium'

export interface FoundBrowser {
  path: string
  source: BrowserSource
}

/**
 * A browser already on this machine: FACTDESK_CHROMIUM when set (and then only it, so a typo is
 * reported rather than silently replaced), else the first usual install found. Cheap and
 * synchronous; findChromium goes on to the browsers that need loading or unpacking.
 */
export function findInstalledChromium(env: Env = process.env, platform: NodeJS.Platform = process.platform): FoundBrowser | null {
  if (env.FACTDESK_CHROMIUM) return existsSync(env.FACTDESK_CHROMIUM) ? { path: env.FACTDESK_CHROMIUM, source: 'FACTDESK_CHROMIUM' } : null
  const path = chromiumCandidates(env, platform).find((candidate) => existsSync(candidate))
  return path ? { path, source: 'system' } : null
}

/** A Chromium that `npx playwright install` put in Playwright's own folder, if any. */
async function playwrightChromium(): Promise<FoundBrowser | null> {
  try {
    const { chromium } = await import('playwright-core')
    const path = chromium.executablePath()
    return path && existsSync(path) ? { path, source: 'playwright' } : null
  } catch {
    return null
  }
}

/**
 * The Chromium inside the @sparticuz/chromium package (a devDependency, Linux x64 only): a fresh
 * checkout can test and print with no browser installed and no download. It unpacks (about 2 s)
 * into node_modules/.cache once; the package unpacks into os.tmpdir(), so TMPDIR points at a
 * private staging folder that is then renamed into place (two processes racing both end with one
 * complete copy, and nothing is ever run from the shared /tmp).
 */
export async function packagedChromium(env: Env, platform: NodeJS.Platform = process.platform): Promise<FoundBrowser | null> {
  if (platform !== 'linux' || process.arch !== 'x64' || env.FACTDESK_NO_PACKAGED_CHROMIUM) return null
  // A variable specifier: the desktop bundle must not pull in this dev-only package (it prints with Electron).
  const name = '@sparticuz/chromium'
  let entry: string
  try {
    entry = fileURLToPath(import.meta.resolve(name))
  } catch {
    return null
  }
  const packageDir = join(dirname(entry), '..')
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const cache = join(packageDir, '..', '..', '.cache', 'factdesk-chromium')
  const target = join(cache, version)
  const binary = join(target, 'chromium')
  if (existsSync(binary)) return { path: binary, source: '@sparticuz/chromium' }
  mkdirSync(cache, { recursive: true })
  const staging = mkdtempSync(join(cache, '.unpacking-'))
  const tmp = process.env.TMPDIR
  try {
    process.env.TMPDIR = staging
    const { default: Chromium } = (await import(/* @vite-ignore */ name)) as { default: { executablePath: () => Promise<string> } }
    await Chromium.executablePath()
  } catch {
    rmSync(staging, { recursive: true, force: true })
    return null
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = tmp
  }
  try {
    renameSync(staging, target)
  } catch {
    rmSync(staging, { recursive: true, force: true })
  }
  return existsSync(binary) ? { path: binary, source: '@sparticuz/chromium' } : null
}

/**
 * The browser to print and test with, in this order: FACTDESK_CHROMIUM, a system Chromium, Chrome
 * or Edge, Playwright's own installed browser, then the one inside @sparticuz/chromium. Null when
 * there is none (FACTDESK_CHROMIUM set to a missing file also gives null: it is never replaced).
 */
export async function findChromium(env: Env = process.env, platform: NodeJS.Platform = process.platform): Promise<FoundBrowser | null> {
  const installed = findInstalledChromium(env, platform)
  if (installed || env.FACTDESK_CHROMIUM) return installed
  return (await playwrightChromium()) ?? (await packagedChromium(env, platform))
}

/** "the browser from @sparticuz/chromium (path)", for the line that says which browser is used. */
export function describeBrowser({ path, source }: FoundBrowser): string {
  const from = {
    FACTDESK_CHROMIUM: 'FACTDESK_CHROMIUM',
    system: 'this system',
    playwright: 'Playwright’s browsers',
    '@sparticuz/chromium': '@sparticuz/chromium',
  }
  return `the browser from ${from[source]} (${path})`
}

export function chromiumMissingMessage(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FACTDESK_CHROMIUM) {
    return `FACTDESK_CHROMIUM is set to "${env.FACTDESK_CHROMIUM}", but there is no file there. Point it at a Chromium or Google Chrome executable, or unset it.`
  }
  return [
    'PDF export prints the HTML report with Chromium, Google Chrome or Microsoft Edge, and none was found',
    `(looked in ${chromiumCandidates(env, platform).join(', ')}, in Playwright’s browsers and in @sparticuz/chromium).`,
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
export async function printPdfWithChromium(html: string, env: Env = process.env, log?: (line: string) => void): Promise<Uint8Array> {
  const found = await findChromium(env)
  if (!found)
    throw new AppError(
      'UNSUPPORTED',
      chromiumMissingMessage(env),
      env.FACTDESK_CHROMIUM
        ? { key: 'export.chromiumNotThere', params: { path: env.FACTDESK_CHROMIUM } }
        : { key: 'export.noChromium', params: { looked: chromiumCandidates(env, process.platform).join(', ') } },
    )
  log?.(`Printing the PDF with ${describeBrowser(found)}.`)
  const executablePath = found.path
  // Loaded only when printing: playwright-core takes seconds to load on a busy machine, and every
  // other CLI command would pay for it.
  const { chromium } = await import('playwright-core')
  let browser
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 })
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? ''
    throw new AppError('UNSUPPORTED', `Chromium at "${executablePath}" did not start, so no PDF was made: ${reason}`, {
      cause: error,
      key: 'export.chromiumFailed',
      params: { path: executablePath, reason },
    })
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

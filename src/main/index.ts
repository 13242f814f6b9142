import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session } from 'electron'
import { join } from 'node:path'
import { SHELL_COMMAND_CHANNEL, type ShellMessage } from '@contract/shell'
import { showAbout, showNotices } from './about'
import { appProtocolHandler } from './app-protocol'
import { desktopAbilities } from './desktop'
import { projectPathsFromArgv } from './file-args'
import { registerLinkScheme, routesFromArgv } from './links'
import { formatRoute, routeOfLink } from '@contract/routes'
import { hardenApp, hardenSession } from './harden'
import { registerIpc } from './ipc'
import { menuTemplate } from './menu'
import { QUIT_CHOICES, quitQuestion, settleUnsavedBeforeQuit } from './quit'
import { CONTINUE_WITHOUT_SANDBOX, sandboxWarning } from './sandbox-warning'
import { APP_SCHEME, isTrustedRendererUrl, remoteDebuggingSwitch } from './security'
import { createDispatcher } from '@engine/dispatcher'
import { createServices } from '@engine/services'
import { defaultConfigDir } from '@engine/paths'
import { loadCatalogues } from '@engine/catalogues'
import { appLanguage, translatorFor } from '@contract/i18n/translator'
import type { Translator } from '@domain/translate'
import { createMainWindow, preloadPath } from './window'
import { placeWindow, readWindowState, windowStateFile } from './window-state'

const isDev = !app.isPackaged
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined
const mainDir = import.meta.dirname
const rendererDir = join(mainDir, '../renderer')
const configDir = defaultConfigDir()
const resourcesDir = join(app.getAppPath(), 'resources')

/** Channels after which the File ▸ Open Recent list may read differently. */
const RECENT_CHANGES = new Set([
  'project:open',
  'project:create',
  'project:close',
  'project:saveCopy',
  'project:rename',
  'project:delete',
  'settings:set',
])

// Settings, window state and Chromium's own data share the folder the CLI uses. It also keys the
// single-instance lock, so an instance with its own FACTDESK_CONFIG_DIR (a test) stands alone.
app.setName('Factdesk')
app.setPath('userData', configDir)

function start(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
  hardenApp(devServerUrl)

  let mainWindow: BrowserWindow | null = null
  let opening: Promise<void> | null = null
  let rendererReady = false
  /** False while a packaged app started without its sandbox waits for the checker's answer. */
  let mayOpenWindow = false
  /** Commands waiting for the window's page: a file opened at launch, a menu click with no window. */
  const pending: ShellMessage[] = []

  const services = createServices({
    edition: 'desktop',
    version: app.getVersion(),
    resourcesDir,
    systemLanguage: app.getLocale(),
    configDir,
    documentsDir: app.getPath('documents'),
    desktop: desktopAbilities(
      () => mainWindow,
      process.platform,
      () => services.projectsDir(),
    ),
  })

  const createWindow = async (): Promise<void> => {
    const stateFile = windowStateFile(configDir)
    const primary = screen.getPrimaryDisplay()
    const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
    const win = createMainWindow({
      preloadPath: preloadPath(mainDir),
      placement: placeWindow(await readWindowState(stateFile), workAreas),
      stateFile,
      isDev,
      iconPath: join(rendererDir, 'icon.png'),
      ...(devServerUrl ? { devServerUrl } : {}),
    })
    mainWindow = win
    rendererReady = false
    win.webContents.on('did-finish-load', () => {
      rendererReady = true
      for (const message of pending.splice(0)) win.webContents.send(SHELL_COMMAND_CHANNEL, message)
    })
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
  }

  /** Opens the one app window, unless it is open or opening. */
  const openWindow = (): Promise<void> => {
    if (mainWindow) return Promise.resolve()
    opening ??= createWindow().finally(() => {
      opening = null
    })
    return opening
  }

  const deliver = (message: ShellMessage): void => {
    if (mainWindow && rendererReady) {
      mainWindow.webContents.send(SHELL_COMMAND_CHANNEL, message)
      return
    }
    pending.push(message)
    if (!mainWindow && mayOpenWindow) void openWindow()
  }

  const openProjectFile = (path: string): void => {
    // The checker chose this file in the file manager or on the command line: the API may open it.
    services.grant(path)
    deliver({ command: 'project:openPath', argument: path })
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  }

  /** A `factdesk://` link opened from a chat or notes: the window comes forward at that project and claim. */
  const openRoute = (route: string): void => {
    deliver({ command: 'route:open', argument: route })
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  }

  /** The shell's menus and dialogs speak the checker's choice, else the system's language (app.getLocale()), as the renderer chooses. */
  const shellTranslator = async (): Promise<Translator> => {
    // Settings that cannot be read must not keep the window, the menu or the quit question from
    // appearing: the system's language stands in.
    const language = (await services.settings.get().catch(() => null))?.language ?? ''
    const catalogues = loadCatalogues(resourcesDir)
    return translatorFor(catalogues, appLanguage(catalogues, language, app.getLocale()))
  }

  const refreshMenu = async (): Promise<void> => {
    const recent = await services.handlers['project:recent']({}).catch(() => [])
    const { t } = await shellTranslator()
    const template = menuTemplate(
      { platform: process.platform, recent: recent.map(({ path, title }) => ({ path, title })), isDev, t },
      {
        send: deliver,
        clearRecent: () => void services.settings.update({ recent: [] }).then(refreshMenu),
        showAbout: () => void showAbout(mainWindow, t),
        showNotices: () => void showNotices(mainWindow, t),
      },
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  /** A packaged app never runs without Chromium's sandbox silently: it asks first, Quit being the default. */
  const goOnWithoutSandbox = async (): Promise<boolean> => {
    const warning = sandboxWarning(
      {
        isPackaged: app.isPackaged,
        platform: process.platform,
        argv: process.argv,
        appImage: process.env.APPIMAGE,
      },
      (await shellTranslator()).t,
    )
    if (!warning) return true
    console.warn(warning.line)
    const { response } = await dialog.showMessageBox(warning.box)
    return response === CONTINUE_WITHOUT_SANDBOX
  }

  const launchFile = projectPathsFromArgv(process.argv, process.cwd())[0]
  if (launchFile) pending.push({ command: 'project:openPath', argument: launchFile })
  const launchRoute = routesFromArgv(process.argv)[0]
  if (launchRoute) pending.push({ command: 'route:open', argument: launchRoute })
  registerLinkScheme(app, process.execPath, app.getAppPath())

  // macOS hands over factdesk:// links through this event, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    const route = routeOfLink(url)
    if (route) openRoute(formatRoute(route))
  })

  // macOS hands over files (Finder, the Dock) through this event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    const [file] = projectPathsFromArgv([path], process.cwd())
    if (file) openProjectFile(file)
  })

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const [file] = projectPathsFromArgv(argv, workingDirectory)
    const [route] = routesFromArgv(argv)
    if (file) openProjectFile(file)
    else if (route) openRoute(route)
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    } else void openWindow()
  })

  void app.whenReady().then(async () => {
    if (!(await goOnWithoutSandbox())) {
      app.quit()
      return
    }
    mayOpenWindow = true
    protocol.handle(APP_SCHEME, appProtocolHandler({ rendererDir, fetchFile: (url) => net.fetch(url) }))
    hardenSession(session.defaultSession, devServerUrl)
    const dispatch = createDispatcher(services.handlers, {
      onUnexpected: (channel, error) => console.error(`[factdesk] ${channel} failed:`, error),
    })
    registerIpc(
      ipcMain,
      async (channel, input) => {
        const result = await dispatch(channel, input)
        if (result.ok && typeof channel === 'string' && RECENT_CHANGES.has(channel)) void refreshMenu()
        return result
      },
      (url) => isTrustedRendererUrl(url, devServerUrl),
    )
    await refreshMenu()
    await openWindow()
    app.on('activate', () => {
      if (!mainWindow) void openWindow()
    })
  })

  let settled = false
  let settling = false
  app.on('before-quit', (event) => {
    if (settled) return
    event.preventDefault()
    if (settling) return
    settling = true
    const parent = (): BrowserWindow | undefined => mainWindow ?? undefined
    const translator = shellTranslator()
    void settleUnsavedBeforeQuit({
      store: services.store,
      ask: async (project) => {
        const question = quitQuestion(project, await translator)
        const options = { type: 'warning' as const, ...question, defaultId: 0, cancelId: 3, noLink: true }
        const window = parent()
        const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options)
        return QUIT_CHOICES[response] ?? 'cancel'
      },
      chooseCopyPath: async (path) => {
        const options = {
          title: (await translator).t('shell.quitCopyTitle'),
          defaultPath: path.replace(/\.factdesk\.json$/, ' copy.factdesk.json'),
        }
        const window = parent()
        const { canceled, filePath } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
        return canceled || !filePath ? null : filePath
      },
      tell: async (message) => {
        await dialog.showMessageBox({ type: 'error', message: (await translator).t('shell.quitCopyFailed'), detail: message })
      },
    }).then(
      (mayQuit) => {
        settling = false
        if (!mayQuit) return
        settled = true
        app.quit()
      },
      async (error: unknown) => {
        settling = false
        dialog.showErrorBox((await translator).t('shell.quitFailed'), error instanceof Error ? error.message : String(error))
      },
    )
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

const debugSwitch = app.isPackaged ? remoteDebuggingSwitch(process.argv) : null
if (debugSwitch) {
  console.error(`Factdesk does not start with ${debugSwitch}: it would let another program take control of the app.`)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start()
}

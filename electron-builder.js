// Installers for Linux (deb, AppImage), Windows (NSIS) and macOS (dmg). Build the app first:
// `npm run build && npx electron-builder --linux` (or --win, --mac). See README "Building installers".
import { appDependencies, NOTICES_FILE, shortPath, UNUSED_FILES, writeNotices } from './scripts/app-contents.js'

/**
 * The window-to-launcher link on Linux. Electron takes its Wayland app_id and X11 WM_CLASS from
 * package.json's desktopName (else `<name>.desktop`), and electron-builder 26 writes
 * StartupWMClass from desktopName (else the product name, "Factdesk", which would not match).
 * With linux.syncDesktopName the .desktop file is named after it as well.
 * https://www.electron.build/linux#window-association-desktopname--syncdesktopname
 */
export const DESKTOP_NAME = 'factdesk.desktop'

/**
 * The configuration, given the production packages to leave out of app.asar.
 * @param {{ leftOut: string[] }} contents
 * @returns {import('electron-builder').Configuration}
 */
export function builderConfiguration({ leftOut }) {
  return {
    appId: 'org.factdesk.app',
    productName: 'Factdesk',
    // desktopName only: package.json is the project's; this goes into the packed copy.
    extraMetadata: { desktopName: DESKTOP_NAME },
    copyright: 'Copyright © Factdesk contributors',
    directories: { buildResources: 'resources/icons', output: 'dist' },
    files: [
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'resources/samples/**',
      'resources/models/**',
      // The main process reads the menus' and dialogs' words from here; the renderer has them bundled.
      'resources/locales/**',
      'package.json',
      '!**/node_modules/**/*.map',
      ...leftOut.map((name) => `!**/node_modules/${name}{,/**/*}`),
      ...UNUSED_FILES.map((glob) => `!${glob}`),
    ],
    extraResources: [{ from: shortPath(NOTICES_FILE), to: 'NOTICES.txt' }],
    beforePack: async () => {
      await writeNotices()
    },
    asar: true,
    // Nothing to rebuild against Electron's headers (which would be downloaded): main's
    // dependencies are JavaScript (pdf.js's optional native canvas is left out, see
    // OPTIONAL_LEFT_OUT). pack:check fails if a node-gyp module ever appears; an N-API prebuild
    // would load as it is, but only on the platform it was installed for.
    npmRebuild: false,
    electronFuses: {
      // Flipping a fuse changes the executable, which voids the ad-hoc signature Electron's macOS
      // arm64 build ships with, and Apple Silicon refuses to launch an arm64 app without a valid
      // one ("Code Signature Invalid"). electron-builder signs after the fuses only when a signing
      // identity is found and passes this flag to @electron/fuses only when it is set, so an
      // unsigned build needs it: @electron/fuses re-signs the .app ad hoc (codesign --sign -),
      // and only on macOS bundles (https://github.com/electron/fuses#apple-silicon). A Developer ID
      // signature, when there is one, replaces it right after.
      resetAdHocDarwinSignature: true,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    },
    fileAssociations: [
      {
        ext: 'factdesk.json',
        name: 'Factdesk project',
        description: 'Factdesk project',
        mimeType: 'application/x-factdesk-project+json',
        role: 'Editor',
      },
    ],
    // factdesk://p/<project>/c/<claim> links open the app at that claim (src/main/links.ts); macOS only
    // honours app.setAsDefaultProtocolClient for schemes declared here, in Info.plist, and the Linux
    // desktop file gets x-scheme-handler/factdesk from it.
    protocols: [{ name: 'Factdesk link', schemes: ['factdesk'] }],
    linux: {
      // The deb is the recommended Linux package: it installs an AppArmor profile that lets
      // Chromium's sandbox create its user namespaces on Ubuntu 24.04 and later (electron-builder
      // issue 8635), and a setuid sandbox helper where namespaces are off. The AppImage cannot:
      // its launcher adds --no-sandbox when `unshare -Ur true` fails, and the app then warns
      // before it opens (src/main/sandbox-warning.ts; docs/security.md).
      target: ['deb', 'AppImage'],
      // Linux alone gets a lower-case command (/usr/bin/factdesk); a top-level executableName
      // would also name Factdesk.app and Factdesk.exe after it (electron-builder 26,
      // PlatformSpecificBuildOptions.executableName).
      executableName: 'factdesk',
      syncDesktopName: true,
      category: 'Office',
      icon: 'linux',
      synopsis: 'Offline workbench for fact-checkers',
      maintainer: 'Factdesk contributors',
    },
    win: { target: ['nsis'], icon: 'icon.ico' },
    nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
    mac: { target: ['dmg'], icon: 'icon.icns', category: 'public.app-category.productivity' },
  }
}

/** @returns {Promise<import('electron-builder').Configuration>} */
export default async function configuration() {
  // Main is built with its dependencies left as imports (electron-vite's default), so app.asar
  // needs their packages. electron-builder would pack every production dependency: the CLI's
  // (tsx, commander, open), playwright-core and the packages the renderer bundle already holds.
  // Only what the built main imports, and what that needs, goes in: the rest is excluded by name.
  return builderConfiguration(await appDependencies())
}

// Installers for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg). Build the app first:
// `npm run build && npx electron-builder --linux` (or --win, --mac). See README "Building installers".
import { appDependencies, NOTICES_FILE, shortPath, UNUSED_FILES, writeNotices } from './scripts/app-contents.js'

/** @returns {Promise<import('electron-builder').Configuration>} */
export default async function configuration() {
  // Main is built with its dependencies left as imports (electron-vite's default), so app.asar
  // needs their packages. electron-builder would pack every production dependency: the CLI's
  // (tsx, commander, open), playwright-core and the packages the renderer bundle already holds.
  // Only what the built main imports, and what that needs, goes in: the rest is excluded by name.
  const { leftOut } = await appDependencies()
  return {
    appId: 'org.factdesk.app',
    productName: 'Factdesk',
    executableName: 'factdesk',
    copyright: 'Copyright © Factdesk contributors',
    directories: { buildResources: 'resources/icons', output: 'dist' },
    files: [
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'resources/samples/**',
      'resources/models/**',
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
    linux: {
      target: ['AppImage', 'deb'],
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

/**
 * What the desktop shell lends the engine (native dialogs, printing, the OS). The engine depends
 * only on this interface; src/main implements it with Electron, and it is absent in the browser
 * edition, the CLI and most tests.
 */

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface DesktopAbilities {
  /** Opens a file with the system's default application. */
  openPath: (path: string) => Promise<void>
  /** A native open dialog; resolves to the chosen path, or null when cancelled. */
  chooseOpenFile: (options: { title: string; filters: FileFilter[] }) => Promise<string | null>
  /** A native save dialog; resolves to the chosen path, or null when cancelled. */
  chooseSaveFile: (options: { title: string; defaultPath: string; filters: FileFilter[] }) => Promise<string | null>
  /** Prints self-contained HTML to PDF (Electron's printToPDF). */
  printToPdf: (html: string) => Promise<Uint8Array>
  /** Seals secrets with the OS keychain; absent where the shell cannot. */
  secrets?: SecretSealer
}

/**
 * Seals a secret (a git host's token) with the OS keychain: Electron's safeStorage in the main
 * process. The engine keeps only the sealed bytes.
 */
export interface SecretSealer {
  available: () => Promise<boolean>
  seal: (secret: string) => Promise<Uint8Array>
  unseal: (sealed: Uint8Array) => Promise<string>
}

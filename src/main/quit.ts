import type { ProjectStore } from '@engine/project-store'
import { writeProjectFileAt } from '@engine/project-store'
import type { Translator } from '@domain/translate'
import { SOURCE_LANGUAGE } from '@contract/i18n/translator'

/** What the checker chose for a project whose edits could not be saved at quit. */
export type QuitChoice = 'retry' | 'copy' | 'discard' | 'cancel'

export interface UnsavedProject {
  path: string
  title: string
  edits: number
  /** Why it could not be saved (a full or read-only disk, a change on disk), in the engine's English; null when it did not say. */
  message: string | null
}

export interface QuitDeps {
  store: Pick<ProjectStore, 'flushAll' | 'flush' | 'unsavedPaths' | 'unsavedEdits' | 'peek' | 'status' | 'discard' | 'closeAll'>
  /** Asks the checker (a native message box): Retry, Save a copy as…, Discard, or Cancel the quit. */
  ask: (project: UnsavedProject) => Promise<QuitChoice>
  /** A native save dialog for the copy; null when cancelled. */
  chooseCopyPath: (path: string) => Promise<string | null>
  /** Tells the checker that a copy could not be written, so they can choose again. */
  tell: (message: string) => Promise<void>
}

/**
 * Before the desktop app quits, every edit is saved, or the checker decides what happens to the
 * ones that cannot be: try again, save a copy somewhere else, or discard them — never a silent
 * loss. Returns whether the app may quit now.
 */
export async function settleUnsavedBeforeQuit({ store, ask, chooseCopyPath, tell }: QuitDeps): Promise<boolean> {
  await store.flushAll()
  for (const path of store.unsavedPaths()) {
    for (;;) {
      const status = store.status(path)
      const edits = store.unsavedEdits(path)
      if (edits === 0) break
      const choice = await ask({
        path,
        title: store.peek(path)?.article.title ?? path,
        edits,
        message: status.message,
      })
      if (choice === 'cancel') return false
      if (choice === 'discard') {
        await store.discard(path)
        break
      }
      if (choice === 'retry') {
        await store.flush(path)
        continue
      }
      const target = await chooseCopyPath(path)
      const project = store.peek(path)
      if (!target || !project) continue
      try {
        await writeProjectFileAt(target, project)
        await store.discard(path)
        break
      } catch (error) {
        await tell(error instanceof Error ? error.message : String(error))
      }
    }
  }
  await store.closeAll()
  return true
}

/**
 * The message box's text for one project, in the app's language. The engine's reason names the
 * exact cause but is English, so it is shown only while the app speaks English.
 */
export function quitQuestion(project: UnsavedProject, { language, t }: Translator): { message: string; detail: string; buttons: string[] } {
  const count = project.edits
  const reason = project.message && language === SOURCE_LANGUAGE ? project.message : t('shell.quitUnknownReason')
  return {
    message: t('shell.quitMessage', { title: project.title, count }),
    detail: t('shell.quitDetail', { reason, count }),
    buttons: [t('shell.quitRetry'), t('shell.quitCopy'), t('shell.quitDiscard', { count }), t('shell.quitCancel')],
  }
}

export const QUIT_CHOICES: readonly QuitChoice[] = ['retry', 'copy', 'discard', 'cancel']

/**
 * Text the checker has typed but not yet committed (a field commits when they pause or leave it).
 * Anything that leaves the screen — closing the project, opening another, hiding or closing the
 * tab — commits these first, so no typed word is lost to a timer that never fired.
 */
const pending = new Set<() => void>()

export function trackPendingField(commit: () => void): () => void {
  pending.add(commit)
  return () => pending.delete(commit)
}

export function commitPendingFields(): void {
  for (const commit of [...pending]) commit()
}

export function hasPendingFields(): boolean {
  return pending.size > 0
}

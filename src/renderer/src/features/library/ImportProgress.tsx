import type { ImportProgress as Progress } from '@contract/import'
import { useApp } from '../../store'

/** A quick import shows nothing; one that has taken this long shows how far it has got. */
const SHOW_AFTER_MS = 1000

function stageOf({ stage, pages }: Progress): string {
  if (pages) return `page ${pages.done.toLocaleString()} of ${pages.total.toLocaleString()}`
  switch (stage) {
    case 'starting':
      return 'starting'
    case 'reading':
      return 'reading the file'
    case 'checking':
      return 'checking what it unpacks to'
    case 'extracting':
      return 'reading its text'
    case 'finishing':
      return 'tidying the text'
  }
}

/** An import that takes more than a second: what it is doing (pages read for a PDF), and a way to stop it. */
export function ImportProgress() {
  const progress = useApp((s) => s.importing?.progress)
  const stopImport = useApp((s) => s.stopImport)
  if (!progress || progress.elapsedMs < SHOW_AFTER_MS) return null
  const { pages } = progress
  return (
    <div className="import-progress" role="status" aria-label="Import progress">
      <p>
        Importing {progress.name}: {stageOf(progress)}…
      </p>
      {pages ? (
        <progress value={pages.done} max={pages.total} aria-label={`Pages read of ${progress.name}`} />
      ) : (
        <progress aria-label={`Importing ${progress.name}`} />
      )}
      <button type="button" className="button-secondary" onClick={() => void stopImport()}>
        Cancel import
      </button>
    </div>
  )
}

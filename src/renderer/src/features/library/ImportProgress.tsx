import type { ImportProgress as Progress } from '@contract/import'
import type { TFunction } from 'i18next'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'

/** A quick import shows nothing; one that has taken this long shows how far it has got. */
const SHOW_AFTER_MS = 1000

function stageOf({ stage, pages }: Progress, t: TFunction): string {
  return pages ? t('import.stage.page', { done: pages.done, total: pages.total }) : t(`import.stage.${stage}`)
}

/** An import that takes more than a second: what it is doing (pages read for a PDF), and a way to stop it. */
export function ImportProgress() {
  const progress = useApp((s) => s.importing?.progress)
  const stopImport = useApp((s) => s.stopImport)
  const { t } = useTranslation()
  if (!progress || progress.elapsedMs < SHOW_AFTER_MS) return null
  const { pages } = progress
  return (
    <div className="import-progress" role="status" aria-label={t('import.progress')}>
      <p>{t('import.importing', { name: progress.name, stage: stageOf(progress, t) })}</p>
      {pages ? (
        <progress value={pages.done} max={pages.total} aria-label={t('import.pagesOf', { name: progress.name })} />
      ) : (
        <progress aria-label={t('import.importingName', { name: progress.name })} />
      )}
      <button type="button" className="button-secondary" onClick={() => void stopImport()}>
        {t('import.cancel')}
      </button>
    </div>
  )
}

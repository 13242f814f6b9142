import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Project } from '@domain/project/schema'
import { NewVersionDialog } from './NewVersionDialog'
import { WhatChangedDialog } from './WhatChangedDialog'

/** Under the article's details: import a newer version, and once there is one, what changed. */
export function ArticleVersions({ project }: { project: Project }) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<'import' | 'changes' | null>(null)
  const previous = project.evidence.versions.at(-1)
  return (
    <p className="article-versions">
      {previous && (
        <>
          <span className="muted">{t('evidence.versions.version', { number: previous.number + 1 })} · </span>
          <button type="button" className="button-link" onClick={() => setDialog('changes')}>
            {t('evidence.versions.whatChanged')}
          </button>
          <span className="muted"> · </span>
        </>
      )}
      <button type="button" className="button-link" onClick={() => setDialog('import')}>
        {t('evidence.versions.importNewer')}
      </button>
      {dialog === 'import' && <NewVersionDialog onClose={() => setDialog(null)} onImported={() => setDialog('changes')} />}
      {dialog === 'changes' && <WhatChangedDialog project={project} onClose={() => setDialog(null)} />}
    </p>
  )
}

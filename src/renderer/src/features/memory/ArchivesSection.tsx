import { useEffect, useRef, useState } from 'react'
import type { ArchiveSummary, CsvColumns } from '@contract/memory'
import { CSV_FIELDS, type CsvField } from '@domain/memory/archive'
import { apiAction } from '../../api/api-action'
import { fileToBase64 } from '../../api/base64'
import { MAX_ARCHIVE_BYTES } from '@contract/uploads'
import { useApp } from '../../store'
import { useTranslation } from 'react-i18next'

interface PendingCsv {
  fileName: string
  dataBase64: string
  columns: CsvColumns
  mapping: Partial<Record<CsvField, string>>
}

/** The imported fact-check archives: listed, imported (a CSV after its columns are mapped), removed. */
export function ArchivesSection({ onChanged }: { onChanged: () => void }) {
  const notify = useApp((s) => s.notify)
  const [archives, setArchives] = useState<ArchiveSummary[] | null>(null)
  const [csv, setCsv] = useState<PendingCsv | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const { t } = useTranslation()
  const refresh = (): void => void apiAction('memory:archives', {}).then((list) => list && setArchives(list))
  useEffect(refresh, [])

  const imported = (summary: ArchiveSummary | undefined): void => {
    if (!summary) return
    notify('info', t('memory.imported', { count: summary.reviews, name: summary.name }))
    setCsv(null)
    refresh()
    onChanged()
  }
  const choose = async (file: File): Promise<void> => {
    const dataBase64 = await useApp.getState().attempt(() => fileToBase64(file, MAX_ARCHIVE_BYTES))
    if (dataBase64 === undefined) return
    if (file.name.toLowerCase().endsWith('.csv')) {
      const columns = await apiAction('memory:csvColumns', { fileName: file.name, dataBase64 })
      if (columns) setCsv({ fileName: file.name, dataBase64, columns, mapping: columns.guess })
      return
    }
    imported(await apiAction('memory:importArchive', { fileName: file.name, dataBase64 }))
  }
  const remove = async (archive: ArchiveSummary): Promise<void> => {
    if (await apiAction('memory:removeArchive', { file: archive.file })) {
      notify('info', t('memory.removed', { name: archive.name }))
      refresh()
      onChanged()
    }
  }

  return (
    <details className="archives">
      <summary>{archives ? t('memory.archives', { count: archives.length }) : t('memory.archivesLoading')}</summary>
      <p className="muted">{t('memory.archivesHint')}</p>
      <ul className="archive-list" aria-label={t('memory.archiveList')}>
        {archives?.map((archive) => (
          <li key={archive.file}>
            <span>
              <strong translate="no">{archive.name}</strong>{' '}
              <span className="muted">{t('memory.archiveMeta', { count: archive.reviews, source: archive.source })}</span>
            </span>
            <button
              type="button"
              className="button-quiet button-small"
              onClick={() => void remove(archive)}
              aria-label={t('memory.removeArchive', { name: archive.name })}
            >
              {t('memory.remove')}
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,.html,.htm,.csv"
        hidden
        aria-label={t('memory.archiveFile')}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void choose(file)
        }}
      />
      <button type="button" className="button-secondary" onClick={() => input.current?.click()}>
        {t('memory.importArchive')}
      </button>
      {csv && (
        <form
          className="csv-mapping"
          aria-label={t('memory.columnsOf', { file: csv.fileName })}
          onSubmit={(event) => {
            event.preventDefault()
            if (!csv.mapping.claim) return
            void apiAction('memory:importArchive', {
              fileName: csv.fileName,
              dataBase64: csv.dataBase64,
              mapping: { ...csv.mapping, claim: csv.mapping.claim },
            }).then(imported)
          }}
        >
          <p>{t('memory.whichColumn', { file: csv.fileName })}</p>
          {CSV_FIELDS.map((field) => (
            <label key={field}>
              {t(`memory.field.${field}`)}
              <select
                value={csv.mapping[field] ?? ''}
                required={field === 'claim'}
                onChange={(event) => setCsv({ ...csv, mapping: { ...csv.mapping, [field]: event.target.value || undefined } })}
              >
                <option value="">—</option>
                {csv.columns.columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                    {csv.columns.sample[0]?.[column] ? t('memory.sample', { sample: csv.columns.sample[0][column].slice(0, 40) }) : ''}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={!csv.mapping.claim}>
              {t('memory.import')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setCsv(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </details>
  )
}

import { useEffect, useRef, useState } from 'react'
import type { ArchiveSummary, CsvColumns } from '@contract/memory'
import { CSV_FIELDS, type CsvField } from '@domain/memory/archive'
import { apiAction } from '../../api/api-action'
import { fileToBase64 } from '../../api/base64'
import { useApp } from '../../store'

const FIELD_LABELS: Record<CsvField, string> = {
  claim: 'Claim (required)',
  verdict: 'Verdict',
  title: 'Headline',
  url: 'Link to the fact-check',
  reviewDate: 'Date published',
  claimDate: 'Date of the claim',
  claimant: 'Claimant',
  outlet: 'Outlet',
  rationale: 'Rationale',
  language: 'Language',
}

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
  const refresh = (): void => void apiAction('memory:archives', {}).then((list) => list && setArchives(list))
  useEffect(refresh, [])

  const imported = (summary: ArchiveSummary | undefined): void => {
    if (!summary) return
    notify('info', `Imported ${summary.reviews} fact-check${summary.reviews === 1 ? '' : 's'} as “${summary.name}”.`)
    setCsv(null)
    refresh()
    onChanged()
  }
  const choose = async (file: File): Promise<void> => {
    const dataBase64 = await fileToBase64(file)
    if (file.name.toLowerCase().endsWith('.csv')) {
      const columns = await apiAction('memory:csvColumns', { fileName: file.name, dataBase64 })
      if (columns) setCsv({ fileName: file.name, dataBase64, columns, mapping: columns.guess })
      return
    }
    imported(await apiAction('memory:importArchive', { fileName: file.name, dataBase64 }))
  }
  const remove = async (archive: ArchiveSummary): Promise<void> => {
    if (await apiAction('memory:removeArchive', { file: archive.file })) {
      notify('info', `Removed the archive “${archive.name}”.`)
      refresh()
      onChanged()
    }
  }

  return (
    <details className="archives">
      <summary>Fact-check archives ({archives?.length ?? '…'})</summary>
      <p className="muted">
        Published fact-checks your team imported, matched under “Seen before” and found by search: schema.org ClaimReview (JSON-LD, a
        DataFeed, or saved web pages), CSV, and other teams’ Factdesk JSON reports. Each is a file in the projects folder’s archives folder;
        nothing is fetched from the internet.
      </p>
      <ul className="archive-list" aria-label="Imported archives">
        {archives?.map((archive) => (
          <li key={archive.file}>
            <span>
              <strong>{archive.name}</strong>{' '}
              <span className="muted">
                · {archive.reviews.toLocaleString()} fact-checks · {archive.source}
              </span>
            </span>
            <button
              type="button"
              className="button-quiet button-small"
              onClick={() => void remove(archive)}
              aria-label={`Remove the archive ${archive.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,.html,.htm,.csv"
        hidden
        aria-label="Archive file to import"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void choose(file)
        }}
      />
      <button type="button" className="button-secondary" onClick={() => input.current?.click()}>
        Import archive…
      </button>
      {csv && (
        <form
          className="csv-mapping"
          aria-label={`Columns of ${csv.fileName}`}
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
          <p>Which column of “{csv.fileName}” holds what?</p>
          {CSV_FIELDS.map((field) => (
            <label key={field}>
              {FIELD_LABELS[field]}
              <select
                value={csv.mapping[field] ?? ''}
                required={field === 'claim'}
                onChange={(event) => setCsv({ ...csv, mapping: { ...csv.mapping, [field]: event.target.value || undefined } })}
              >
                <option value="">—</option>
                {csv.columns.columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                    {csv.columns.sample[0]?.[column] ? ` (e.g. ${csv.columns.sample[0][column].slice(0, 40)})` : ''}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={!csv.mapping.claim}>
              Import
            </button>
            <button type="button" className="button-quiet" onClick={() => setCsv(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </details>
  )
}

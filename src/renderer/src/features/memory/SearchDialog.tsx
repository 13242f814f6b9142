import { useEffect, useRef, useState } from 'react'
import type { MemorySearchResult } from '@contract/memory'
import type { MemoryKind } from '@domain/memory/records'
import { CLAIM_STATUSES } from '@domain/project/statuses'
import { apiAction } from '../../api/api-action'
import { Dialog } from '../../components/Dialog'
import { useApp } from '../../store'
import { ArchivesSection } from './ArchivesSection'
import { MEMORY_KINDS } from '@domain/memory/records'
import { itemOrigin, itemRoute } from './memory-links'
import { useTranslation } from 'react-i18next'

/** Searching waits for a pause in typing this long; the index answers in the engine's worker. */
const TYPING_PAUSE_MS = 150

interface Filters {
  kind: MemoryKind | ''
  verdict: string
  status: string
  language: string
  checker: string
  outlet: string
  from: string
  to: string
}
const NO_FILTERS: Filters = { kind: '', verdict: '', status: '', language: '', checker: '', outlet: '', from: '', to: '' }

/**
 * Search everything: every project's claims, sources and articles and the imported fact-checks, by
 * any form of a word and by names in any script, with filters. ↑/↓ move through the results,
 * Enter opens the project at that claim.
 */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const projectsDir = useApp((s) => s.info?.projectsDir ?? '')
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [result, setResult] = useState<MemorySearchResult | null>(null)
  const [active, setActive] = useState(0)
  const [generation, setGeneration] = useState(0)
  const list = useRef<HTMLUListElement>(null)
  const { t } = useTranslation()

  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      const chosen = Object.fromEntries(Object.entries(filters).filter(([key, value]) => value && key !== 'kind'))
      void apiAction('memory:search', {
        query,
        filters: { ...chosen, ...(filters.kind ? { kinds: [filters.kind] } : {}) },
        limit: 50,
      }).then((found) => {
        if (live && found) {
          setResult(found)
          setActive(0)
        }
      })
    }, TYPING_PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, filters, generation])

  const items = result?.items ?? []
  const open = (index: number): void => {
    const item = items[index]
    if (!item) return
    const route = itemRoute(item, projectsDir)
    if (route) {
      onClose()
      window.location.hash = route
    } else if (item.url) window.open(item.url, '_blank', 'noopener,noreferrer')
  }
  const move = (by: number): void => {
    const next = Math.max(0, Math.min(items.length - 1, active + by))
    setActive(next)
    list.current?.querySelector(`#search-result-${next}`)?.scrollIntoView({ block: 'nearest' })
  }
  const field = (key: keyof Filters, label: string, date = false) => (
    <label>
      {label}
      <input
        type={date ? 'date' : 'text'}
        value={filters[key]}
        onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}
      />
    </label>
  )
  const building = result?.index.state === 'building'

  return (
    <Dialog title={t('library.searchEverything')} onClose={onClose} wide>
      <div className="memory-search">
        <input
          type="search"
          className="memory-query"
          autoFocus
          aria-label={t('memory.queryLabel')}
          placeholder={t('memory.queryPlaceholder')}
          value={query}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="search-results"
          aria-activedescendant={items.length ? `search-result-${active}` : undefined}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') move(1)
            else if (event.key === 'ArrowUp') move(-1)
            else if (event.key === 'Enter') open(active)
            else return
            event.preventDefault()
          }}
        />
        <fieldset className="memory-filters">
          <legend>{t('memory.filters')}</legend>
          <label>
            {t('memory.kindFilter')}
            <select value={filters.kind} onChange={(event) => setFilters({ ...filters, kind: event.target.value as MemoryKind | '' })}>
              <option value="">{t('memory.everything')}</option>
              {MEMORY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`memory.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          {field('verdict', t('memory.verdict'))}
          <label>
            {t('memory.status')}
            <select value={filters.status} onChange={(event) => setFilters({ ...filters, status: event.target.value })}>
              <option value="">{t('memory.anyStatus')}</option>
              {CLAIM_STATUSES.filter((s) => s !== 'dismissed').map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          {field('language', t('memory.language'))}
          {field('checker', t('memory.checker'))}
          {field('outlet', t('memory.outlet'))}
          {field('from', t('memory.from'), true)}
          {field('to', t('memory.to'), true)}
        </fieldset>
        <p className="muted" aria-live="polite">
          {building
            ? t('memory.indexing', { done: result.index.done, total: result.index.total })
            : result
              ? result.total > items.length
                ? t('memory.foundFirst', { total: result.total, shown: items.length })
                : t('memory.found', { total: result.total })
              : t('memory.searching')}
        </p>
        <ul id="search-results" ref={list} role="listbox" aria-label={t('memory.results')} className="memory-results">
          {items.map((item, index) => (
            <li
              key={item.key}
              id={`search-result-${index}`}
              role="option"
              aria-selected={index === active}
              className={`memory-result${index === active ? ' active' : ''}`}
              onMouseEnter={() => setActive(index)}
              onClick={() => open(index)}
            >
              <div className="seen-head">
                <span className="memory-kind">{t(`memory.kind.${item.kind}`)}</span>
                {item.verdict && (
                  <span className="seen-verdict" translate="no">
                    {item.verdict}
                  </span>
                )}
                <span className="seen-origin">{itemOrigin(item, t)}</span>
              </div>
              <p className="seen-text" translate="no">
                {item.kind === 'source' || item.kind === 'article' ? item.title || item.text : item.text}
              </p>
            </li>
          ))}
        </ul>
        <ArchivesSection onChanged={() => setGeneration((g) => g + 1)} />
      </div>
    </Dialog>
  )
}

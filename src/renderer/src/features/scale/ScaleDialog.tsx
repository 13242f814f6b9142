import { useEffect, useState } from 'react'
import type { RatingLabel, RatingScale } from '@domain/project/schema'
import { apiAction } from '../../api/api-action'
import { Dialog } from '../../components/Dialog'
import { useApp } from '../../store'
import { localiseScale } from '@domain/report/model'
import { useTranslation } from 'react-i18next'
import { FormProblem } from '../../components/FormProblem'

function labelId(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'label'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/** Pick a preset scale, or edit a custom one: label, colour, optional number, description. */
export function ScaleDialog({ current, onClose }: { current: RatingScale; onClose: () => void }) {
  const edit = useApp((s) => s.edit)
  const [presets, setPresets] = useState<RatingScale[]>([])
  const [draft, setDraft] = useState<RatingScale>(structuredClone(current))
  const [problem, setProblem] = useState<string | null>(null)
  const { t } = useTranslation()

  useEffect(() => {
    void apiAction('scale:presets', {}).then((found) => found && setPresets(found))
  }, [])

  const setLabel = (index: number, patch: Partial<RatingLabel>): void =>
    setDraft((d) => ({ ...d, labels: d.labels.map((l, i) => (i === index ? { ...l, ...patch } : l)) }))
  const move = (index: number, by: -1 | 1): void =>
    setDraft((d) => {
      const labels = [...d.labels]
      const [label] = labels.splice(index, 1)
      if (label) labels.splice(index + by, 0, label)
      return { ...d, labels }
    })

  const save = async (): Promise<void> => {
    const labels = draft.labels.map((l) => ({ ...l, label: l.label.trim() }))
    if (!draft.name.trim()) return setProblem(t('scale.noName'))
    if (labels.some((l) => !l.label)) return setProblem(t('scale.labelNoName'))
    if (new Set(labels.map((l) => l.label.toLowerCase())).size !== labels.length) return setProblem(t('scale.sameName'))
    const edited = await edit('scale:set', { scale: { ...draft, name: draft.name.trim(), labels } })
    if (edited) onClose()
  }

  return (
    <Dialog
      title={t('scale.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button-primary" onClick={() => void save()}>
            {t('scale.use')}
          </button>
        </>
      }
    >
      <fieldset className="preset-list">
        <legend>{t('scale.presets')}</legend>
        {presets.map((preset) => {
          const name = localiseScale(preset, t).name
          return (
            <button
              key={preset.id}
              type="button"
              className={`button-secondary${draft.id === preset.id ? ' chosen' : ''}`}
              onClick={() => setDraft(structuredClone(preset))}
              // A scale's owner's name for it stays as published unless they publish a translation.
              translate={name === preset.name ? 'no' : undefined}
            >
              {name}
            </button>
          )
        })}
      </fieldset>
      <label htmlFor="scale-name">{t('scale.name')}</label>
      <input
        id="scale-name"
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value, id: draft.id.startsWith('custom') ? draft.id : 'custom' })}
      />
      <table className="scale-table">
        <thead>
          <tr>
            <th scope="col">{t('scale.label')}</th>
            <th scope="col">{t('scale.colour')}</th>
            <th scope="col">{t('scale.number')}</th>
            <th scope="col">{t('scale.description')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('scale.orderAndRemove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.labels.map((label, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={t('scale.labelName', { n: i + 1 })}
                  value={label.label}
                  onChange={(e) => setLabel(i, { label: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('scale.labelColour', { n: i + 1 })}
                  type="color"
                  value={label.color}
                  onChange={(e) => setLabel(i, { color: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('scale.labelNumber', { n: i + 1 })}
                  type="number"
                  min={1}
                  max={100}
                  value={label.value ?? ''}
                  onChange={(e) =>
                    setLabel(i, { value: e.target.value === '' ? null : Math.max(1, Math.min(100, Math.round(Number(e.target.value)))) })
                  }
                />
              </td>
              <td>
                <input
                  aria-label={t('scale.labelDescription', { n: i + 1 })}
                  value={label.description}
                  onChange={(e) => setLabel(i, { description: e.target.value })}
                />
              </td>
              <td className="row-tools">
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('scale.moveUp', { n: i + 1 })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('scale.moveDown', { n: i + 1 })}
                  disabled={i === draft.labels.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('scale.remove', { n: i + 1 })}
                  disabled={draft.labels.length === 1}
                  onClick={() => setDraft((d) => ({ ...d, labels: d.labels.filter((_, j) => j !== i) }))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button-secondary"
        disabled={draft.labels.length >= 20}
        onClick={() =>
          setDraft((d) => ({
            ...d,
            id: d.id.startsWith('custom') ? d.id : 'custom',
            labels: [
              ...d.labels,
              {
                id: labelId('new label', new Set(d.labels.map((l) => l.id))),
                label: t('scale.newLabel'),
                color: '#6e7781',
                value: null,
                description: '',
              },
            ],
          }))
        }
      >
        {t('scale.add')}
      </button>
      <p className="hint">{t('scale.hint')}</p>
      <FormProblem problem={problem} />
    </Dialog>
  )
}

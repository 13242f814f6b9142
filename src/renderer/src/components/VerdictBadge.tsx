import type { RatingScale } from '../../../shared/project/schema'
import { textColourOn } from '../../../shared/report/colour'

/** The verdict as the scale draws it: its label on its colour, with text that stays readable. */
export function VerdictBadge({ scale, verdict }: { scale: RatingScale; verdict: string | null }) {
  const label = verdict === null ? undefined : scale.labels.find((l) => l.id === verdict)
  if (!label) return <span className="verdict-badge verdict-none">No verdict</span>
  return (
    <span className="verdict-badge" style={{ background: label.color, color: textColourOn(label.color) }}>
      {label.label}
    </span>
  )
}

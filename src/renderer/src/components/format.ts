import { uiLanguage } from '../language'

/**
 * "14 Oct 2026" (en), "14 жовт. 2026 р." (uk) for a date or timestamp; the raw text when it is only a year or month, or a day
 * the calendar does not have (2026-02-30), so a typo is shown as typed, never as another day.
 */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return value
  const dateOnly = value.length === 10
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime()) || (dateOnly && date.toISOString().slice(0, 10) !== value)) return value
  // A calendar date names a day, not a moment: shown in UTC it is the same day in every time zone.
  return date.toLocaleDateString(uiLanguage(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  })
}

/** "27 Nov 2026, 14:05" in the app's language. */
export function formatDateTime(value: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return date.toLocaleString(uiLanguage(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** A count in the app's language, digits grouped: "8,724" (en), "8 724" (uk). */
export function formatCount(count: number): string {
  return count.toLocaleString(uiLanguage())
}

/** Sorts text as the app's language orders it (Ukrainian "є" after "е", case and accents second). */
export function compareText(a: string, b: string): number {
  return collator().compare(a, b)
}

let collators: { language: string; collator: Intl.Collator } | null = null
function collator(): Intl.Collator {
  const language = uiLanguage()
  if (collators?.language !== language)
    collators = { language, collator: new Intl.Collator(language, { numeric: true, sensitivity: 'base' }) }
  return collators.collator
}

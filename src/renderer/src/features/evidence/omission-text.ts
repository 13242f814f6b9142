import type { CaseOmission } from '@contract/api'

/**
 * What a case file left out, in the app's language. The manifest records each omission in English
 * (case-file.ts writes one of three fixed forms, and the case keeps them as written); the UI reads
 * the form back, and an omission in none of them is shown as recorded.
 */
export function omissionText({ what, reason }: CaseOmission, t: (key: string, values: Record<string, string>) => string): string {
  const unreadable = /^the attached file could not be read \((.*)\)$/s.exec(reason)
  if (unreadable) return t('evidence.case.omissionUnreadable', { what, detail: unreadable[1] ?? '' })
  const incomplete = /^incomplete: it needs (.*)$/s.exec(reason)
  if (incomplete) return t('evidence.case.omissionIncomplete', { what, detail: incomplete[1] ?? '' })
  return t('evidence.case.omissionFailed', { what, detail: reason })
}

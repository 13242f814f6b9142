import { historyMessage, type HistoryMessage, type MessageValue } from '@domain/project/history-message'
import type { Translator } from '@domain/translate'

function value(item: MessageValue, translator: Translator): string | number {
  if (typeof item === 'string' || typeof item === 'number') return item
  if ('term' in item)
    return translator.t(item.term, Object.fromEntries(Object.entries(item.values ?? {}).map(([name, v]) => [name, value(v, translator)])))
  if ('terms' in item)
    return new Intl.ListFormat(translator.language, { type: 'conjunction' }).format(item.terms.map((term) => translator.t(term)))
  return sentences(item.sentences, translator)
}

function sentences(messages: readonly HistoryMessage[], translator: Translator): string {
  return messages
    .map(({ key, values }) =>
      translator.t(`history.${key}`, Object.fromEntries(Object.entries(values).map(([name, v]) => [name, value(v, translator)]))),
    )
    .join(' ')
}

/**
 * A history entry or undo step in the checker's language, read from its action and stored English
 * summary (domain/project/history-message.ts); the stored English when it is not in a format this
 * Factdesk writes (an entry from an older or newer Factdesk).
 */
export function historyText(entry: { action: string; summary: string }, translator: Translator): string {
  const messages = historyMessage(entry.action, entry.summary)
  return messages ? sentences(messages, translator) : entry.summary
}

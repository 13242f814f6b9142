import type { SourceFields } from '@domain/project/ops'
import type { Source } from '@domain/project/schema'

export const EMPTY_SOURCE: SourceFields = {
  url: '',
  title: '',
  publisher: '',
  date: '',
  excerpt: '',
  archiveUrl: '',
  reliability: '',
  accessedAt: '',
}

/** The fields a checker edits, without the ids and timestamps the project keeps. */
export function sourceFields(source: Source): SourceFields {
  const { url, title, publisher, date, excerpt, archiveUrl, reliability, accessedAt } = source
  return { url, title, publisher, date, excerpt, archiveUrl, reliability, accessedAt }
}

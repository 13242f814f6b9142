import { join } from 'node:path'
import { desktopLink, projectRef } from '@contract/routes'
import { AppError } from '@domain/errors'
import type { EarlierCheck } from '@domain/project/ops'
import type { Project } from '@domain/project/schema'
import { readProjectFile } from '../project-store'
import { readArchiveFile } from './archive-files'
import type { MemoryService } from './memory-service'

/** A date as a project keeps it (empty, a year, a month or a day); anything else is left out. */
const looseDate = (text: string): string => /^\d{4}(-\d{2}(-\d{2})?)?/.exec(text.trim())?.[0] ?? ''

/**
 * The earlier check a "seen before" result names, read from its project (the open copy when it is
 * open, so unsaved work counts) or its archive as they are now.
 */
export async function earlierCheck(memory: MemoryService, key: string, peek: (path: string) => Project | undefined): Promise<EarlierCheck> {
  const { dir, record } = await memory.record(key)
  const gone = (): AppError =>
    new AppError(
      'NOT_FOUND',
      'That earlier check is no longer in the library (its project or archive was changed or removed). Look at "Seen before" again.',
      { key: 'earlier.gone' },
    )
  if (!record) throw gone()
  const path = join(dir, ...record.file.split('/'))
  if (record.kind === 'review') {
    const review = (await readArchiveFile(path)).reviews.find((r) => r.id === record.itemId)
    if (!review) throw gone()
    const link = review.url || record.container
    return {
      verdictLabel: review.verdict,
      rationale: review.rationale,
      sources: [
        ...(review.url
          ? [
              {
                url: review.url,
                title: review.title || review.claim.slice(0, 200),
                publisher: review.outlet,
                date: looseDate(review.reviewDate),
                excerpt: '',
                archiveUrl: '',
                reliability: `Fact-check from the archive "${record.container}".`,
                accessedAt: '',
              },
            ]
          : []),
        ...review.sources.map((s) => ({ ...s, date: looseDate(s.date), archiveUrl: '', reliability: '', accessedAt: '' })),
      ],
      from: { container: record.container, claimText: review.claim, link },
    }
  }
  if (record.kind !== 'claim')
    throw new AppError('INVALID_INPUT', 'Only a claim or an archived fact-check can be reused as a check.', { key: 'earlier.notCheck' })
  const project = peek(path) ?? (await readProjectFile(path).catch(() => null))?.project
  const claim = project?.claims.find((c) => c.id === record.itemId)
  if (!project || !claim) throw gone()
  const label = project.ratingScale.labels.find((l) => l.id === claim.verdict)
  const sources = claim.sourceIds.flatMap((id) => project.sources.filter((s) => s.id === id))
  return {
    verdictLabel: label?.label ?? '',
    rationale: claim.rationale,
    sources: sources.map(({ url, title, publisher, date, excerpt, archiveUrl, reliability, accessedAt }) => ({
      url,
      title,
      publisher,
      date,
      excerpt,
      archiveUrl,
      reliability,
      accessedAt,
    })),
    from: {
      container: project.article.title || record.file,
      claimText: claim.text,
      link: desktopLink({ project: projectRef(path, dir), claim: claim.id }),
    },
  }
}

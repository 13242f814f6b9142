import { z } from 'zod'
import { ArticleSchema, ClaimantSchema, ClaimSchema, RatingLabelSchema, SourceSchema } from '../project/schema'
import type { ArchiveFile } from './archive'
import type { MemoryDoc } from './matcher'

/** What the library index holds: claims, their sources and articles from projects, and fact-checks from archives. */
export type MemoryKind = 'claim' | 'source' | 'article' | 'review'
export const MEMORY_KINDS: readonly MemoryKind[] = ['claim', 'source', 'article', 'review']

/** One indexed item, with what a result shows and what the filters ask about. */
export interface MemoryRecord {
  /** Unique in the index: the file and the item (`rail.factdesk.json#c:c-12`). */
  key: string
  kind: MemoryKind
  /** The project or archive file, relative to the projects folder, "/"-separated. */
  file: string
  /** The project's title, or the archive's name. */
  container: string
  /** The claim's, source's or review's id; empty for an article. */
  itemId: string
  text: string
  title: string
  /** The verdict's label as the checker reads it ("False"), not its id. */
  verdict: string
  status: string
  rationale: string
  claimant: string
  checker: string
  language: string
  outlet: string
  /** When the claim was made, the article published or the fact-check published. */
  date: string
  url: string
  /** For a claim, the ids of the sources it cites (their own records carry the rest). */
  sourceIds: string[]
}

/** Claims a checker worked on or decided: what "seen before" offers. Proposals and dismissed claims are not checks. */
export function isCheck(record: Pick<MemoryRecord, 'kind' | 'status' | 'verdict'>): boolean {
  if (record.kind === 'review') return true
  return (
    record.kind === 'claim' &&
    (record.verdict !== '' || record.status === 'done' || record.status === 'in-progress' || record.status === 'needs-review')
  )
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/**
 * The parts of a project file the index reads, each field with its project schema's own rule
 * (a project is one of these): a library build validates these alone, not the history, evidence
 * and team fields that are most of a worked-on file — a fifth of a build's time and much of its
 * garbage when every file was validated whole.
 */
export const IndexedProjectSchema = z.object({
  article: ArticleSchema.pick({
    title: true,
    text: true,
    language: true,
    outlet: true,
    author: true,
    publishedAt: true,
    url: true,
  }).strip(),
  ratingScale: z.object({ labels: z.array(RatingLabelSchema.pick({ id: true, label: true }).strip()) }),
  claims: z.array(
    ClaimSchema.pick({
      id: true,
      text: true,
      status: true,
      verdict: true,
      rationale: true,
      checker: true,
      claimDate: true,
      sourceIds: true,
    })
      .extend({ claimant: ClaimantSchema.pick({ name: true }).strip().nullable() })
      .strip(),
  ),
  sources: z.array(SourceSchema.pick({ id: true, excerpt: true, title: true, publisher: true, date: true, url: true }).strip()),
})
export type IndexedProject = z.infer<typeof IndexedProjectSchema>

/** Everything of one project the index holds. Dismissed claims stay out: a checker decided they are not claims. */
export function projectRecords(file: string, project: IndexedProject): MemoryRecord[] {
  const { article } = project
  const labels = new Map(project.ratingScale.labels.map((l) => [l.id, l.label]))
  const container = article.title || file
  const { language, outlet } = article
  // Object literals written out in full, not spread from a shared base: a library build makes
  // 230,000 of them, and spreading cost a tenth of its time.
  const records: MemoryRecord[] = [
    {
      file,
      container,
      language,
      outlet,
      key: `${file}#a`,
      kind: 'article',
      itemId: '',
      // The article's opening: what a checker remembers it by, without putting 2 MB of text in the index.
      text: cut(article.text, 600),
      title: article.title,
      verdict: '',
      status: '',
      rationale: '',
      claimant: article.author,
      checker: '',
      date: article.publishedAt,
      url: article.url,
      sourceIds: [],
    },
  ]
  for (const claim of project.claims) {
    if (claim.status === 'dismissed') continue
    records.push({
      file,
      container,
      language,
      outlet,
      key: `${file}#c:${claim.id}`,
      kind: 'claim',
      itemId: claim.id,
      text: claim.text,
      title: article.title,
      verdict: claim.verdict ? (labels.get(claim.verdict) ?? claim.verdict) : '',
      status: claim.status,
      rationale: cut(claim.rationale, 2000),
      claimant: claim.claimant?.name ?? '',
      checker: claim.checker,
      date: claim.claimDate || article.publishedAt,
      url: article.url,
      sourceIds: claim.sourceIds,
    })
  }
  for (const source of project.sources) {
    records.push({
      file,
      container,
      language,
      outlet,
      key: `${file}#s:${source.id}`,
      kind: 'source',
      itemId: source.id,
      text: cut(source.excerpt, 1000),
      title: source.title,
      verdict: '',
      status: '',
      rationale: '',
      claimant: source.publisher,
      checker: '',
      date: source.date,
      url: source.url,
      sourceIds: [],
    })
  }
  return records
}

export function archiveRecords(file: string, archive: ArchiveFile): MemoryRecord[] {
  return archive.reviews.map((r) => ({
    key: `${file}#r:${r.id}`,
    kind: 'review' as const,
    file,
    container: archive.name,
    itemId: r.id,
    text: r.claim,
    title: r.title,
    verdict: r.verdict,
    status: '',
    rationale: cut(r.rationale, 2000),
    claimant: r.claimant,
    checker: '',
    language: r.language || 'und',
    outlet: r.outlet,
    date: r.claimDate || r.reviewDate,
    url: r.url,
    sourceIds: [],
  }))
}

/** How a record enters the matcher: the claim and the fact-check's (or article's) title. */
export function matchDocOf(record: MemoryRecord): MemoryDoc {
  return {
    id: record.key,
    text: record.text,
    title: record.kind === 'review' ? record.title : '',
    date: record.date || null,
    speaker: record.claimant || null,
    language: record.language === 'und' ? null : record.language,
  }
}

import type { Source } from '../project/schema'
import { escapeMarkdownBlock, escapeMarkdownInline as e, markdownEscaper, markdownLineBreaks, markdownLink, httpUrl } from './escape'
import {
  appearancesOf,
  attachmentName,
  claimantLine,
  claimDateOf,
  formatTimestamp,
  isoDay,
  percent,
  plural,
  reviewLine,
  SELECTION_DESCRIPTIONS,
  STATUS_LABELS,
  type ReportClaim,
  type ReportModel,
} from './model'
import { segmentArticle } from './segments'
import { versionHistory } from './versions'

function quote(markdown: string, indent = ''): string {
  return markdown
    .split('\n')
    .map((line) => `${indent}>${line ? ` ${line}` : ''}`)
    .join('\n')
}

function header(model: ReportModel): string[] {
  const { article, ratingScale, claims } = model.project
  const { organisation, generatedAt } = model.options
  const byline = [article.outlet, article.author && `by ${article.author}`, article.publishedAt && `published ${article.publishedAt}`]
    .filter(Boolean)
    .map(e)
    .join(' · ')
  return [
    `# Verdict report: ${e(article.title || 'Untitled article')}`,
    '',
    ...(byline ? [byline, ''] : []),
    ...(article.url ? [`Article: ${markdownLink(article.url, article.url)}`, ''] : []),
    `- **Checked by:** ${organisation.name ? markdownLink(organisation.name, organisation.url) : '_organisation not set_'}`,
    `- **Rating scale:** ${e(ratingScale.name)}`,
    `- **Claims:** ${model.claims.length} of ${claims.length} in the project (${SELECTION_DESCRIPTIONS[model.options.claims]})`,
    `- **Generated:** ${e(formatTimestamp(generatedAt))}`,
    ...(reviewLine(model) ? [`- **Review:** ${e(reviewLine(model) ?? '')}`] : []),
  ]
}

function summary(model: ReportModel): string[] {
  const total = model.claims.length
  const done = model.byStatus.find((s) => s.status === 'done')?.count ?? 0
  const verdictRows = model.byVerdict.map(({ label, count }) => `| ${e(label.label)} | ${count} | ${percent(count, total)} |`)
  if (model.unrated > 0) verdictRows.push(`| No verdict yet | ${model.unrated} | ${percent(model.unrated, total)} |`)
  const statusRows = model.byStatus
    .filter((s) => s.count > 0)
    .map((s) => `| ${STATUS_LABELS[s.status]} | ${s.count} | ${percent(s.count, total)} |`)
  return [
    '## Summary',
    '',
    `${plural(total, 'claim')} in this report, ${total - model.unrated} with a verdict, ${done} checked (done).`,
    ...(total > 0
      ? [
          '',
          '| Verdict | Claims | Share |',
          '| --- | ---: | ---: |',
          ...verdictRows,
          '',
          '| Status | Claims | Share |',
          '| --- | ---: | ---: |',
          ...statusRows,
        ]
      : []),
  ]
}

function sourceItem(source: Source, i: number): string {
  const marker = `${i + 1}. `
  const indent = ' '.repeat(marker.length)
  const title = source.title || source.url || 'Untitled source'
  const notLink = source.url && !httpUrl(source.url) && source.title ? [`${e(source.url)} (not a web address)`] : []
  const parts = [
    source.url ? markdownLink(title, source.url) : e(title),
    ...notLink,
    ...[source.publisher, source.date].filter(Boolean).map(e),
  ]
  const line = (text: string): string => `\\\n${indent}${text}`
  const details = [
    source.accessedAt ? line(`Accessed ${e(source.accessedAt)}`) : '',
    source.archiveUrl ? line(`Archived copy: ${markdownLink(source.archiveUrl, source.archiveUrl)}`) : '',
    source.reliability.trim() ? line(`Reliability: ${e(source.reliability)}`) : '',
    source.attachment
      ? line(`Attached file: ${e(attachmentName(source))}${source.attachmentSha256 ? ` (SHA-256 ${source.attachmentSha256})` : ''}`)
      : '',
  ].join('')
  const excerpt = source.excerpt.trim() ? `\n\n${quote(escapeMarkdownBlock(source.excerpt), indent)}` : ''
  return marker + parts.join(' · ') + details + excerpt
}

/** Who made the claim, when, and where it appeared (the article first), as list items. */
function attribution({ claim }: ReportClaim, model: ReportModel): string[] {
  const { claimant } = claim
  const who = claimant
    ? `${claimant.url && httpUrl(claimant.url) ? markdownLink(claimantLine(claimant), claimant.url) : e(claimantLine(claimant))} (${claimant.kind === 'person' ? 'person' : 'organisation'})`
    : '_not named yet_'
  const date = claimDateOf(claim, model.project)
  const appearances = appearancesOf(claim, model.project).map((a) => {
    const name = a.title || a.url || 'Untitled'
    const rest = [a.publisher, a.author && `by ${a.author}`, a.date].filter(Boolean).map(e)
    return [a.url && httpUrl(a.url) ? markdownLink(name, a.url) : e(name), ...rest].join(' · ')
  })
  return [
    `- **Claimant:** ${who}`,
    `- **Claim date:** ${date ? e(date) : '_unknown_'}`,
    ...(claim.claimReviewed && claim.claimReviewed !== claim.text ? [`- **ClaimReview statement:** ${e(claim.claimReviewed)}`] : []),
    `- **Appeared in:** ${appearances.join('; ')}`,
  ]
}

function claimSection(row: ReportClaim, model: ReportModel): string[] {
  const { number, claim, verdict, sources } = row
  const meta = [
    `**Verdict:** ${verdict ? e(verdict.label) : 'no verdict yet'}`,
    `**Status:** ${STATUS_LABELS[claim.status]}`,
    ...(claim.checker ? [`**Checked by:** ${e(claim.checker)}`] : []),
    `**Updated:** ${isoDay(claim.updatedAt)}`,
    `**ID:** ${e(claim.id)}`,
  ]
  return [
    `### Claim ${number}: ${verdict ? e(verdict.label) : 'no verdict yet'}`,
    '',
    quote(escapeMarkdownBlock(claim.text)),
    '',
    meta.join(' · '),
    '',
    ...attribution(row, model),
    '',
    '**Rationale**',
    '',
    claim.rationale.trim() ? escapeMarkdownBlock(claim.rationale) : '_No rationale written yet._',
    '',
    '**Sources**',
    '',
    sources.length ? sources.map(sourceItem).join('\n\n') : '_No sources attached._',
    '',
  ]
}

function scaleSection(model: ReportModel): string[] {
  const described = model.project.ratingScale.labels.filter((label) => label.description.trim())
  if (described.length === 0) return []
  return [
    `## Rating scale: ${e(model.project.ratingScale.name)}`,
    '',
    ...described.map((label) => `- **${e(label.label)}:** ${e(label.description)}`),
    '',
  ]
}

/**
 * The article with the reported claims in `<mark>` (Markdown has no highlight of its own; all
 * article text around it is escaped, so these tags and `<sup>` are the only HTML). Marks are
 * closed at every line break so no tag spans two paragraphs.
 */
function articleSection(model: ReportModel): string[] {
  const { text } = model.project.article
  const escape = markdownEscaper(text)
  const ranges = model.claims.map(({ number, claim }) => ({ start: claim.start, end: claim.end, number }))
  const body = segmentArticle(text.length, ranges)
    .map((segment) => {
      const piece = escape(segment.start, segment.end)
      const marked = segment.claims.length
        ? piece
            .split('\n')
            .map((part) => (part ? `<mark>${part}</mark>` : part))
            .join('\n')
        : piece
      return segment.ending.length ? `${marked}<sup>${segment.ending.join(',')}</sup>` : marked
    })
    .join('')
  return [
    '## Article',
    '',
    `_${plural(model.claims.length, 'reported claim')} highlighted; the numbers refer to the claims above._`,
    '',
    markdownLineBreaks(body.trim()),
    '',
  ]
}

function versionsSection(model: ReportModel): string[] {
  const lines = versionHistory(model.project, model)
  return lines.length ? ['## Article versions', '', ...lines.map((line) => `- ${e(line)}`), ''] : []
}

export function renderMarkdownDocument(model: ReportModel): string {
  return [
    ...header(model),
    '',
    ...summary(model),
    '',
    ...versionsSection(model),
    '## Claims',
    '',
    ...(model.claims.length ? model.claims.flatMap((row) => claimSection(row, model)) : ['_No claims match this selection._', '']),
    ...scaleSection(model),
    ...(model.options.includeArticle ? articleSection(model) : []),
  ].join('\n')
}

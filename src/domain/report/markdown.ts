import type { Source } from '../project/schema'
import { escapeMarkdownBlock, escapeMarkdownInline as e, markdownEscaper, markdownLineBreaks, markdownLink, httpUrl } from './escape'
import {
  appearancesOf,
  attachmentName,
  claimantLine,
  claimDateOf,
  formatNumber,
  formatDay,
  formatTimestamp,
  isoDay,
  percent,
  selectionDescription,
  statusLabel,
  reviewLine,
  type ReportClaim,
  type ReportModel,
} from './model'
import { segmentArticle } from './segments'
import type { Translator } from '../translate'
import { versionHistory } from './versions'

function quote(markdown: string, indent = ''): string {
  return markdown
    .split('\n')
    .map((line) => `${indent}>${line ? ` ${line}` : ''}`)
    .join('\n')
}

function header(model: ReportModel): string[] {
  const { article, ratingScale, claims } = model.project
  const { organisation, generatedAt, translator } = model.options
  const { t, language } = translator
  const byline = [
    article.outlet,
    article.author && t('report.byAuthor', { author: article.author }),
    article.publishedAt && t('report.publishedOn', { date: formatDay(article.publishedAt, language) }),
  ]
    .filter(Boolean)
    .map(e)
    .join(' · ')
  const count = t('report.claimsOfProject', { shown: model.claims.length, total: claims.length })
  const review = reviewLine(model, t)
  return [
    `# ${e(t('report.titleWith', { title: article.title || t('report.untitledArticle') }))}`,
    '',
    ...(byline ? [byline, ''] : []),
    ...(article.url ? [`${e(t('report.articleLink'))} ${markdownLink(article.url, article.url)}`, ''] : []),
    `- **${e(t('report.checkedBy'))}:** ${organisation.name ? markdownLink(organisation.name, organisation.url) : `_${e(t('report.organisationNotSet'))}_`}`,
    `- **${e(t('report.ratingScale'))}:** ${e(ratingScale.name)}`,
    `- **${e(t('report.claims'))}:** ${e(count)} (${e(selectionDescription(model.options.claims, t))})`,
    `- **${e(t('report.generated'))}:** ${e(formatTimestamp(generatedAt, language))}`,
    ...(review ? [`- **${e(t('report.review.label'))}:** ${e(review)}`] : []),
  ]
}

function summary(model: ReportModel): string[] {
  const { t, language } = model.options.translator
  const total = model.claims.length
  const done = model.byStatus.find((s) => s.status === 'done')?.count ?? 0
  const n = (value: number): string => formatNumber(value, language)
  const verdictRows = model.byVerdict.map(({ label, count }) => `| ${e(label.label)} | ${n(count)} | ${percent(count, total, language)} |`)
  if (model.unrated > 0)
    verdictRows.push(`| ${e(t('report.noVerdict'))} | ${n(model.unrated)} | ${percent(model.unrated, total, language)} |`)
  const statusRows = model.byStatus
    .filter((s) => s.count > 0)
    .map((s) => `| ${e(statusLabel(s.status, t))} | ${n(s.count)} | ${percent(s.count, total, language)} |`)
  const head = (first: string): string => `| ${e(first)} | ${e(t('report.claims'))} | ${e(t('report.share'))} |`
  return [
    `## ${e(t('report.summary'))}`,
    '',
    e(t('report.summaryLine', { count: total, rated: total - model.unrated, done })),
    ...(total > 0
      ? [
          '',
          head(t('report.verdict')),
          '| --- | ---: | ---: |',
          ...verdictRows,
          '',
          head(t('report.status')),
          '| --- | ---: | ---: |',
          ...statusRows,
        ]
      : []),
  ]
}

function sourceItem(source: Source, i: number, { t, language }: Translator): string {
  const marker = `${i + 1}. `
  const indent = ' '.repeat(marker.length)
  const title = source.title || source.url || t('report.untitledSource')
  const notLink = source.url && !httpUrl(source.url) && source.title ? [`${e(source.url)} ${e(t('report.notWebAddress'))}`] : []
  const parts = [
    source.url ? markdownLink(title, source.url) : e(title),
    ...notLink,
    ...[source.publisher, formatDay(source.date, language)].filter(Boolean).map(e),
  ]
  const line = (text: string): string => `\\\n${indent}${text}`
  const details = [
    source.accessedAt ? line(e(t('report.accessed', { date: formatDay(source.accessedAt, language) }))) : '',
    source.archiveUrl ? line(`${e(t('report.archivedCopy'))} ${markdownLink(source.archiveUrl, source.archiveUrl)}`) : '',
    source.reliability.trim() ? line(e(t('report.reliability', { note: source.reliability }))) : '',
    source.attachment
      ? line(
          `${e(t('report.attachedFile', { name: attachmentName(source) }))}${source.attachmentSha256 ? ` (SHA-256 ${source.attachmentSha256})` : ''}`,
        )
      : '',
  ].join('')
  const excerpt = source.excerpt.trim() ? `\n\n${quote(escapeMarkdownBlock(source.excerpt), indent)}` : ''
  return marker + parts.join(' · ') + details + excerpt
}

/** Who made the claim, when, and where it appeared (the article first), as list items. */
function attribution({ claim }: ReportClaim, model: ReportModel): string[] {
  const { t, language } = model.options.translator
  const { claimant } = claim
  const who = claimant
    ? `${claimant.url && httpUrl(claimant.url) ? markdownLink(claimantLine(claimant), claimant.url) : e(claimantLine(claimant))} (${e(t(claimant.kind === 'person' ? 'report.person' : 'report.organisation'))})`
    : `_${e(t('report.notNamed'))}_`
  const date = formatDay(claimDateOf(claim, model.project), language)
  const appearances = appearancesOf(claim, model.project).map((a) => {
    const name = a.title || a.url || t('report.untitled')
    const rest = [a.publisher, a.author && t('report.byAuthor', { author: a.author }), formatDay(a.date, language)].filter(Boolean).map(e)
    return [a.url && httpUrl(a.url) ? markdownLink(name, a.url) : e(name), ...rest].join(' · ')
  })
  const field = (key: string, value: string): string => `- **${e(t(key))}:** ${value}`
  return [
    field('report.claimant', who),
    field('report.claimDate', date ? e(date) : `_${e(t('report.unknown'))}_`),
    ...(claim.claimReviewed && claim.claimReviewed !== claim.text ? [field('report.claimReviewStatement', e(claim.claimReviewed))] : []),
    field('report.appearedIn', appearances.join('; ')),
  ]
}

function claimSection(row: ReportClaim, model: ReportModel): string[] {
  const { number, claim, verdict, sources } = row
  const { translator } = model.options
  const { t, language } = translator
  const verdictText = verdict ? e(verdict.label) : e(t('report.noVerdict'))
  const meta = [
    `**${e(t('report.verdict'))}:** ${verdictText}`,
    `**${e(t('report.status'))}:** ${e(statusLabel(claim.status, t))}`,
    ...(claim.checker ? [`**${e(t('report.checkerLabel'))}:** ${e(claim.checker)}`] : []),
    `**${e(t('report.updatedLabel'))}:** ${formatDay(isoDay(claim.updatedAt), language)}`,
    `**ID:** ${e(claim.id)}`,
  ]
  return [
    `### ${e(t('report.claimNumber', { number }))}: ${verdictText}`,
    '',
    quote(escapeMarkdownBlock(claim.text)),
    '',
    meta.join(' · '),
    '',
    ...attribution(row, model),
    '',
    `**${e(t('report.rationale'))}**`,
    '',
    claim.rationale.trim() ? escapeMarkdownBlock(claim.rationale) : `_${e(t('report.noRationale'))}_`,
    '',
    `**${e(t('report.sources'))}**`,
    '',
    sources.length ? sources.map((source, i) => sourceItem(source, i, translator)).join('\n\n') : `_${e(t('report.noSources'))}_`,
    '',
  ]
}

function scaleSection(model: ReportModel): string[] {
  const described = model.project.ratingScale.labels.filter((label) => label.description.trim())
  if (described.length === 0) return []
  return [
    `## ${e(model.options.translator.t('report.scaleHeading', { name: model.project.ratingScale.name }))}`,
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
  const { t } = model.options.translator
  return [
    `## ${e(t('report.article'))}`,
    '',
    `_${e(t('report.highlighted', { count: model.claims.length }))}_`,
    '',
    markdownLineBreaks(body.trim()),
    '',
  ]
}

function versionsSection(model: ReportModel): string[] {
  const lines = versionHistory(model.project, model, model.options.translator)
  return lines.length
    ? [`## ${e(model.options.translator.t('report.versions.heading'))}`, '', ...lines.map((line) => `- ${e(line)}`), '']
    : []
}

export function renderMarkdownDocument(model: ReportModel): string {
  const { t } = model.options.translator
  return [
    ...header(model),
    '',
    ...summary(model),
    '',
    ...versionsSection(model),
    `## ${e(t('report.claims'))}`,
    '',
    ...(model.claims.length ? model.claims.flatMap((row) => claimSection(row, model)) : [`_${e(t('report.noClaimsMatch'))}_`, '']),
    ...scaleSection(model),
    ...(model.options.includeArticle ? articleSection(model) : []),
  ].join('\n')
}

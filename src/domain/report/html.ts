import type { RatingLabel, Source } from '../project/schema'
import { safeColour, textColourOn } from './colour'
import { escapeHtml as h, httpUrl } from './escape'
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

/**
 * The report needs no script, fonts, frames or remote images, so its policy allows nothing but its
 * own inline styles and data: images: should escaping ever miss something, it still cannot run or
 * fetch anything.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

export const REPORT_STYLES = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --link: #0b5cad;
  --serif: Charter, 'Iowan Old Style', 'Source Serif Pro', Georgia, 'Noto Serif', 'DejaVu Serif', serif; }
* { box-sizing: border-box; }
html { background: #fff; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
a { color: var(--link); text-underline-offset: 2px; }
h1, h2, h3 { line-height: 1.25; font-weight: 650; }
h1 { font-size: 1.85rem; margin: .2rem 0 .4rem; font-family: var(--serif); font-weight: 700; }
h2 { font-size: 1.2rem; margin: 2.75rem 0 1rem; padding-bottom: .4rem; border-bottom: 1px solid var(--line); break-after: avoid; }
h3 { font-size: .95rem; margin: 0; }
.eyebrow { margin: 0; font-size: .75rem; font-weight: 650; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.byline { margin: 0; color: var(--muted); }
.url { margin: .15rem 0 0; font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .75rem 1.5rem; margin: 1.5rem 0 0; padding: 1rem 1.25rem; background: var(--soft); border-radius: 8px; }
.facts div { min-width: 0; }
.facts dt { font-size: .72rem; font-weight: 650; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.facts dd { margin: .1rem 0 0; overflow-wrap: anywhere; }
.note { font-size: .8rem; color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 1.5rem; }
.stat { flex: 1 1 9rem; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 8px; }
.stat-value { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.stat-label { font-size: .85rem; color: var(--muted); }
figure { margin: 0 0 1.5rem; }
figcaption, .table-caption { margin: 0 0 .5rem; font-size: .85rem; font-weight: 650; }
.chart { overflow-x: auto; }
.chart svg { display: block; width: 100%; min-width: 30rem; height: auto; overflow: visible; }
.chart text { font-size: 13px; fill: var(--ink); font-variant-numeric: tabular-nums; }
.chart .count { fill: var(--muted); }
table { border-collapse: collapse; font-size: .9rem; min-width: 16rem; }
th, td { text-align: left; padding: .3rem 1.5rem .3rem 0; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; padding-right: 0; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: .12rem .6rem; border-radius: 999px; border: 1px solid rgba(0, 0, 0, .3); font-size: .8rem; font-weight: 650; line-height: 1.4; max-width: 100%; overflow-wrap: anywhere; }
.badge.none { background: #fff; color: var(--muted); border: 1px dashed var(--muted); }
.status { display: inline-block; padding: .1rem .5rem; border-radius: 4px; border: 1px solid var(--line); font-size: .78rem; color: var(--muted); }
.claim { margin: 0 0 1.25rem; padding: 1.1rem 1.35rem 1rem; border: 1px solid var(--line); border-left: 4px solid var(--verdict); border-radius: 8px; break-inside: avoid; }
.claim-head { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.claim-text { margin: .75rem 0; font-family: var(--serif); font-size: 1.12rem; line-height: 1.5; }
.label { margin: .9rem 0 .3rem; font-weight: 650; line-height: 1.25; font-size: .72rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.rationale p { margin: 0 0 .6rem; white-space: pre-line; }
.empty { color: var(--muted); font-style: italic; }
.sources { margin: 0; padding-left: 1.4rem; }
.sources li { margin: 0 0 .6rem; }
.source-meta { color: var(--muted); font-size: .85rem; }
.not-link { overflow-wrap: anywhere; }
.excerpt { margin: .3rem 0 0; padding-left: .75rem; border-left: 2px solid var(--line); color: #3d444d; font-family: var(--serif); white-space: pre-line; }
.attribution { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .4rem 1.5rem; margin: .5rem 0 0; font-size: .9rem; }
.attribution .wide { grid-column: 1 / -1; }
.attribution dt { font-size: .72rem; font-weight: 650; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.attribution dd { margin: .1rem 0 0; overflow-wrap: anywhere; }
.appearances { margin: 0; padding-left: 1.1rem; }
.hash { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .75rem; overflow-wrap: anywhere; }
.claim-meta { margin: .9rem 0 0; padding-top: .6rem; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
.scale-list { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1rem; align-items: baseline; }
.scale-list dd { margin: 0; }
.article-text { margin: 0; font-family: var(--serif); font-size: 1.02rem; line-height: 1.7; white-space: pre-wrap; overflow-wrap: break-word; }
mark { background: #fff1b8; color: inherit; border-bottom: 2px solid #b58a00; padding: 0 1px; }
mark.overlap { background: #ffd666; border-bottom-style: double; border-bottom-width: 3px; }
.ref { font-family: system-ui, sans-serif; font-size: .68em; font-weight: 700; line-height: 0; }
.ref a { color: var(--muted); text-decoration: none; }
.report-footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
.badge, .claim, mark, .chart, .stat, .facts { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-right { content: counter(page) ' / ' counter(pages); font: 8pt system-ui, sans-serif; color: #59636e; } }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 1.75rem; }
  .report-article { break-before: page; }
  a { color: inherit; }
}
`

function badge(label: RatingLabel | null, { t }: Translator): string {
  if (!label) return `<span class="badge none">${h(t('report.noVerdict'))}</span>`
  const colour = safeColour(label.color)
  return `<span class="badge" style="background:${colour};color:${textColourOn(colour)}">${h(label.label)}</span>`
}

/** The article's language on its own words (its text and the claims quoted from it), when known. */
function articleLang(model: ReportModel): string {
  const { language } = model.project.article
  return language && language !== 'und' ? ` lang="${h(language)}"` : ''
}

/** A link for http(s) URLs; anything else is shown as text, so a javascript: URL is only ever words. */
function link(text: string, url: string): string {
  const href = httpUrl(url)
  return href ? `<a href="${h(href)}" rel="noreferrer">${h(text)}</a>` : `<span class="not-link">${h(text)}</span>`
}

/** Paragraphs at blank lines; single line breaks are kept by `white-space: pre-line`. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => `<p>${h(p.trim())}</p>`)
    .join('')
}

function header(model: ReportModel): string {
  const { article, ratingScale, claims } = model.project
  const { organisation, generatedAt, translator } = model.options
  const { t, language } = translator
  const byline = [
    article.outlet,
    article.author && t('report.byAuthor', { author: article.author }),
    article.publishedAt && t('report.publishedOn', { date: formatDay(article.publishedAt, language) }),
  ]
    .filter(Boolean)
    .map(h)
    .join(' · ')
  const checkedBy = organisation.name
    ? link(organisation.name, organisation.url)
    : `<span class="empty">${h(t('report.organisationNotSet'))}</span>`
  const count = t('report.claimsOfProject', { shown: model.claims.length, total: claims.length })
  return `<header>
<p class="eyebrow">${h(t('report.title'))}</p>
<h1 dir="auto">${h(article.title || t('report.untitledArticle'))}</h1>
${byline ? `<p class="byline" dir="auto">${byline}</p>` : ''}
${article.url ? `<p class="url">${link(article.url, article.url)}</p>` : ''}
<dl class="facts">
<div><dt>${h(t('report.checkedBy'))}</dt><dd>${checkedBy}</dd></div>
<div><dt>${h(t('report.ratingScale'))}</dt><dd>${h(ratingScale.name)}</dd></div>
<div><dt>${h(t('report.claims'))}</dt><dd>${h(count)}<br><span class="note">${h(selectionDescription(model.options.claims, t))}</span></dd></div>
<div><dt>${h(t('report.generated'))}</dt><dd>${h(formatTimestamp(generatedAt, language))}</dd></div>
</dl>
</header>`
}

const CHART_WIDTH = 640
const ROW_HEIGHT = 30
const BAR_HEIGHT = 18
/**
 * Advance of a 13 px system-font character, to size the label column without measuring text:
 * generous for sizing, more so for cutting, so that capital- or symbol-heavy labels still fit.
 */
const CHAR_WIDTH = 8
const WIDE_CHAR_WIDTH = 9
const MAX_LABEL_WIDTH = 260

/**
 * Horizontal bars in the scale's colours, each the label's share of the reported claims (the grey
 * track is 100%) and named and counted in text beside it, so the chart reads the same in
 * black-and-white print. Labels too long for the label column are shortened; the full label is in
 * the SVG title and in the rating scale section.
 */
function chart(model: ReportModel): string {
  const { t, language } = model.options.translator
  const rows = model.byVerdict.map(({ label, count }) => ({ name: label.label, count, fill: safeColour(label.color), dashed: false }))
  if (model.unrated > 0) rows.push({ name: t('report.noVerdict'), count: model.unrated, fill: '#ffffff', dashed: true })
  const longest = Math.max(...rows.map((r) => Array.from(r.name).length))
  const needed = longest * CHAR_WIDTH + 16
  const labelWidth = Math.min(Math.max(needed, 96), MAX_LABEL_WIDTH)
  const maxChars = needed <= MAX_LABEL_WIDTH ? longest : Math.floor((MAX_LABEL_WIDTH - 16) / WIDE_CHAR_WIDTH)
  const barSpace = CHART_WIDTH - labelWidth - 84
  const total = model.claims.length
  const height = rows.length * ROW_HEIGHT
  const description = new Intl.ListFormat(language, { type: 'unit' }).format(
    rows.map((r) => `${r.name}: ${formatNumber(r.count, language)}`),
  )
  const body = rows
    .map((row, i) => {
      const y = i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
      const middle = y + BAR_HEIGHT / 2
      const width = row.count === 0 ? 0 : Math.max(3, Math.round((row.count / total) * barSpace))
      const chars = Array.from(row.name)
      const shown = chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : row.name
      const title = shown === row.name ? '' : `<title>${h(row.name)}</title>`
      return [
        `<text x="${labelWidth - 10}" y="${middle}" dy="0.35em" text-anchor="end">${title}${h(shown)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${barSpace}" height="${BAR_HEIGHT}" rx="3" fill="#f3f4f6"/>`,
        width > 0
          ? `<rect x="${labelWidth}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="3" fill="${row.fill}" stroke="#1f2328" stroke-opacity="0.45"${row.dashed ? ' stroke-dasharray="4 3"' : ''}/>`
          : '',
        `<text class="count" x="${labelWidth + width + 8}" y="${middle}" dy="0.35em">${formatNumber(row.count, language)} · ${percent(row.count, total, language)}</text>`,
      ].join('')
    })
    .join('\n')
  return `<figure class="chart">
<figcaption>${h(t('report.verdicts'))}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${h(t('report.verdictsChart', { description }))}">
${body}
</svg>
</figure>`
}

function summary(model: ReportModel): string {
  const { t, language } = model.options.translator
  const total = model.claims.length
  const rated = total - model.unrated
  const done = model.byStatus.find((s) => s.status === 'done')?.count ?? 0
  const stat = (value: number, label: string): string =>
    `<div class="stat"><span class="stat-value">${formatNumber(value, language)}</span><span class="stat-label">${h(label)}</span></div>`
  const statusRows = model.byStatus
    .filter((s) => s.count > 0)
    .map(
      (s) =>
        `<tr><td>${h(statusLabel(s.status, t))}</td><td class="num">${formatNumber(s.count, language)}</td><td class="num">${percent(s.count, total, language)}</td></tr>`,
    )
    .join('\n')
  const review = reviewLine(model, t)
  return `<section aria-labelledby="summary">
<h2 id="summary">${h(t('report.summary'))}</h2>
${review ? `<p class="review-note">${h(review)}</p>` : ''}
<div class="stats">
${stat(total, t('report.statClaims', { count: total }))}
${stat(rated, t('report.statRated', { count: rated }))}
${stat(done, t('report.statDone', { count: done }))}
</div>
${total > 0 ? chart(model) : ''}
${
  statusRows
    ? `<p class="table-caption">${h(t('report.status'))}</p>
<table>
<thead><tr><th>${h(t('report.status'))}</th><th class="num">${h(t('report.claims'))}</th><th class="num">${h(t('report.share'))}</th></tr></thead>
<tbody>
${statusRows}
</tbody>
</table>`
    : ''
}
</section>`
}

function sourceItem(source: Source, { t, language }: Translator): string {
  const title = source.title || source.url || t('report.untitledSource')
  const meta = [source.publisher, formatDay(source.date, language)].filter(Boolean).map(h).join(' · ')
  const lines = [
    source.url ? link(title, source.url) : h(title),
    meta ? ` <span class="source-meta">${meta}</span>` : '',
    source.url && source.title
      ? `<div class="url">${h(source.url)}${httpUrl(source.url) ? '' : ` ${h(t('report.notWebAddress'))}`}</div>`
      : '',
    source.accessedAt ? `<div class="source-meta">${h(t('report.accessed', { date: formatDay(source.accessedAt, language) }))}</div>` : '',
    source.archiveUrl ? `<div class="url">${h(t('report.archivedCopy'))} ${link(source.archiveUrl, source.archiveUrl)}</div>` : '',
    source.reliability.trim()
      ? `<div class="source-meta" dir="auto">${h(t('report.reliability', { note: source.reliability.trim() }))}</div>`
      : '',
    source.attachment
      ? `<div class="source-meta">${h(t('report.attachedFile', { name: attachmentName(source) }))}${source.attachmentSha256 ? ` <span class="hash">SHA-256 ${h(source.attachmentSha256)}</span>` : ''}</div>`
      : '',
    source.excerpt.trim() ? `<blockquote class="excerpt" dir="auto">${h(source.excerpt.trim())}</blockquote>` : '',
  ]
  return `<li>${lines.join('')}</li>`
}

/** Who made the claim, when, and where it appeared (the article first). */
function attribution(claim: ReportClaim['claim'], model: ReportModel): string {
  const { t, language } = model.options.translator
  const { claimant } = claim
  const who = claimant
    ? `${link(claimantLine(claimant), claimant.url)} <span class="note">(${h(t(claimant.kind === 'person' ? 'report.person' : 'report.organisation'))})</span>`
    : `<span class="empty">${h(t('report.notNamed'))}</span>`
  const date = formatDay(claimDateOf(claim, model.project), language)
  const appearances = appearancesOf(claim, model.project)
    .map((a) => {
      const rest = [a.publisher, a.author && t('report.byAuthor', { author: a.author }), formatDay(a.date, language)]
        .filter(Boolean)
        .map(h)
        .join(' · ')
      return `<li>${link(a.title || a.url || t('report.untitled'), a.url)}${rest ? ` <span class="source-meta">${rest}</span>` : ''}</li>`
    })
    .join('')
  const statement =
    claim.claimReviewed && claim.claimReviewed !== claim.text
      ? `<div><dt>${h(t('report.claimReviewStatement'))}</dt><dd dir="auto">${h(claim.claimReviewed)}</dd></div>`
      : ''
  return `<dl class="attribution">
<div><dt>${h(t('report.claimant'))}</dt><dd dir="auto">${who}</dd></div>
<div><dt>${h(t('report.claimDate'))}</dt><dd>${date ? h(date) : `<span class="empty">${h(t('report.unknown'))}</span>`}</dd></div>
${statement}<div class="wide"><dt>${h(t('report.appearedIn'))}</dt><dd><ul class="appearances">${appearances}</ul></dd></div>
</dl>`
}

function claimCard({ number, claim, verdict, sources }: ReportClaim, model: ReportModel): string {
  const { translator } = model.options
  const { t, language } = translator
  const rationale = claim.rationale.trim()
    ? `<div class="rationale" dir="auto">${paragraphs(claim.rationale)}</div>`
    : `<p class="empty">${h(t('report.noRationale'))}</p>`
  const sourceList = sources.length
    ? `<ol class="sources">\n${sources.map((source) => sourceItem(source, translator)).join('\n')}\n</ol>`
    : `<p class="empty">${h(t('report.noSources'))}</p>`
  const meta = [
    claim.checker && t('report.checkedByName', { name: claim.checker }),
    t('report.updated', { date: formatDay(isoDay(claim.updatedAt), language) }),
    t('report.id', { id: claim.id }),
  ].filter(Boolean)
  return `<article class="claim" id="claim-${number}" style="--verdict:${verdict ? safeColour(verdict.color) : '#d1d9e0'}">
<div class="claim-head"><h3>${h(t('report.claimNumber', { number }))}</h3>${badge(verdict, translator)}<span class="status">${h(statusLabel(claim.status, t))}</span></div>
<blockquote class="claim-text" dir="auto"${articleLang(model)}>${h(claim.text)}</blockquote>
${attribution(claim, model)}
<p class="label">${h(t('report.rationale'))}</p>
${rationale}
<p class="label">${h(t('report.sources'))}</p>
${sourceList}
<p class="claim-meta">${meta.map(h).join(' · ')}</p>
</article>`
}

function versionsSection(model: ReportModel): string {
  const lines = versionHistory(model.project, model, model.options.translator)
  if (lines.length === 0) return ''
  return `<h2 id="versions">${h(model.options.translator.t('report.versions.heading'))}</h2>
<ul class="versions">${lines.map((line) => `<li>${h(line)}</li>`).join('')}</ul>`
}

function claimsSection(model: ReportModel): string {
  const { t } = model.options.translator
  const cards = model.claims.length
    ? model.claims.map((row) => claimCard(row, model)).join('\n')
    : `<p class="empty">${h(t('report.noClaimsMatch'))}</p>`
  return `<section aria-labelledby="claims">
<h2 id="claims">${h(t('report.claims'))}</h2>
${cards}
</section>`
}

function scaleSection(model: ReportModel): string {
  const described = model.project.ratingScale.labels.filter((label) => label.description.trim())
  if (described.length === 0) return ''
  const { translator } = model.options
  return `<section aria-labelledby="scale">
<h2 id="scale">${h(translator.t('report.scaleHeading', { name: model.project.ratingScale.name }))}</h2>
<dl class="scale-list">
${described.map((label) => `<dt>${badge(label, translator)}</dt><dd>${h(label.description)}</dd>`).join('\n')}
</dl>
</section>`
}

/** The article with the reported claims marked; a number after each claim points to its card. */
function articleSection(model: ReportModel): string {
  const { t } = model.options.translator
  const { text } = model.project.article
  const ranges = model.claims.map(({ number, claim }) => ({ start: claim.start, end: claim.end, number }))
  const body = segmentArticle(text.length, ranges)
    .map((segment) => {
      const piece = h(text.slice(segment.start, segment.end))
      const marked = segment.claims.length
        ? `<mark${segment.claims.length > 1 ? ' class="overlap"' : ''} title="${h(t('report.claimNumber', { number: segment.claims.join(', ') }))}">${piece}</mark>`
        : piece
      const refs = segment.ending.map((n) => `<sup class="ref"><a href="#claim-${n}">${n}</a></sup>`).join('')
      return marked + refs
    })
    .join('')
  return `<section class="report-article" aria-labelledby="article">
<h2 id="article">${h(t('report.article'))}</h2>
<p class="byline">${h(t('report.highlighted', { count: model.claims.length }))}</p>
<div class="article-text" dir="auto"${articleLang(model)}>${body}</div>
</section>`
}

/** The report as one self-contained HTML document; the PDF is printed from it. */
export function renderHtmlDocument(model: ReportModel): string {
  const { article } = model.project
  const organisation = model.options.organisation.name
  const { t, language } = model.options.translator
  const generated = formatTimestamp(model.options.generatedAt, language)
  // The report's own words are in the report's language; the article and claims keep theirs (dir="auto" on each).
  return `<!doctype html>
<html lang="${h(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factdesk">
<title>${h(t('report.titleWith', { title: article.title || t('report.untitledArticle') }))}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
${header(model)}
${summary(model)}
${versionsSection(model)}
${claimsSection(model)}
${scaleSection(model)}
${model.options.includeArticle ? articleSection(model) : ''}
<footer class="report-footer">${h(organisation ? t('report.preparedBy', { organisation, date: generated }) : t('report.preparedWith', { date: generated }))}</footer>
</main>
</body>
</html>
`
}

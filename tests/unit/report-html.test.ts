import { describe, expect, it } from 'vitest'
import { renderHtml, renderReport, REPORT_CSP, type ReportOptions } from '@domain/report'
import {
  FARES_PDF_SHA256,
  HOSTILE_OPTIONS,
  HOSTILE_STRINGS,
  hostileProject,
  SAMPLE_OPTIONS,
  sampleProject,
} from '../fixtures/report/projects'

const html = (options: Partial<ReportOptions> = {}): string => renderHtml(sampleProject(), { ...SAMPLE_OPTIONS, ...options }).content
const cards = (content: string): number => content.match(/<article class="claim"/g)?.length ?? 0

describe('HTML report', () => {
  it('is one document with the article language, a restrictive CSP and an escaped title', () => {
    const content = html()
    expect(content.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true)
    expect(content).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`)
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    expect(content).toContain('<title>Verdict report: Minister promises cheaper trains by 2030</title>')
    expect(renderReport(sampleProject(), 'html', SAMPLE_OPTIONS)).toMatchObject({ mimeType: 'text/html; charset=utf-8', extension: 'html' })
  })

  it('is self-contained: no script, external style, font, image or frame; links only to http(s) or its own claims', () => {
    const content = html()
    expect(content).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i)
    const hrefs = [...content.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/|#claim-\d+$)/)
  })

  it('summarises counts per verdict and status, with a chart in the scale colours labelled in text', () => {
    const content = html()
    expect(content).toContain(
      '<div class="stat"><span class="stat-value">5</span><span class="stat-label">claims in this report</span></div>',
    )
    expect(content).toContain('<div class="stat"><span class="stat-value">4</span><span class="stat-label">with a verdict</span></div>')
    expect(content).toContain('<div class="stat"><span class="stat-value">3</span><span class="stat-label">checked (done)</span></div>')
    expect(content).toContain(
      'aria-label="Verdicts: True: 1, Mostly True: 0, Half True: 1, Mostly False: 1, False: 1, Pants on Fire: 0, No verdict yet: 1"',
    )
    expect(content).toContain(
      '<text x="118" y="135" dy="0.35em" text-anchor="end">False</text><rect x="128" y="126" width="428" height="18" rx="3" fill="#f3f4f6"/><rect x="128" y="126" width="86" height="18" rx="3" fill="#cf222e" stroke="#1f2328" stroke-opacity="0.45"/><text class="count" x="222" y="135" dy="0.35em">1 · 20%</text>',
    )
    expect(content).toContain('<text class="count" x="136" y="165" dy="0.35em">0 · 0%</text>')
    expect(content).toContain('stroke-dasharray="4 3"/><text class="count" x="222" y="195" dy="0.35em">1 · 20%</text>')
    expect(content).toContain('<tr><td>Done</td><td class="num">3</td><td class="num">60%</td></tr>')
    expect(content).toContain('<tr><td>In progress</td><td class="num">1</td><td class="num">20%</td></tr>')
  })

  it('shows each claim with its badge (readable text colour), rationale, sources, checker and date', () => {
    const content = html()
    expect(cards(content)).toBe(5)
    expect(content).toContain(
      '<div class="claim-head"><h3>Claim 1</h3><span class="badge" style="background:#cf222e;color:#ffffff">False</span><span class="status">Done</span></div>',
    )
    expect(content).toContain('<span class="badge" style="background:#b58a00;color:#000000">Half True</span>')
    expect(content).toContain('<span class="badge none">No verdict yet</span><span class="status">In progress</span>')
    expect(content).toContain(
      '<blockquote class="claim-text" dir="auto" lang="en">&quot;We have cut fares for 3 million commuters,&quot; she told reporters in Leeds.</blockquote>',
    )
    expect(content).toContain(
      '<div class="rationale" dir="auto"><p>Regulated fares rose by 3.8% in March; no fare category fell.\nThe 12% figure is the fall in passenger numbers, not fares.</p><p>The minister’s office did not reply to a request for comment.</p></div>',
    )
    expect(content).toContain(
      `<li><a href="https://stats.example.org/rail/fares-2026" rel="noreferrer">Rail fares index, March 2026</a> <span class="source-meta">Rail Statistics Office · May 21, 2026</span><div class="url">https://stats.example.org/rail/fares-2026</div><div class="source-meta">Accessed November 24, 2026</div><div class="url">Archived copy: <a href="https://archive.example.net/20260601/https://stats.example.org/rail/fares-2026" rel="noreferrer">https://archive.example.net/20260601/https://stats.example.org/rail/fares-2026</a></div><div class="source-meta" dir="auto">Reliability: Official statistics; reliable.</div><div class="source-meta">Attached file: fares-2026.pdf <span class="hash">SHA-256 ${FARES_PDF_SHA256}</span></div><blockquote class="excerpt" dir="auto">Regulated fares rose by 3.8% on 1 March.\nUnregulated fares rose by 4.1%.</blockquote></li>`,
    )
    expect(content).toContain(
      '<a href="https://stats.example.org/passengers?year=2025&amp;table=2" rel="noreferrer">Passenger journeys (2025)</a>',
    )
    expect(content).toContain('<p class="claim-meta">Checked by Sam O&#39;Neil · Updated November 25, 2026 · ID c-commuters</p>')
    expect(content).toContain('<p class="label">Sources</p>\n<p class="empty">No sources attached.</p>')
  })

  it('shows who made each claim, when and where it appeared, the reporter only as the article’s author', () => {
    const content = html()
    expect(content).toContain(
      '<div><dt>Claimant</dt><dd dir="auto"><a href="https://gov.example/ministers/rob-hale" rel="noreferrer">Rob Hale, Transport Minister</a> <span class="note">(person)</span></dd></div>\n<div><dt>Claim date</dt><dd>November 22, 2026</dd></div>\n<div><dt>ClaimReview statement</dt><dd dir="auto">Rail fares fell by 12% last year</dd></div>',
    )
    expect(content).toContain(
      '<li><a href="https://tv.example/news/2026-11-22" rel="noreferrer">Evening News, 22 November</a> <span class="source-meta">TV Example · by Kim Lee · November 22, 2026</span></li>',
    )
    expect(content).toContain('<span class="not-link">Rail Future Campaign</span> <span class="note">(organisation)</span>')
    expect(content).toContain('<dd dir="auto"><span class="empty">Not named yet</span></dd>')
  })

  it('leaves the desk’s private working material out: notes, and the folders of attached files', () => {
    const content = html({ claims: 'all' })
    expect(content).not.toContain('Private: call the press office')
    expect(content).not.toContain('attachments/fares-2026.pdf')
    expect(content).toContain('fares-2026.pdf')
  })

  it('highlights reported claims in the article, overlapping ones distinguished, each followed by its number', () => {
    const content = html()
    expect(content).toContain(
      '<div class="article-text" dir="auto" lang="en"><mark title="Claim 1">The transport minister said on Monday that </mark><mark class="overlap" title="Claim 1, 2">rail fares fell by 12%</mark><sup class="ref"><a href="#claim-2">2</a></sup><mark title="Claim 1"> last year.</mark><sup class="ref"><a href="#claim-1">1</a></sup> <mark title="Claim 3">&quot;We have cut fares',
    )
    expect(content).toContain('</sup> It is the best the network has ever performed, she said.')
    expect(content).toContain('\n\nWhether the trains will really be cheaper by 2030 remains to be seen.</div>')
  })

  it('follows the options: which claims, and whether the article is included', () => {
    const done = html({ claims: 'done', includeArticle: false })
    expect(cards(done)).toBe(3)
    expect(done).toContain('<dd>3 of 7 claims in the project<br><span class="note">Checked claims only (status Done)</span></dd>')
    expect(done).not.toContain('id="article"')
    expect(done).not.toContain('<mark')
    const all = html({ claims: 'all' })
    expect(cards(all)).toBe(7)
    expect(all).toContain('<span class="status">Suggested</span>')
    expect(all).toContain('<span class="status">Dismissed</span>')
  })

  it('says so when no claim matches, and warns', () => {
    const project = sampleProject()
    project.claims = []
    const report = renderHtml(project, SAMPLE_OPTIONS)
    expect(report.content).toContain('<p class="empty">No claims match this selection.</p>')
    expect(report.content).not.toContain('<svg')
    expect(report.warnings).toHaveLength(1)
  })

  it('escapes every hostile string from the project and the settings, and links none of their URLs', () => {
    const content = renderHtml(hostileProject(), HOSTILE_OPTIONS).content
    const body = content.slice(content.indexOf('</style>') + '</style>'.length)
    // Escaped text has no "<", so every tag left is the report's own; its attribute values (always
    // double-quoted, with any quote inside escaped) are blanked so only attribute names are judged.
    const tags = [...body.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""'))
    expect(new Set(tags.map((tag) => /^<([a-z0-9]+)/i.exec(tag)?.[1]))).not.toContain('script')
    expect(tags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([])
    expect(tags.filter((tag) => /^<(img|iframe|b|object|embed|svg)\b/i.test(tag))).toEqual([expect.stringMatching(/^<svg xmlns=/)])
    expect(body).not.toMatch(/href="(?!https?:|#claim-)/)
    expect(body).toContain('&lt;script&gt;window.__pwned=&#39;script&#39;;alert(1)&lt;/script&gt;')
    expect(body).toContain('&lt;img src=x onerror=&quot;window.__pwned=&#39;img&#39;;alert(2)&quot;&gt;')
    expect(body).toContain('&quot;&gt;&lt;svg onload=window.__pwned=&#39;svg&#39;;alert(3)&gt;')
    expect(body).toContain(`<span class="not-link">${HOSTILE_STRINGS.JS_URL.replace(/'/g, '&#39;')}</span>`)
    expect(content).toContain(
      '<title>Verdict report: &lt;/title&gt;&lt;script&gt;window.__pwned=&#39;script&#39;;alert(1)&lt;/script&gt; [pwn](javascript:window.__pwned=&#39;href&#39;;alert(4))</title>',
    )
  })
})

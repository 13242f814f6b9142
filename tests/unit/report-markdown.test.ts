import { marked } from 'marked'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import type { Project } from '@domain/project/schema'
import { renderMarkdown, renderReport } from '@domain/report'
import {
  FARES_PDF_SHA256,
  HOSTILE_OPTIONS,
  HOSTILE_STRINGS,
  hostileProject,
  SAMPLE_OPTIONS,
  sampleProject,
} from '../fixtures/report/projects'

/** What a Markdown viewer makes of the report (GitHub-flavoured, as most viewers are). */
function toHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true })
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

const REPORT_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'blockquote',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'mark',
  'sup',
])

describe('Markdown report', () => {
  const markdown = renderMarkdown(sampleProject(), SAMPLE_OPTIONS).content

  it('has the header, the summary tables and one section per claim', () => {
    expect(renderReport(sampleProject(), 'md', SAMPLE_OPTIONS)).toMatchObject({ mimeType: 'text/markdown; charset=utf-8', extension: 'md' })
    expect(
      markdown.startsWith(`# Verdict report: Minister promises cheaper trains by 2030

The Daily Example · by Jane Doe · published November 23, 2026

Article: <https://news.example.com/2026/11/cheaper-trains>

- **Checked by:** [Fact Desk Lab](https://factdesk.example.org/)
- **Rating scale:** PolitiFact Truth-O-Meter
- **Claims:** 5 of 7 claims in the project (Claims accepted for checking; suggestions and dismissed claims left out)
- **Generated:** November 27, 2026 at 2:05 PM UTC

## Summary

5 claims in this report, 4 with a verdict, 3 checked (done).

| Verdict | Claims | Share |
| --- | ---: | ---: |
| True | 1 | 20% |
| Mostly True | 0 | 0% |
| Half True | 1 | 20% |
| Mostly False | 1 | 20% |
| False | 1 | 20% |
| Pants on Fire | 0 | 0% |
| No verdict yet | 1 | 20% |

| Status | Claims | Share |
| --- | ---: | ---: |
| In progress | 1 | 20% |
| Needs review | 1 | 20% |
| Done | 3 | 60% |
`),
    ).toBe(true)
    expect(markdown).toContain(`### Claim 1: False

> The transport minister said on Monday that rail fares fell by 12% last year.

**Verdict:** False · **Status:** Done · **Checked by:** Ana Ruiz · **Updated:** November 26, 2026 · **ID:** c-fares

- **Claimant:** [Rob Hale, Transport Minister](https://gov.example/ministers/rob-hale) (person)
- **Claim date:** November 22, 2026
- **ClaimReview statement:** Rail fares fell by 12% last year
- **Appeared in:** [Minister promises cheaper trains by 2030](https://news.example.com/2026/11/cheaper-trains) · The Daily Example · by Jane Doe · November 23, 2026; [Evening News, 22 November](https://tv.example/news/2026-11-22) · TV Example · by Kim Lee · November 22, 2026

**Rationale**

Regulated fares rose by 3.8% in March; no fare category fell.\\
The 12% figure is the fall in passenger numbers, not fares.

The minister’s office did not reply to a request for comment.

**Sources**

1. [Rail fares index, March 2026](https://stats.example.org/rail/fares-2026) · Rail Statistics Office · May 21, 2026\\
   Accessed November 24, 2026\\
   Archived copy: <https://archive.example.net/20260601/https://stats.example.org/rail/fares-2026>\\
   Reliability: Official statistics; reliable.\\
   Attached file: fares-2026.pdf (SHA-256 ${FARES_PDF_SHA256})

   > Regulated fares rose by 3.8% on 1 March.\\
   > Unregulated fares rose by 4.1%.

2. [Passenger journeys (2025)](https://stats.example.org/passengers?year=2025&table=2) · Rail Statistics Office · March 2026
`)
    expect(markdown).toContain('### Claim 2: No verdict yet\n')
    expect(markdown).toContain('- **Claimant:** _Not named yet_\n- **Claim date:** November 23, 2026\n')
    expect(markdown).toContain('\\-3% is the cut on one line only, used by about "3 million" journeys, not commuters.')
    expect(markdown.match(/^### Claim /gm)).toHaveLength(5)
  })

  it('marks the reported claims in the article, closing marks at line breaks', () => {
    expect(markdown).toContain(`## Article

_5 reported claims highlighted; the numbers refer to the claims above._

<mark>The transport minister said on Monday that </mark><mark>rail fares fell by 12%</mark><sup>2</sup><mark> last year.</mark><sup>1</sup> <mark>"We have cut fares for 3 million commuters," she told reporters in Leeds.</mark><sup>3</sup>

Official statistics tell a different story. According to the Rail Statistics Office, regulated fares rose by 3.8% in March.\\
<mark>Critics say the government's 2019 pledge to electrify 500 miles of track has been quietly dropped.</mark><sup>4</sup>
`)
    expect(renderMarkdown(sampleProject(), { ...SAMPLE_OPTIONS, includeArticle: false }).content).not.toContain('## Article')
  })

  it('renders as intended in a Markdown viewer', () => {
    const html = toHtml(markdown)
    expect(html.match(/<h3>/g)).toHaveLength(5)
    expect(html.match(/<table>/g)).toHaveLength(2)
    expect(html).toContain('<a href="https://stats.example.org/passengers?year=2025&amp;table=2">Passenger journeys (2025)</a>')
    expect(html).toContain(
      '<p>Regulated fares rose by 3.8% in March; no fare category fell.<br>The 12% figure is the fall in passenger numbers, not fares.</p>',
    )
    expect(html).toContain('<mark>rail fares fell by 12%</mark><sup>2</sup>')
    expect(textOf(html)).toContain('-3% is the cut on one line only')
  })

  it('lets no project or settings string become a link, image or HTML: every hostile string is shown literally', () => {
    const html = toHtml(renderMarkdown(hostileProject(), HOSTILE_OPTIONS).content)
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]?.toLowerCase()))
    expect([...tags].filter((tag) => tag === undefined || !REPORT_TAGS.has(tag))).toEqual([])
    // No tag carries any attribute (so no href, src or event handler) except table column alignment.
    const withAttributes = [...html.matchAll(/<[a-z][^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => /\s/.test(tag.replace(/ align="right"/g, '')))
    expect(withAttributes).toEqual([])
    const text = textOf(html)
    for (const payload of Object.values(HOSTILE_STRINGS)) expect(text).toContain(payload)
    expect(text).toContain(`[pwn](${HOSTILE_STRINGS.JS_URL})`)
  })

  describe('in marked, micromark (CommonMark) and micromark with GFM (GitHub’s dialect)', () => {
    const RENDERERS: Record<string, (markdown: string) => string> = {
      marked: toHtml,
      micromark: (markdown) => micromark(markdown, { allowDangerousHtml: true }),
      'micromark + GFM': (markdown) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
    }
    /** Every way a string could turn into an image or a link, all pointing at the attacker's site. */
    const PAYLOAD =
      '![x](https://evil.example/b.png) [y](https://evil.example/a) <https://evil.example/c> https://evil.example/d www.evil.example me@evil.example ![z][r]\n\n[r]: https://evil.example/e.png'

    function everyStringHostile(): Project {
      const project = sampleProject()
      const p = PAYLOAD
      project.article = { ...project.article, title: p, outlet: p, author: p }
      project.ratingScale = {
        ...project.ratingScale,
        name: p,
        labels: project.ratingScale.labels.map((l) => ({ ...l, label: `${l.label} ${p}`, description: p })),
      }
      project.claims = project.claims.map((c) => ({
        ...c,
        rationale: p,
        checker: p,
        claimant: { name: p, kind: 'person', role: p, url: 'https://gov.example/x' },
        claimReviewed: p,
        appearances: [{ url: 'https://tv.example/x', title: p, publisher: p, author: p, date: '' }],
      }))
      project.sources = project.sources.map((s) => ({
        ...s,
        title: p,
        publisher: p,
        excerpt: p,
        reliability: p,
        attachment: `files/${p}.pdf`,
      }))
      return project
    }

    for (const [name, render] of Object.entries(RENDERERS)) {
      it(`lets no project or settings string become a live image or link in ${name}`, () => {
        const markdown = renderMarkdown(everyStringHostile(), {
          ...SAMPLE_OPTIONS,
          organisation: { name: PAYLOAD, url: 'https://factdesk.example.org' },
        }).content
        const html = render(markdown)
        expect(html).not.toMatch(/<img/i)
        const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/gi)].map((m) => m[1] ?? '')
        expect(links.length).toBeGreaterThan(0)
        expect(links.filter((href) => href.includes('evil.example'))).toEqual([])
        expect(textOf(html)).toContain('![x](https://evil.example/b.png)')
      })
    }
  })
})

import { describe, expect, it } from 'vitest'
import { RATING_SCALE_PRESETS } from '@domain/project/rating-scales'
import { luminance, safeColour, textColourOn } from '@domain/report/colour'
import { escapeHtml, escapeMarkdownBlock, escapeMarkdownInline, httpUrl, markdownEscaper, markdownLink } from '@domain/report/escape'
import { segmentArticle } from '@domain/report/segments'

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
    expect(escapeHtml('plain text, ünïcödé')).toBe('plain text, ünïcödé')
  })
})

describe('httpUrl', () => {
  it('accepts absolute http and https URLs, normalised', () => {
    expect(httpUrl('https://example.org/a b?q=<x>')).toBe('https://example.org/a%20b?q=%3Cx%3E')
    expect(httpUrl('  HTTP://Example.org  ')).toBe('http://example.org/')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\tjava\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    'example.org',
    '',
  ])('refuses %j', (url) => {
    expect(httpUrl(url)).toBeNull()
  })
})

describe('Markdown escaping', () => {
  it('escapes inline syntax so nothing becomes a link, image, HTML, code, emphasis or math', () => {
    expect(escapeMarkdownInline('[x](javascript:alert(1)) ![i](y) <b>*a* _b_ `c` ~d~ $5 | e')).toBe(
      '&#91;x&#93;(javascript:alert(1)) !&#91;i&#93;(y) &#60;b&#62;\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\$5 \\| e',
    )
    // What GFM would link on its own: a bare http(s) address, a www. address, an e-mail address.
    expect(escapeMarkdownInline('see https://evil.example/b.png, WWW.evil.example or ask@evil.example')).toBe(
      'see https&#58;//evil.example/b.png, WWW&#46;evil.example or ask&#64;evil.example',
    )
    expect(escapeMarkdownInline('Note: 3.5 www www2.example')).toBe('Note: 3.5 www www2.example')
    expect(escapeMarkdownInline('AT&T &amp; &#60;')).toBe('AT&T \\&amp; \\&#60;')
    expect(escapeMarkdownInline('back\\slash')).toBe('back\\\\slash')
  })

  it('escapes block markers only where a line starts, and drops indentation that would make code', () => {
    const text = '# Heading\n- item\n+ item\n1. one\n22) two\n    code\n= setext\nmid-line # - + 1. stay'
    expect(markdownEscaper(text)(0, text.length)).toBe(
      '\\# Heading\n\\- item\n\\+ item\n1\\. one\n22\\) two\ncode\n\\= setext\nmid-line # - + 1. stay',
    )
  })

  it('judges line starts on the whole text when escaping a range of it', () => {
    const text = 'Intro.\n- a claim'
    expect(markdownEscaper(text)(7, 16)).toBe('\\- a claim')
    expect(markdownEscaper(text)(8, 16)).toBe(' a claim')
  })

  it('keeps paragraphs and line breaks of multi-line text', () => {
    expect(escapeMarkdownBlock('One\nTwo  \n\n\n\nThree')).toBe('One\\\nTwo\n\nThree')
  })

  it('links only http(s) URLs, with parentheses in the destination encoded', () => {
    expect(markdownLink('Report [PDF]', 'https://example.org/a_(b)')).toBe('[Report &#91;PDF&#93;](https://example.org/a_%28b%29)')
    expect(markdownLink('https://example.org/x', 'https://example.org/x')).toBe('<https://example.org/x>')
    expect(markdownLink('Click', 'javascript:alert(1)')).toBe('Click')
  })
})

describe('colours', () => {
  it('passes only plain #rrggbb colours into CSS', () => {
    expect(safeColour('#1A7F37')).toBe('#1a7f37')
    expect(safeColour('red;background:url(https://example.org/x)')).toBe('#6e7781')
  })

  it('picks black or white text, whichever contrasts more', () => {
    expect(textColourOn('#cf222e')).toBe('#ffffff')
    expect(textColourOn('#b58a00')).toBe('#000000')
    expect(textColourOn('#ffffff')).toBe('#000000')
    expect(textColourOn('#000000')).toBe('#ffffff')
  })

  it('gives every preset label at least 3:1 contrast, the WCAG minimum for bold badge text', () => {
    const contrast = (a: string, b: string): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
      return (hi + 0.05) / (lo + 0.05)
    }
    for (const label of RATING_SCALE_PRESETS.flatMap((scale) => scale.labels)) {
      expect(contrast(label.color, textColourOn(label.color)), `${label.label} ${label.color}`).toBeGreaterThanOrEqual(3)
    }
  })
})

describe('segmentArticle', () => {
  it('cuts overlapping and nested claims into pieces each covered by a fixed set of claims', () => {
    const ranges = [
      { start: 2, end: 10, number: 1 },
      { start: 5, end: 15, number: 2 },
      { start: 5, end: 8, number: 3 },
    ]
    expect(segmentArticle(20, ranges)).toEqual([
      { start: 0, end: 2, claims: [], ending: [] },
      { start: 2, end: 5, claims: [1], ending: [] },
      { start: 5, end: 8, claims: [1, 2, 3], ending: [3] },
      { start: 8, end: 10, claims: [1, 2], ending: [1] },
      { start: 10, end: 15, claims: [2], ending: [2] },
      { start: 15, end: 20, claims: [], ending: [] },
    ])
  })

  it('covers the whole text once when there are no claims, and ignores ranges outside it', () => {
    expect(segmentArticle(5, [{ start: 3, end: 9, number: 1 }])).toEqual([{ start: 0, end: 5, claims: [], ending: [] }])
    expect(segmentArticle(0, [])).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { renderReport } from '@domain/report'
import type { WebAnnotation } from '@domain/report/web-annotation'
import { SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

const annotationsOf = (project = sampleProject()): WebAnnotation[] =>
  JSON.parse(renderReport(project, 'annotations', SAMPLE_OPTIONS).content) as WebAnnotation[]

describe('W3C Web Annotation export', () => {
  it('writes one annotation per reported claim, on the article URL, found by quote and by position', () => {
    const project = sampleProject()
    const annotations = annotationsOf(project)
    const reported = project.claims.filter((c) => c.status !== 'suggested' && c.status !== 'dismissed')
    expect(annotations).toHaveLength(reported.length)
    for (const annotation of annotations) {
      expect(annotation['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
      expect(annotation.type).toBe('Annotation')
      expect(annotation.motivation).toBe('assessing')
      expect(annotation.target.source).toBe(project.article.url)
      const [quote, position] = annotation.target.selector
      const claim = project.claims.find((c) => annotation.id.endsWith(`:claim:${c.id}`))
      expect(claim).toBeDefined()
      expect(quote.exact).toBe(claim?.text)
      // The sample article is all in the Basic Multilingual Plane, so code points and UTF-16 units agree.
      expect(project.article.text.slice(position.start, position.end)).toBe(claim?.text)
      expect(project.article.text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix)
      expect(project.article.text.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix)
    }
  })

  it('carries the verdict label and the rationale as the body', () => {
    const project = sampleProject()
    const rated = project.claims.find((c) => c.verdict !== null && c.rationale && c.status !== 'suggested' && c.status !== 'dismissed')
    if (!rated) throw new Error('the sample needs a rated claim with a rationale')
    const label = project.ratingScale.labels.find((l) => l.id === rated.verdict)?.label
    const annotation = annotationsOf(project).find((a) => a.id.endsWith(`:claim:${rated.id}`))
    expect(annotation?.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'assessing', value: label }),
        expect.objectContaining({ purpose: 'describing', value: rated.rationale }),
      ]),
    )
  })

  it('targets the project by URN and says so when the article has no URL', () => {
    const project = sampleProject()
    project.article.url = ''
    const rendered = renderReport(project, 'annotations', SAMPLE_OPTIONS)
    const [first] = JSON.parse(rendered.content) as WebAnnotation[]
    expect(first?.target.source).toBe(`urn:factdesk:project:${project.id}`)
    expect(rendered.warnings.join(' ')).toMatch(/no URL/)
  })
})

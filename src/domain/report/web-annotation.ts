import { positionSelector, quoteSelector, type TextPositionSelector, type TextQuoteSelector } from '../anchoring/selectors'
import { claimantLine, statusLabel, type ReportModel } from './model'

/**
 * The claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), one per claim: the
 * article (its URL) as the target, found by the claim's quote with its context and by its
 * position, and the verdict and rationale as the body, so that annotation tools (Hypothesis,
 * Recogito, any W3C-model client) can load the check onto the article.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

interface TextualBody {
  type: 'TextualBody'
  purpose: 'assessing' | 'describing' | 'tagging'
  value: string
  format: 'text/plain'
  language?: string
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'Annotation'
  motivation: 'assessing'
  created: string
  modified: string
  creator?: { type: 'Person'; name: string }
  generator: { type: 'Software'; name: 'Factdesk' }
  body: TextualBody[]
  target: {
    source: string
    selector: [TextQuoteSelector, TextPositionSelector]
  }
}

/** The article's address, or a URN naming the project when the article has none (a pasted text). */
function articleSource(model: ReportModel): string {
  return model.project.article.url.trim() || `urn:factdesk:project:${model.project.id}`
}

export function webAnnotations(model: ReportModel): { annotations: WebAnnotation[]; warnings: string[] } {
  const { project } = model
  const source = articleSource(model)
  const text = project.article.text
  const language = project.article.language === 'und' ? undefined : project.article.language
  const annotations = model.claims.map(({ claim, verdict }): WebAnnotation => {
    const body: TextualBody[] = [
      { type: 'TextualBody', purpose: 'assessing', value: verdict?.label ?? 'No verdict yet', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: statusLabel(claim.status, model.options.translator.t), format: 'text/plain' },
    ]
    if (claim.rationale.trim())
      body.push({
        type: 'TextualBody',
        purpose: 'describing',
        value: claim.rationale,
        format: 'text/plain',
        ...(language ? { language } : {}),
      })
    if (claim.claimant)
      body.push({ type: 'TextualBody', purpose: 'describing', value: `Claimant: ${claimantLine(claim.claimant)}`, format: 'text/plain' })
    return {
      '@context': ANNOTATION_CONTEXT,
      id: `urn:factdesk:project:${project.id}:claim:${claim.id}`,
      type: 'Annotation',
      motivation: 'assessing',
      created: claim.createdAt,
      modified: claim.updatedAt,
      ...(claim.checker ? { creator: { type: 'Person' as const, name: claim.checker } } : {}),
      generator: { type: 'Software', name: 'Factdesk' },
      body,
      target: {
        source,
        selector: [quoteSelector(text, claim.start, claim.end), positionSelector(text, claim.start, claim.end)],
      },
    }
  })
  const warnings = project.article.url.trim()
    ? []
    : [
        'The article has no URL, so the annotations target the project (urn:factdesk:…); give the URL in the article details to anchor them on the web page.',
      ]
  return { annotations, warnings }
}

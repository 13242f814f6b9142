import { newId } from '../ids'
import { normalizeArticleText } from '../text/normalize'
import { defaultRatingScale } from './rating-scales'
import { SCHEMA_VERSION, type ArticleInput, type Claim, type Project, type RatingScale } from './schema'

export interface NewProjectOptions {
  now: Date
  author: string
  scale?: RatingScale
  /** Proposes claims for the normalised text; the claim engine plugs in here. */
  proposeClaims?: (text: string, language: string, now: string) => Claim[]
  /** Language to use when the input does not name one. */
  detectLanguage?: (text: string) => string
}

/** A new, valid project from an article: normalised text, metadata, proposed claims. */
export function newProject(input: ArticleInput, options: NewProjectOptions): Project {
  const now = options.now.toISOString()
  const text = normalizeArticleText(input.text)
  const language = input.language ?? options.detectLanguage?.(text) ?? 'und'
  const title = (input.title ?? '').trim() || firstLine(text)
  const claims = options.proposeClaims?.(text, language, now) ?? []
  return {
    schemaVersion: SCHEMA_VERSION,
    id: newId('p'),
    createdAt: now,
    updatedAt: now,
    article: {
      title,
      outlet: input.outlet ?? '',
      author: input.author ?? '',
      url: input.url ?? '',
      publishedAt: input.publishedAt ?? '',
      language,
      text,
    },
    ratingScale: options.scale ?? defaultRatingScale(),
    claims,
    sources: [],
    publication: { reviewUrl: '', publishedAt: '' },
    history: [
      {
        at: now,
        author: options.author,
        action: 'project.create',
        claimId: null,
        summary: `Created from ${text.length.toLocaleString('en')} characters of text with ${claims.length} proposed claims.`,
      },
    ],
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? ''
  return Array.from(line).length > 120 ? `${Array.from(line).slice(0, 117).join('')}…` : line || 'Untitled article'
}

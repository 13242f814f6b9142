import { newId } from '../ids'
import { normalizeArticleText } from '../text/normalize'
import { defaultRatingScale } from './rating-scales'
import { historyEntry, noEvidence, SCHEMA_VERSION, type ArticleInput, type Claim, type Project, type RatingScale } from './schema'

export interface NewProjectOptions {
  now: Date
  author: string
  scale?: RatingScale
  /** Proposes claims for the normalised text; the claim engine plugs in here. */
  proposeClaims?: (text: string, language: string, now: string) => Claim[]
  /** Language to use when the input does not name one. */
  detectLanguage?: (text: string) => string
  /** Whether verdicts need a second checker's approval (on for a project made in a shared folder). */
  requireReview?: boolean
}

/** A new, valid project from an article: normalised text, metadata, proposed claims. */
export function newProject(input: ArticleInput, options: NewProjectOptions): Project {
  const now = options.now.toISOString()
  const given = (input.title ?? '').trim()
  const normalized = normalizeArticleText(input.text)
  const headline = given ? null : headlineOf(normalized)
  // A headline that becomes the title leaves the text, so it does not show twice; claims are proposed on what remains.
  const text = headline ? normalizeArticleText(normalized.slice(headline.length)) : normalized
  const language = input.language ?? options.detectLanguage?.(text) ?? 'und'
  const title = given || headline || titleFromFirstLine(text)
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
    publication: { reviewUrl: '', publishedAt: '' },
    team: { requireReview: options.requireReview ?? false },
    claims,
    sources: [],
    conflicts: [],
    // The engine fills in the origin: hashing needs Node's crypto, which the domain does without.
    evidence: noEvidence(),
    history: [
      historyEntry({
        at: now,
        author: options.author,
        action: 'project.create',
        claimId: null,
        summary: `Created from ${text.length.toLocaleString('en')} characters of text with ${claims.length} proposed claims.`,
      }),
    ],
  }
}

/** A title made from the first line is cut to this many characters: a headline's length, about a line in the library. */
export const FIRST_LINE_TITLE_MAX = 120
/** Longer than this, a first line is the article's opening paragraph rather than its headline. */
const HEADLINE_MAX = 200

/**
 * `text` cut to at most `max` characters at the end of a word, with "…" after it; never inside a
 * word (a Ukrainian or Russian headline cut mid-word reads as a different word). Only a first word
 * longer than `max` is cut inside, as there is no earlier place to cut.
 */
export function cutAtWord(text: string, max: number): string {
  const chars = Array.from(text.trim())
  if (chars.length <= max) return chars.join('')
  const room = chars.slice(0, max - 1).join('')
  // The room ends at a word's end when a space follows it; otherwise its last, unfinished word goes.
  const boundary = /\s/u.test(chars[max - 1] ?? '') ? null : /\s\S*$/u.exec(room)
  const words = boundary && boundary.index > 0 ? room.slice(0, boundary.index) : room
  return `${words.replace(/[\s,;:.\p{Pd}]+$/u, '') || words}…`
}

/**
 * The first line of normalised text when it reads as a headline: followed by more text, no longer
 * than a headline runs, not ending like a sentence or a lead-in (a period, colon, semicolon, comma
 * or ellipsis), and either a paragraph of its own or followed by a line starting with a capital or
 * a digit (a hard-wrapped first paragraph breaks mid-sentence, where the next word is usually in
 * small letters). Null otherwise, for instance when the text starts straight with its first paragraph.
 */
export function headlineOf(text: string): string | null {
  const newline = text.indexOf('\n')
  if (newline <= 0 || !/\S/.test(text.slice(newline))) return null
  const line = text.slice(0, newline)
  if (Array.from(line).length > HEADLINE_MAX || /[.:;,…]$/u.test(line)) return null
  return text[newline + 1] === '\n' || /^[\p{Lu}\p{N}]/u.test(text.slice(newline + 1, newline + 2)) ? line : null
}

/** The title a project gets when none was given and the text has no headline: its first line, cut at a word. */
export function titleFromFirstLine(text: string): string {
  return cutAtWord(text.split('\n', 1)[0] ?? '', FIRST_LINE_TITLE_MAX) || 'Untitled article'
}

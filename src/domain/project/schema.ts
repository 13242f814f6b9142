import { z } from 'zod'
import { LANGUAGE_CODE } from '../text/language-code'
import { CLAIM_STATUSES, type ClaimStatus } from './statuses'

/** The schema version this build writes. Files with a higher number are refused, never rewritten. */
export const SCHEMA_VERSION = 4

/** Ids are short and URL-safe so they read well in git diffs and in exported reports. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"')
export const TimestampSchema = z.iso.datetime({ offset: true })
const Timestamp = TimestampSchema
/** A calendar date as checkers type it: empty, a year, a month or a full ISO date. */
export const LooseDateSchema = z.string().regex(/^$|^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be empty or a date like 2026-11-27')
const Offset = z.number().int().nonnegative()

export const ClaimStatusSchema = z.enum(CLAIM_STATUSES)
export { CLAIM_STATUSES, type ClaimStatus }

export const RatingLabelSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a7f37'),
  /** Optional number for ClaimReview's ratingValue; higher is more accurate. */
  value: z.number().int().min(1).max(100).nullable(),
  description: z.string().max(2000),
})
export type RatingLabel = z.infer<typeof RatingLabelSchema>

export const RatingScaleSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(120),
    labels: z.array(RatingLabelSchema).min(1).max(20),
  })
  .superRefine((scale, ctx) => {
    const seen = new Set<string>()
    scale.labels.forEach((label, i) => {
      if (seen.has(label.id)) ctx.addIssue({ code: 'custom', path: ['labels', i, 'id'], message: `duplicate label id "${label.id}"` })
      seen.add(label.id)
    })
  })
export type RatingScale = z.infer<typeof RatingScaleSchema>

/**
 * The limits of an article's fields, in characters; imports cut metadata to them so it always fits.
 * The text's limit follows from the project file's (MAX_PROJECT_BYTES, 50 MB): a project weighs
 * about 8 times its article's UTF-8 bytes (proposed claims and their reasons repeat its words;
 * measured on news in English), so 2 million characters, a 600-page book and far beyond any
 * article, still makes a project that can be read back with room to work. docs/reliability.md
 * has the measurements.
 */
export const ARTICLE_LIMITS = { title: 1000, name: 500, url: 4000, text: 2_000_000 } as const

/** The most claims a project holds: a 2-million-character article gives about 12,000 proposals. */
export const MAX_CLAIMS = 20_000

/** A BCP 47 primary language subtag ("en", "uk"), or "und" when unknown. */
export const LanguageCodeSchema = z.string().regex(LANGUAGE_CODE, 'must be a language code like "en", "uk" or "und"')

/** The article's fields, declared once: the project file, the API and the import all derive from it. */
export const ArticleSchema = z.strictObject({
  title: z.string().max(ARTICLE_LIMITS.title),
  outlet: z.string().max(ARTICLE_LIMITS.name),
  author: z.string().max(ARTICLE_LIMITS.name),
  url: z.string().max(ARTICLE_LIMITS.url),
  publishedAt: LooseDateSchema,
  language: LanguageCodeSchema,
  text: z.string(),
})
export type Article = z.infer<typeof ArticleSchema>

/** An article's details without its text: what an import finds and the details dialog edits. */
export const ArticleMetadataSchema = ArticleSchema.omit({ text: true })
export type ArticleMetadata = z.infer<typeof ArticleMetadataSchema>

/** An article as a checker or an import hands it in for a new project: only the text is required. */
export const ArticleInputSchema = ArticleMetadataSchema.partial().extend({
  title: ArticleSchema.shape.title.trim().optional(),
  text: ArticleSchema.shape.text
    .max(
      ARTICLE_LIMITS.text,
      `is longer than the ${ARTICLE_LIMITS.text.toLocaleString('en')} characters a project holds: split the article into several projects`,
    )
    .refine((t) => t.trim().length > 0, 'must not be empty: paste the article text'),
})
export type ArticleInput = z.input<typeof ArticleInputSchema>

/** Why a sentence was proposed: the kind of evidence and where it sits in the article. */
export const ReasonSchema = z.strictObject({
  kind: z.string().min(1).max(40),
  text: z.string().max(2000),
  start: Offset,
  end: Offset,
})
export type Reason = z.infer<typeof ReasonSchema>

/** Who made a claim: the person or body whose statement is checked, never the reporter who quoted it. */
export const ClaimantSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty: name the person or body who made the claim').max(300),
  kind: z.enum(['person', 'organization']),
  /** Their role or title when the claim was made ("Councillor", "Minister of Finance"). */
  role: z.string().max(300),
  /** A page that identifies them (an official profile, Wikidata), ClaimReview's `sameAs`. */
  url: z.string().max(4000),
})
export type Claimant = z.infer<typeof ClaimantSchema>

/** Another place the claim was made or published (a speech video, a post), beside the article itself. */
export const AppearanceSchema = z.strictObject({
  url: z.string().max(4000),
  title: z.string().max(1000),
  publisher: z.string().max(500),
  author: z.string().max(500),
  date: LooseDateSchema,
})
export type Appearance = z.infer<typeof AppearanceSchema>

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256: 64 hex digits')
const OptionalSha256 = z.string().regex(/^$|^[0-9a-f]{64}$/, 'must be empty or 64 hex digits')

/**
 * Where a claim stands after the article was replaced by a newer version (see domain/anchoring):
 * its quote still there unchanged, moved elsewhere, or changed (the old words kept here). A claim
 * that is gone leaves the claim list for the version it was last in (ArticleVersion.removedClaims).
 */
export const AnchorSchema = z.strictObject({
  state: z.enum(['unchanged', 'moved', 'changed']),
  /** The article version (ArticleVersion.number + 1, the one after it) the claim was re-anchored in. */
  version: z.number().int().min(2),
  /** The claim's text in the version before. */
  previousText: z.string(),
  /** How alike the old and the new quote are, 0–1 (1 unless changed). */
  similarity: z.number().min(0).max(1),
})
export type Anchor = z.infer<typeof AnchorSchema>
/** A checker as a team knows them: the name and e-mail from Settings (git's user.name and user.email by default). */
export const PersonSchema = z.strictObject({
  name: z.string().max(200),
  email: z.string().max(320),
})
export type Person = z.infer<typeof PersonSchema>

/** One remark on a claim. Comments are never edited: they are added, and withdrawn (the text stays, marked). */
export const CommentSchema = z.strictObject({
  id: IdSchema,
  author: PersonSchema,
  at: Timestamp,
  text: z.string().min(1).max(20_000),
  withdrawnAt: Timestamp.nullable(),
})
export type Comment = z.infer<typeof CommentSchema>

/**
 * A second checker's approval of a claim's verdict: who, when, and a digest of the verdict and
 * rationale they approved (see reviewDigest). Changing either afterwards withdraws the approval.
 */
export const ApprovalSchema = z.strictObject({
  by: PersonSchema,
  at: Timestamp,
  digest: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'),
})
export type Approval = z.infer<typeof ApprovalSchema>

export const ClaimSchema = z.strictObject({
  id: IdSchema,
  text: z.string().min(1),
  start: Offset,
  end: Offset,
  origin: z.enum(['suggested', 'manual']),
  status: ClaimStatusSchema,
  score: z.number().min(0).max(1).nullable(),
  reasons: z.array(ReasonSchema),
  verdict: IdSchema.nullable(),
  rationale: z.string(),
  sourceIds: z.array(IdSchema),
  notes: z.string(),
  checker: z.string().max(200),
  /** Who made the claim; null until the checker (or the claim engine's attribution) names them. */
  claimant: ClaimantSchema.nullable(),
  /** When the claim was made; empty means the article's date. */
  claimDate: LooseDateSchema,
  /** Where else the claim appeared; the article itself is always an appearance and is not listed. */
  appearances: z.array(AppearanceSchema).max(50),
  /** The claim in a short sentence for ClaimReview's `claimReviewed`; empty means the claim text. */
  claimReviewed: z.string().max(1000),
  /** The checker the claim is assigned to; null when nobody is. */
  assignee: PersonSchema.nullable(),
  /** Who is asked to review the verdict; null when nobody is yet. */
  reviewer: PersonSchema.nullable(),
  comments: z.array(CommentSchema).max(2000),
  /** The second checker's approval of the verdict and rationale as they are now; null when not approved. */
  approval: ApprovalSchema.nullable(),
  /** How the claim was found again when a newer version of the article came in; absent until one did. */
  anchor: AnchorSchema.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type Claim = z.infer<typeof ClaimSchema>

/** The fields schema 2 added to a claim (attribution) and schema 3 (team work). */
export type ClaimAttribution = Pick<Claim, 'claimant' | 'claimDate' | 'appearances' | 'claimReviewed'>
export type ClaimTeamwork = Pick<Claim, 'assignee' | 'reviewer' | 'comments' | 'approval'>
/** The fields a new claim starts empty: nobody named as claimant, assignee or reviewer, no comment, no approval. */
export function unattributed(): ClaimAttribution & ClaimTeamwork {
  return { claimant: null, claimDate: '', appearances: [], claimReviewed: '', assignee: null, reviewer: null, comments: [], approval: null }
}

/**
 * What an approval is bound to: the verdict and the rationale, as 16 hex digits (two 32-bit FNV-1a
 * hashes over different seeds; written here because it must run in the domain, without Node's
 * crypto, and only has to notice a change, not resist an attacker).
 */
export function reviewDigest(claim: Pick<Claim, 'verdict' | 'rationale'>): string {
  const text = `${claim.verdict ?? ''}\u0000${claim.rationale}`
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** Whether the claim's approval is for its verdict and rationale as they are now. */
export function approvalHolds(claim: Pick<Claim, 'verdict' | 'rationale' | 'approval'>): boolean {
  return claim.approval !== null && claim.approval.digest === reviewDigest(claim)
}

export const SourceSchema = z.strictObject({
  id: IdSchema,
  url: z.string().max(4000),
  title: z.string().max(1000),
  publisher: z.string().max(500),
  date: LooseDateSchema,
  excerpt: z.string().max(20000),
  archiveUrl: z.string().max(4000),
  /** Path of a copied attachment, relative to the project file's folder; empty when none. */
  attachment: z.string().max(1000),
  reliability: z.string().max(2000),
  /** When the checker read the source (a web page can change afterwards). */
  accessedAt: LooseDateSchema,
  /** SHA-256 of the attached file as it was copied in, hex; empty when there is no attachment. */
  attachmentSha256: OptionalSha256,
  /** The attached file's size in bytes as it was copied in; absent when there is none or it was attached before schema 3. */
  attachmentBytes: z.number().int().nonnegative().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type Source = z.infer<typeof SourceSchema>

export const HistoryEntrySchema = z.strictObject({
  /** Derived from the entry's content (historyId), so the same event has the same id on every checker's copy. */
  id: IdSchema,
  at: Timestamp,
  author: z.string().max(200),
  /** What happened, as `domain.verb` ("claim.verdict", "source.add"). */
  action: z.string().min(1).max(60),
  claimId: IdSchema.nullable(),
  summary: z.string().max(2000),
  /**
   * The tamper-evident chain (domain/evidence/chain.ts), on every entry from the first one Factdesk
   * sealed: the hashes of the entries before it (two after a merge of two copies; none for the
   * chain's first entry), the SHA-256 of the project state the entry produced, and the entry's own.
   */
  prev: z.array(Sha256).max(8).optional(),
  state: Sha256.optional(),
  hash: Sha256.optional(),
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

/**
 * Where an article version came from: the imported file's name, SHA-256 and size (empty for
 * pasted text), and the SHA-256 of the text as normalised into the project.
 */
export const ArticleOriginSchema = z.strictObject({
  fileName: z.string().max(500),
  fileSha256: OptionalSha256,
  fileBytes: z.number().int().nonnegative().nullable(),
  /** Empty for projects made before schema 3, whose text was not hashed at import. */
  textSha256: OptionalSha256,
  importedAt: Timestamp.nullable(),
})
export type ArticleOrigin = z.infer<typeof ArticleOriginSchema>

/** An earlier text of the article, kept when a newer version was imported. */
export const ArticleVersionSchema = z.strictObject({
  /** 1 for the text the project was made from. */
  number: z.number().int().min(1),
  text: z.string(),
  origin: ArticleOriginSchema,
  /** When the newer version replaced it. */
  replacedAt: Timestamp,
  /** The claims the newer version no longer has (re-anchoring found them gone), with their offsets into this text. */
  removedClaims: z.array(ClaimSchema).max(MAX_CLAIMS),
})
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>

/** The evidence kept beside the article: where the current text came from and the earlier versions. */
export const EvidenceSchema = z.strictObject({
  origin: ArticleOriginSchema,
  versions: z.array(ArticleVersionSchema).max(100),
})
export type Evidence = z.infer<typeof EvidenceSchema>

/** The evidence record of a project whose article origin is unknown (made before schema 3). */
export function noEvidence(): Evidence {
  return { origin: { fileName: '', fileSha256: '', fileBytes: null, textSha256: '', importedAt: null }, versions: [] }
}

/** A 16-hex-digit digest of any text (see reviewDigest for why it is written here). */
function digestText(text: string): string {
  return reviewDigest({ verdict: null, rationale: text })
}

/** The id of a history entry: `h-` and a digest of what it says, who said it and when. */
export function historyId(entry: Omit<HistoryEntry, 'id'>): string {
  return `h-${digestText(`${entry.at}\u0000${entry.author}\u0000${entry.action}\u0000${entry.claimId ?? ''}\u0000${entry.summary}`)}`
}

/** A history entry with its id. */
export function historyEntry(entry: Omit<HistoryEntry, 'id'>): HistoryEntry {
  return { id: historyId(entry), ...entry }
}

/** Team work settings kept with the project. */
export const TeamSettingsSchema = z.strictObject({
  /** A verdict is publishable only once someone other than its checker approved it (on by default in a shared folder). */
  requireReview: z.boolean(),
})
export type TeamSettings = z.infer<typeof TeamSettingsSchema>

/** One side's value in a recorded conflict: the value, and who set it when. */
export const ConflictValueSchema = z.strictObject({
  value: z.json(),
  by: z.string().max(200),
  at: Timestamp,
})
export type ConflictValue = z.infer<typeof ConflictValueSchema>

/**
 * Two checkers changed the same field differently, and a merge met both: the field keeps the
 * first value (the local checker's) until a checker picks one; both values stay here meanwhile.
 * `key` names the field as changes.ts does (`claim:<id>.verdict`, `source:<id>.title`,
 * `article.title`, `claim:<id>` for a claim one side removed and the other changed).
 */
export const RecordedConflictSchema = z.strictObject({
  key: z.string().min(1).max(200),
  what: z.string().max(400),
  values: z.array(ConflictValueSchema).length(2),
  at: Timestamp,
})
export type RecordedConflict = z.infer<typeof RecordedConflictSchema>

/** Where and when the fact check is published: ClaimReview's `url` and `datePublished`, kept per project. */
export const PublicationSchema = z.strictObject({
  reviewUrl: z.string().max(4000),
  publishedAt: LooseDateSchema,
})
export type Publication = z.infer<typeof PublicationSchema>

/**
 * The project file, in the order it is written (docs/project-format.md): what rarely changes first,
 * then the claims in article order and the sources, and last what every save touches (`updatedAt`
 * and the appended history), so that two checkers' independent edits land on different lines.
 */
const ProjectShape = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: IdSchema,
  createdAt: Timestamp,
  article: ArticleSchema,
  ratingScale: RatingScaleSchema,
  publication: PublicationSchema,
  team: TeamSettingsSchema,
  claims: z
    .array(ClaimSchema)
    .max(MAX_CLAIMS, `holds more than the ${MAX_CLAIMS.toLocaleString('en')} claims a project may have; split the article`),
  sources: z.array(SourceSchema),
  evidence: EvidenceSchema,
  conflicts: z.array(RecordedConflictSchema).max(MAX_CLAIMS),
  updatedAt: Timestamp,
  history: z.array(HistoryEntrySchema),
})

/**
 * The whole project file. Beyond field types it checks the cross-references a checker relies on:
 * every claim's text is exactly the article slice at its offsets, ids are unique, verdicts exist in
 * the scale and source ids exist in the project.
 */
export const ProjectSchema = ProjectShape.superRefine((project, ctx) => {
  project.evidence.versions.forEach((version, v) => {
    if (version.number !== v + 1)
      ctx.addIssue({
        code: 'custom',
        path: ['evidence', 'versions', v, 'number'],
        message: `must be ${v + 1}: versions are numbered in order`,
      })
    version.removedClaims.forEach((claim, i) => {
      if (version.text.slice(claim.start, claim.end) !== claim.text)
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', 'versions', v, 'removedClaims', i, 'text'],
          message: `does not match version ${version.number}'s text at offsets ${claim.start}–${claim.end}`,
        })
    })
  })
  const textLength = project.article.text.length
  const labelIds = new Set(project.ratingScale.labels.map((l) => l.id))
  const sourceIds = new Set<string>()
  project.sources.forEach((source, i) => {
    if (sourceIds.has(source.id))
      ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${source.id}"` })
    sourceIds.add(source.id)
  })
  const claimIds = new Set<string>()
  project.claims.forEach((claim, i) => {
    const at = (field: string): (string | number)[] => ['claims', i, field]
    if (claimIds.has(claim.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate claim id "${claim.id}"` })
    claimIds.add(claim.id)
    if (claim.end <= claim.start || claim.end > textLength) {
      ctx.addIssue({
        code: 'custom',
        path: at('end'),
        message: `offsets ${claim.start}–${claim.end} are outside the article (length ${textLength})`,
      })
    } else if (project.article.text.slice(claim.start, claim.end) !== claim.text) {
      ctx.addIssue({ code: 'custom', path: at('text'), message: `does not match the article text at offsets ${claim.start}–${claim.end}` })
    }
    if (claim.verdict !== null && !labelIds.has(claim.verdict)) {
      ctx.addIssue({
        code: 'custom',
        path: at('verdict'),
        message: `"${claim.verdict}" is not a label of the rating scale "${project.ratingScale.name}"`,
      })
    }
    if (claim.anchor && claim.anchor.version !== project.evidence.versions.length + 1) {
      ctx.addIssue({
        code: 'custom',
        path: at('anchor'),
        message: `names article version ${claim.anchor.version}, but the article is at version ${project.evidence.versions.length + 1}`,
      })
    }
    claim.sourceIds.forEach((id, j) => {
      if (!sourceIds.has(id))
        ctx.addIssue({ code: 'custom', path: ['claims', i, 'sourceIds', j], message: `source "${id}" does not exist in this project` })
    })
    if (claim.approval && !approvalHolds(claim)) {
      ctx.addIssue({ code: 'custom', path: at('approval'), message: 'is for another verdict or rationale than the claim has now' })
    }
  })
  const conflictKeys = new Set<string>()
  project.conflicts.forEach((conflict, i) => {
    if (conflictKeys.has(conflict.key))
      ctx.addIssue({ code: 'custom', path: ['conflicts', i, 'key'], message: `duplicate conflict "${conflict.key}"` })
    conflictKeys.add(conflict.key)
  })
})
export type Project = z.infer<typeof ProjectShape>

import { z } from 'zod'
import { findReasons, isPositive, lengthFeature, tokenize, type SentenceReason, type Token } from './features'

const LinearSchema = z.strictObject({
  bias: z.number(),
  /** Score at or above which a sentence is proposed as a claim. */
  threshold: z.number().min(0).max(1),
  /** Weight of each rule feature: a reason kind, or a sentence-length bucket. */
  rules: z.record(z.string(), z.number()),
})

/**
 * The check-worthiness model as shipped in resources/models: logistic regression over the rule
 * features and, for English, hashed word n-grams. Trained by scripts/train-checkworthiness.ts.
 */
export const CheckworthinessModelSchema = z.strictObject({
  format: z.literal('factdesk-checkworthiness'),
  version: z.literal(1),
  /** The data the weights were learned from, for the notices. */
  trainedOn: z.string(),
  /** Hand-set weights for evidence that debate transcripts hardly contain (contact details, ticket prices); never learned. */
  priors: z.record(z.string(), z.number()),
  /** English: rule features plus word 1–2-grams hashed into 2^hashBits weights. */
  full: LinearSchema.extend({
    hashBits: z.number().int().min(8).max(22),
    ngrams: z.array(z.number()),
  }).refine((full) => full.ngrams.length === 2 ** full.hashBits, { error: 'ngrams must hold 2^hashBits weights' }),
  /** Every other language: the rule features alone, which do not depend on English words. */
  rulesOnly: LinearSchema,
  /** What the training script measured, for the docs. */
  metrics: z.record(z.string(), z.number()),
})

export type CheckworthinessModel = z.infer<typeof CheckworthinessModelSchema>
export type LinearModel = z.infer<typeof LinearSchema>

/** A scored sentence; reasons are relative to the sentence. */
export interface SentenceScore {
  score: number
  checkworthy: boolean
  reasons: SentenceReason[]
}

/** What the model reads from a sentence: shared by scoring and training so both see the same features. */
export interface SentenceFeatures {
  reasons: SentenceReason[]
  tokens: Token[]
  /** Rule feature names present: reason kinds and the length bucket. */
  rules: string[]
}

export function sentenceFeatures(sentence: string, language: string): SentenceFeatures {
  const reasons = findReasons(sentence, language)
  const tokens = tokenize(sentence)
  const rules = [...new Set(reasons.map((r) => r.kind as string)), lengthFeature(tokens)]
  return { reasons, tokens, rules }
}

/** A hashed n-gram and the text it spans in the sentence. */
export interface Ngram {
  index: number
  start: number
  end: number
}

/** 32-bit FNV-1a: a stable hash, so the weights trained here mean the same in every runtime. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function ngrams(tokens: readonly Token[], hashBits: number): Ngram[] {
  const mask = 2 ** hashBits - 1
  const out: Ngram[] = []
  let previous: Token | undefined
  for (const token of tokens) {
    out.push({ index: hash(`1 ${token.text}`) & mask, start: token.start, end: token.end })
    out.push({ index: hash(`2 ${previous?.text ?? '<s>'} ${token.text}`) & mask, start: (previous ?? token).start, end: token.end })
    previous = token
  }
  return out
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/** English sentences get the n-gram model; its words mean nothing in other languages. */
export const usesNgrams = (language: string): boolean => language === 'en'

export function linearScore(model: CheckworthinessModel, features: SentenceFeatures, language: string): { logit: number; grams: Ngram[] } {
  const linear = usesNgrams(language) ? model.full : model.rulesOnly
  let logit = linear.bias
  for (const rule of features.rules) logit += (linear.rules[rule] ?? 0) + (model.priors[rule] ?? 0)
  const grams = usesNgrams(language) ? ngrams(features.tokens, model.full.hashBits) : []
  for (const gram of grams) logit += model.full.ngrams[gram.index] ?? 0
  return { logit, grams }
}

/**
 * Scores one sentence. A sentence is check-worthy at or above the model's threshold and only with
 * a reason to show: when no rule explains it, the words that weighed most become a "wording" reason.
 */
export function scoreSentence(sentence: string, language: string, model: CheckworthinessModel): SentenceScore {
  const features = sentenceFeatures(sentence, language)
  const { logit, grams } = linearScore(model, features, language)
  const score = sigmoid(logit)
  const threshold = usesNgrams(language) ? model.full.threshold : model.rulesOnly.threshold
  const reasons = features.reasons
  let checkworthy = score >= threshold
  if (checkworthy && !reasons.some((r) => isPositive(r.kind))) {
    const wording = strongestWording(grams, model)
    if (wording) reasons.push(wording)
    else checkworthy = false
  }
  return { score, checkworthy, reasons }
}

function strongestWording(grams: readonly Ngram[], model: CheckworthinessModel): SentenceReason | undefined {
  let best: Ngram | undefined
  let bestWeight = 0
  for (const gram of grams) {
    const weight = model.full.ngrams[gram.index] ?? 0
    if (weight > bestWeight) {
      best = gram
      bestWeight = weight
    }
  }
  if (!best) return undefined
  return { kind: 'wording', start: best.start, end: best.end }
}

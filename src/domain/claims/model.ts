import { z } from 'zod'
import { findReasons, isPositive, lengthFeature, tokenize, type SentenceReason, type Token } from './features'

const LinearSchema = z.strictObject({
  bias: z.number(),
  /** Calibrated score at or above which a sentence is proposed as a claim. */
  threshold: z.number().min(0).max(1),
  /** Weight of each rule feature: a reason kind, or a sentence-length bucket. */
  rules: z.record(z.string(), z.number()),
  /** Hand-set weights for this model alone, added to the shared `priors`. */
  priors: z.record(z.string(), z.number()),
  /** Weight of each numeric feature (see `NUMERIC_FEATURES`). */
  numeric: z.record(z.string(), z.number()),
  /**
   * Platt scaling fitted on out-of-fold logits: the score is sigmoid(a · logit + b), a probability
   * that is right on average rather than the over-confident raw output of a model fitted on its own data.
   */
  calibration: z.strictObject({ a: z.number().positive(), b: z.number() }),
})

/** Characters of base64 that hold `bytes` bytes. */
const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4

/**
 * The check-worthiness model as shipped in resources/models: logistic regression over the rule
 * features and, for English, hashed word and character n-grams. Trained by scripts/train-checkworthiness.ts.
 */
export const CheckworthinessModelSchema = z.strictObject({
  format: z.literal('factdesk-checkworthiness'),
  version: z.literal(3),
  /** The data the weights were learned from, for the notices. */
  trainedOn: z.string(),
  /** Hand-set weights for evidence that debate transcripts hardly contain (contact details, ticket prices); never learned. */
  priors: z.record(z.string(), z.number()),
  /** English: rule features plus word 1–2-grams and character 2–5-grams hashed into 2^hashBits weights. */
  full: LinearSchema.extend({
    hashBits: z.number().int().min(8).max(22),
    /** The 2^hashBits n-gram weights as little-endian 16-bit integers in base64 (a JSON array of floats would be 4× larger). */
    weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    /** What one step of those integers is worth. */
    scale: z.number().positive(),
  }).refine((full) => full.weights.length === base64Length(2 ** full.hashBits * 2), {
    error: 'weights must hold 2^hashBits 16-bit integers',
  }),
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
  /** Numeric features by name, in the order of `NUMERIC_FEATURES`. */
  numeric: Record<NumericFeature, number>
}

/**
 * Graded evidence besides the yes/no rules: how many pieces of positive evidence a sentence holds and
 * how long it is. With rules alone every sentence with the same kinds of evidence scored the same,
 * and an article's best proposals tied at the top.
 */
export const NUMERIC_FEATURES = ['evidence', 'log-words'] as const
export type NumericFeature = (typeof NUMERIC_FEATURES)[number]

export function sentenceFeatures(sentence: string, language: string): SentenceFeatures {
  const reasons = findReasons(sentence, language)
  const tokens = tokenize(sentence)
  const rules = [...new Set(reasons.flatMap((r): string[] => [r.kind, ...(r.joined ?? [])])), lengthFeature(tokens)]
  const positive = reasons.filter((r) => isPositive(r.kind)).length
  return { reasons, tokens, rules, numeric: { evidence: Math.log1p(positive), 'log-words': Math.log1p(tokens.length) } }
}

/** A hashed word n-gram and the text it spans in the sentence (for the "wording" reason). */
export interface Ngram {
  index: number
  start: number
  end: number
}

/** The n-grams of a sentence as a sparse vector over the hashed table. */
export interface HashedVector {
  indices: number[]
  values: number[]
  /** The word n-grams among them, with their spans. */
  grams: Ngram[]
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a's low bits depend only on the low bits of its input, so a final mix spreads n-grams over all buckets. */
function mix(h: number): number {
  let x = h ^ (h >>> 16)
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

/** 32-bit FNV-1a: a stable hash, so the weights trained here mean the same in every runtime. */
function fnv(text: string, seed = FNV_OFFSET): number {
  let h = seed
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h
}

/** Character n-grams hash from their own starting state, so "ab" the word and "ab" the characters differ. */
const CHAR_SEED = fnv('c ')
const CHAR_MIN = 2
const CHAR_MAX = 5

function isWhiteSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

const scratches = new Map<number, Uint32Array>()

/** A zeroed count per bucket, reused from sentence to sentence (each use leaves it zeroed again). */
function scratch(hashBits: number): Uint32Array {
  let table = scratches.get(hashBits)
  if (!table) {
    table = new Uint32Array(2 ** hashBits)
    scratches.set(hashBits, table)
  }
  return table
}

/**
 * Word 1–2-grams (present or not) and character 2–5-grams inside space-padded words (counted, as
 * 1 + ln count), each block scaled to unit length so that long sentences do not weigh more. The
 * character n-grams carry case, word shape and inflection ("Medicare", "-ed", "1,2"), which word
 * n-grams lose; together they cross-validate about 1.5 points of F1 better than words alone.
 */
export function hashedFeatures(sentence: string, tokens: readonly Token[], hashBits: number): HashedVector {
  const mask = 2 ** hashBits - 1
  const grams: Ngram[] = []
  const words = new Set<number>()
  let previous: Token | undefined
  for (const token of tokens) {
    const unigram = mix(fnv(`1 ${token.text}`)) & mask
    const bigram = mix(fnv(`2 ${previous?.text ?? '<s>'} ${token.text}`)) & mask
    grams.push({ index: unigram, start: token.start, end: token.end }, { index: bigram, start: (previous ?? token).start, end: token.end })
    words.add(unigram).add(bigram)
    previous = token
  }

  // counted in a scratch table rather than a Map: a Map per sentence was a tenth of the time of scoring an article
  const counts = scratch(hashBits)
  const touched: number[] = []
  const n = sentence.length
  let i = 0
  while (i < n) {
    while (i < n && isWhiteSpace(sentence.charCodeAt(i))) i++
    if (i >= n) break
    let end = i
    while (end < n && !isWhiteSpace(sentence.charCodeAt(end))) end++
    // the word padded with a space on each side: positions i - 1 and end read as spaces
    for (let from = i - 1; from < end; from++) {
      let h = CHAR_SEED
      for (let length = 1; length <= CHAR_MAX && from + length - 1 <= end; length++) {
        const at = from + length - 1
        h = Math.imul(h ^ (at < i || at >= end ? 32 : sentence.charCodeAt(at)), FNV_PRIME)
        if (length >= CHAR_MIN) {
          const index = mix(h) & mask
          if (counts[index] === 0) touched.push(index)
          counts[index] = (counts[index] ?? 0) + 1
        }
      }
    }
    i = end
  }

  const indices: number[] = []
  const values: number[] = []
  const wordValue = 1 / Math.sqrt(words.size || 1)
  for (const index of words) {
    indices.push(index)
    values.push(wordValue)
  }
  let norm = 0
  for (const index of touched) norm += (1 + Math.log(counts[index] ?? 1)) ** 2
  norm = Math.sqrt(norm) || 1
  for (const index of touched) {
    indices.push(index)
    values.push((1 + Math.log(counts[index] ?? 1)) / norm)
    counts[index] = 0
  }
  return { indices, values, grams }
}

/** The shipped n-gram weights, decoded once per model. */
const decoded = new WeakMap<object, Float32Array>()

export function ngramWeights(model: CheckworthinessModel): Float32Array {
  let weights = decoded.get(model.full)
  if (!weights) {
    const binary = atob(model.full.weights)
    weights = new Float32Array(2 ** model.full.hashBits)
    for (let k = 0; k < weights.length; k++) {
      const low = binary.charCodeAt(2 * k)
      const high = binary.charCodeAt(2 * k + 1)
      weights[k] = (((high << 24) >> 16) | low) * model.full.scale
    }
    decoded.set(model.full, weights)
  }
  return weights
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/** The calibrated probability for a raw logit of the given linear model. */
export const calibrated = (linear: LinearModel, logit: number): number => sigmoid(linear.calibration.a * logit + linear.calibration.b)

/** English sentences get the n-gram model; its words mean nothing in other languages. */
export const usesNgrams = (language: string): boolean => language === 'en'

export function linearScore(
  model: CheckworthinessModel,
  sentence: string,
  features: SentenceFeatures,
  language: string,
): { logit: number; grams: Ngram[] } {
  const linear = usesNgrams(language) ? model.full : model.rulesOnly
  let logit = linear.bias
  for (const rule of features.rules) logit += (linear.rules[rule] ?? 0) + (model.priors[rule] ?? 0) + (linear.priors[rule] ?? 0)
  for (const name of NUMERIC_FEATURES) logit += (linear.numeric[name] ?? 0) * features.numeric[name]
  if (!usesNgrams(language)) return { logit, grams: [] }
  const weights = ngramWeights(model)
  const vector = hashedFeatures(sentence, features.tokens, model.full.hashBits)
  for (let k = 0; k < vector.indices.length; k++) logit += (weights[vector.indices[k] ?? 0] ?? 0) * (vector.values[k] ?? 0)
  return { logit, grams: vector.grams }
}

/**
 * Scores one sentence. A sentence is check-worthy at or above the model's threshold and only with
 * a reason to show: when no rule explains it, the words that weighed most become a "wording" reason.
 */
export function scoreSentence(sentence: string, language: string, model: CheckworthinessModel): SentenceScore {
  const features = sentenceFeatures(sentence, language)
  const { logit, grams } = linearScore(model, sentence, features, language)
  const linear = usesNgrams(language) ? model.full : model.rulesOnly
  const score = calibrated(linear, logit)
  const threshold = linear.threshold
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
  const weights = ngramWeights(model)
  let best: Ngram | undefined
  let bestWeight = 0
  for (const gram of grams) {
    const weight = weights[gram.index] ?? 0
    if (weight > bestWeight) {
      best = gram
      bestWeight = weight
    }
  }
  if (!best) return undefined
  return { kind: 'wording', start: best.start, end: best.end }
}

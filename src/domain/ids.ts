const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A short random id with a readable prefix ("c-…" for claims, "s-…" for sources). */
export function newId(prefix: string, length = 10): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let id = `${prefix}-`
  for (const byte of bytes) id += ALPHABET.charAt(byte % ALPHABET.length)
  return id
}

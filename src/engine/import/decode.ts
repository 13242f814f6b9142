/**
 * Windows-1252's characters for bytes 0x80–0x9F (curly quotes, dashes, €, …). Node 20 decodes
 * "windows-1252" (and its aliases "iso-8859-1", "latin1", "ascii") as ISO-8859-1, which turns
 * those bytes into invisible C1 control characters; they are mapped back here. The five bytes
 * Windows-1252 leaves undefined stay as they are, as the WHATWG decoder has them.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/** TextDecoder, with Node 20's Windows-1252 mistake corrected. */
export function decodeBytes(bytes: Uint8Array, label: string, options?: { stream?: boolean }): { text: string; encoding: string } {
  const decoder = new TextDecoder(label)
  const text = decoder.decode(bytes, options)
  if (decoder.encoding !== 'windows-1252') return { text, encoding: decoder.encoding }
  return { text: text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80)), encoding: decoder.encoding }
}

/** Whether TextDecoder knows the label (a page may declare one it does not, such as "x-user-defined"). */
export function canDecode(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}

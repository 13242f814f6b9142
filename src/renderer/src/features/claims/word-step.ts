/**
 * The offset one word before or after `from`, for moving a claim's edge: backwards it lands on
 * the start of the previous word, forwards on the end of the next one.
 */
export function wordStep(text: string, from: number, direction: -1 | 1): number {
  const isSpace = (i: number): boolean => /\s/.test(text.charAt(i))
  let i = from
  if (direction < 0) {
    while (i > 0 && isSpace(i - 1)) i--
    while (i > 0 && !isSpace(i - 1)) i--
    return i
  }
  while (i < text.length && isSpace(i)) i++
  while (i < text.length && !isSpace(i)) i++
  return i
}

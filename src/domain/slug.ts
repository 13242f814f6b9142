/**
 * A file-name-safe slug that keeps letters of every script (a Ukrainian title stays readable on
 * disk) and drops what file systems or shells mishandle.
 */
export function slugify(title: string, maxLength = 60): string {
  const slug = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return Array.from(slug).slice(0, maxLength).join('').replace(/-+$/, '') || 'article'
}

/**
 * The ClaimReview JSON-LD as the element a CMS takes: `<script type="application/ld+json">`. The
 * JSON already writes "<", ">" and "&" as \u escapes (renderClaimReview), so no text inside it can
 * close the element; this is checked again here because a snippet is pasted into live pages.
 */
export function claimReviewSnippet(json: string): string {
  const safe = json.trim().replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `<script type="application/ld+json">\n${safe}\n</script>\n`
}

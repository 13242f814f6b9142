/**
 * A BCP 47 primary language subtag ("en", "uk"), or "und" when unknown: what a project, the API and
 * the CLI's --lang accept. Kept apart from the zod schema so the CLI checks it without loading zod.
 */
export const LANGUAGE_CODE = /^(und|[a-z]{2,3})$/

export function isLanguageCode(value: string): boolean {
  return LANGUAGE_CODE.test(value)
}

/** The life of a claim, kept apart from the zod schemas so the renderer can list them without zod. */
export const CLAIM_STATUSES = ['suggested', 'dismissed', 'to-check', 'in-progress', 'needs-review', 'done'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

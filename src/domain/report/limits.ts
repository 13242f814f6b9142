/** Google shows `claimReviewed` in search results and advises keeping it under this many characters. */
export const CLAIM_REVIEWED_ADVISED_LENGTH = 75

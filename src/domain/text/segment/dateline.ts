/**
 * A dateline: "KYIV, Ukraine (AP) —", "WASHINGTON (Reuters) -", "MADRID, 12 mar (EFE).-": a
 * capitalised place, an optional date or region and agency, and a dash. The splitter keeps it apart
 * at the top of a paragraph; the claim engine tells such a segment from a claim. A module of its own
 * so that the claim engine's reasons (also used by the renderer) need not load the splitter.
 */
export const DATELINE_PATTERN = String.raw`\p{Lu}[\p{Lu}\p{M}'’.]{2,}(?:[ -]\p{Lu}[\p{Lu}\p{M}'’.]+)*(?:,[^\n—–]{1,40}?)?(?: ?\([^()\n]{1,30}\)\.?)? ?(?:--|[—–-])`

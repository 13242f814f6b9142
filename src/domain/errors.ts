/**
 * Every failure that reaches a checker carries a stable code (for code paths and tests) and a
 * sentence the checker can act on (for people). Services throw AppError; the dispatcher turns it
 * into the `{ ok: false, error }` envelope so nothing ever throws across IPC or HTTP.
 */
export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'INVALID_PROJECT',
  'NEWER_SCHEMA',
  'TOO_LARGE',
  'NOT_OPEN',
  'CONFLICT',
  'EDIT_CONFLICT',
  'READ_ONLY',
  /** A report that would be published lacks what publishing needs (ClaimReview's required fields). */
  'INCOMPLETE',
  'UNSUPPORTED',
  'IO',
  'FORBIDDEN',
  'INTERNAL',
  /** The checker stopped the work (a long import) before it finished. */
  'CANCELLED',
  /** A file imported as a fact-check archive holds no fact-check Factdesk can read. */
  'NO_REVIEWS',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** One field two windows changed differently: what it is, and both values as a checker reads them. */
export interface FieldConflict {
  key: string
  what: string
  theirs: string
  yours: string
}

export interface ErrorInfo {
  code: ErrorCode
  message: string
  /** EDIT_CONFLICT: the fields this edit and another window's later edit both changed. */
  conflicts?: FieldConflict[]
}

export class AppError extends Error {
  readonly code: ErrorCode

  readonly conflicts: FieldConflict[] | undefined

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; conflicts?: FieldConflict[] }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
    this.conflicts = options?.conflicts
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

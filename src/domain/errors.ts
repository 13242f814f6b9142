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

/** Values a catalogue message about the failure fills in (a file name, a count). */
export type ErrorParams = Record<string, string | number>

export interface ErrorInfo {
  code: ErrorCode
  /** The English sentence, for logs and the CLI; the UI shows `errors.<key>` from its catalogue when it has one. */
  message: string
  /** Which catalogue message says this failure in the checker's language (`errors.<key>`); the code when absent. */
  key?: string
  params?: ErrorParams
  /** EDIT_CONFLICT: the fields this edit and another window's later edit both changed. */
  conflicts?: FieldConflict[]
}

export class AppError extends Error {
  readonly code: ErrorCode

  readonly conflicts: FieldConflict[] | undefined

  readonly key: string | undefined

  readonly params: ErrorParams | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; conflicts?: FieldConflict[]; key?: string; params?: ErrorParams },
  ) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
    this.conflicts = options?.conflicts
    this.key = options?.key
    this.params = options?.params
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** An AppError as it crosses a boundary (the API's envelope, a worker's message), key and values kept. */
export function errorInfoOf(error: AppError): ErrorInfo {
  return {
    code: error.code,
    message: error.message,
    ...(error.conflicts ? { conflicts: error.conflicts } : {}),
    ...(error.key ? { key: error.key } : {}),
    ...(error.params ? { params: error.params } : {}),
  }
}

/** The AppError an ErrorInfo from a worker stands for. */
export function appErrorOf(info: ErrorInfo): AppError {
  return new AppError(info.code, info.message, {
    ...(info.conflicts ? { conflicts: info.conflicts } : {}),
    ...(info.key ? { key: info.key } : {}),
    ...(info.params ? { params: info.params } : {}),
  })
}

/**
 * The largest file of each kind the API carries. Files travel as base64 so the same contract works
 * over IPC and HTTP; the renderer checks a chosen file's size against these before reading it, so a
 * video picked by mistake is refused by name at once instead of read whole into the window.
 */

/** The largest article file the import reads (see the import service for why 50 MB); a case file too. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

/** A key file is a few hundred bytes (see MAX_KEY_FILE_BYTES in the engine's case files). */
export const MAX_KEY_BYTES = 8 * 1024

/** A DataFeed of 200,000 ClaimReviews is about 150 MB. */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024

/** The base64 length of at most `bytes` bytes: how the contract bounds a file it carries. */
export function base64Limit(bytes: number): number {
  return Math.ceil((bytes * 4) / 3) + 4
}

/** A file over its kind's limit, said with its name and the limit (`errors.upload.tooLarge`), in the engine and the renderer alike. */
export function tooLargeUpload(
  file: string,
  limitBytes: number,
): { message: string; key: string; params: { file: string; limit: number; unit: 'kb' | 'mb' } } {
  const unit = limitBytes < 1024 * 1024 ? 'kb' : 'mb'
  const limit = Math.floor(limitBytes / (unit === 'kb' ? 1024 : 1024 * 1024))
  return {
    message: `"${file}" is over the ${limit} ${unit === 'kb' ? 'KB' : 'MB'} Factdesk accepts for this kind of file, so it was not read. Choose a smaller file.`,
    key: 'upload.tooLarge',
    params: { file, limit, unit },
  }
}

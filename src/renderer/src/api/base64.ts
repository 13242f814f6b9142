import { tooLargeUpload } from '@contract/uploads'
import { ApiError } from './client'

/**
 * A File's bytes as base64, for the API (the same over IPC and HTTP), or a refusal naming the file
 * when it is over `limit` bytes (one of `@contract/uploads`): checked before reading, so a file chosen by
 * mistake — a video as an attachment — is refused at once instead of read whole into the window.
 */
export async function fileToBase64(file: File, limit: number): Promise<string> {
  if (file.size > limit) {
    const refusal = tooLargeUpload(file.name, limit)
    throw new ApiError('TOO_LARGE', refusal.message, [], refusal.key, refusal.params)
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

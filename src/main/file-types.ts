import { extname } from 'node:path'
import type { FileFilter } from '@engine/ports'

/**
 * Attachment types the system may open directly: documents, images, audio and video. Anything
 * else (programs, scripts, shortcuts, macro-enabled documents, unknown types) is shown in its
 * folder instead, so a project received from someone else cannot run code with one click.
 */
const OPENABLE = new Set(
  [
    'pdf txt md csv tsv json xml rtf epub eml html htm mhtml mht',
    'odt ods odp doc docx xls xlsx ppt pptx',
    'png jpg jpeg gif webp bmp tif tiff heic avif svg',
    'mp3 m4a wav ogg oga opus flac aac mp4 m4v mov webm mkv avi',
  ].flatMap((group) => group.split(' ')),
)

export function opensDirectly(path: string): boolean {
  return OPENABLE.has(extname(path).slice(1).toLowerCase())
}

/**
 * Dialog filters for the platform. macOS matches a file by its last extension only, so
 * "factdesk.json" becomes "json" there (the project is validated when it is opened).
 */
export function dialogFilters(filters: readonly FileFilter[], platform: NodeJS.Platform): FileFilter[] {
  if (platform !== 'darwin') return filters.map((filter) => ({ ...filter }))
  return filters.map((filter) => ({
    ...filter,
    extensions: [...new Set(filter.extensions.map((extension) => extension.slice(extension.lastIndexOf('.') + 1)))],
  }))
}

import { AppError } from '@domain/errors'
import { inflatedSize } from './inflate-count'
import { megabytes, tooMuch, type ImportLimits } from './limits'

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_FILE_HEADER = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  localHeader: number
}

/** The same refusal as JSZip's failure to open the package gives (docx.ts). */
function damaged(name: string): AppError {
  return new AppError('INVALID_INPUT', `Cannot import "${name}": it is not a valid Word (.docx) file; it may be damaged.`, {
    key: 'import.docxDamaged',
    params: { file: name },
  })
}

/**
 * The package's table of contents (the ZIP central directory), read by hand: JSZip and mammoth
 * unpack an entry before anything can look at its size, so the sizes are read here first.
 */
function centralDirectory(bytes: Uint8Array, name: string, limits: ImportLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is 22 bytes plus a comment of up to 64 kB, at the very end.
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) throw damaged(name)
  const count = view.getUint16(end + 10, true)
  const offset = view.getUint32(end + 16, true)
  if (count > limits.zipEntries) {
    throw tooMuch(name, `it holds ${count.toLocaleString('en')} parts, where a Word document has a few dozen`, 'parts', { count })
  }
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw damaged(name)
    const nameLength = view.getUint16(at + 28, true)
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      // 0xFFFFFFFF means "see the ZIP64 record": over 4 GB, which is over any limit anyway.
      declaredSize: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/**
 * Refuses a Word package that would unpack to more than the limits allow, before JSZip or mammoth
 * unpack anything: first by the sizes its directory declares, then by unpacking each part into a
 * counter (a bomb can declare small sizes and hold huge ones; the count stops at the declared size).
 */
export async function checkZipSizes(bytes: Uint8Array, name: string, limits: ImportLimits): Promise<void> {
  const entries = centralDirectory(bytes, name, limits)
  const oversized = entries.find((entry) => entry.declaredSize > limits.zipEntryBytes)
  if (oversized) {
    throw tooMuch(
      name,
      `its part "${oversized.name}" unpacks to ${megabytes(oversized.declaredSize)}, far more than any article needs (an import unpacks at most ${megabytes(limits.zipEntryBytes)} of one part)`,
      'part',
      { part: oversized.name, size: megabytes(oversized.declaredSize), limit: megabytes(limits.zipEntryBytes) },
    )
  }
  const declaredTotal = entries.reduce((sum, entry) => sum + entry.declaredSize, 0)
  if (declaredTotal > limits.zipTotalBytes) {
    throw tooMuch(
      name,
      `its parts unpack to ${megabytes(declaredTotal)} together, far more than any article needs (the limit is ${megabytes(limits.zipTotalBytes)})`,
      'unpacked',
      { size: megabytes(declaredTotal), limit: megabytes(limits.zipTotalBytes) },
    )
  }
  // Each part is then held to its declared size, so together they stay under the limit too.

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const entry of entries) {
    if (entry.method !== DEFLATED && entry.method !== STORED) continue
    const local = entry.localHeader
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw damaged(name)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = bytes.subarray(start, start + entry.compressedSize)
    const size = entry.method === STORED ? data.length : ((await inflatedSize(data, entry.declaredSize, 'raw')) ?? 0)
    if (size > entry.declaredSize) {
      throw tooMuch(
        name,
        `its part "${entry.name}" unpacks to more than the ${megabytes(entry.declaredSize)} the file declares for it; the file is damaged or built to exhaust memory`,
        'partGrew',
        { part: entry.name, size: megabytes(entry.declaredSize) },
      )
    }
  }
}

import { inflatedSize } from './inflate-count'
import { megabytes, tooMuch, type ImportLimits } from './limits'

const STREAM = Buffer.from('stream')
const END_STREAM = Buffer.from('endstream')
/** A stream's dictionary sits just before its data; real ones are a few hundred bytes. */
const DICTIONARY_WINDOW = 8192

interface CompressedStream {
  data: Uint8Array
  /** How many FlateDecode filters the data goes through, outermost first. */
  layers: number
}

/** The stream's dictionary: the text between the object's "obj" keyword and its "stream" keyword. */
function dictionaryBefore(bytes: Buffer, keyword: number): string {
  const text = bytes.subarray(Math.max(0, keyword - DICTIONARY_WINDOW), keyword).toString('latin1')
  return text.slice(text.lastIndexOf('obj') + 1)
}

/** The FlateDecode filters at the head of a stream's filter list (`/Filter /FlateDecode` or `/Filter [/FlateDecode …]`). */
function flateLayers(dictionary: string): number {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary)?.[1]
  if (!filter) return 0
  let layers = 0
  for (const name of filter.match(/\/[A-Za-z0-9]+/g) ?? []) {
    if (name !== '/FlateDecode' && name !== '/Fl') break
    layers++
  }
  return layers
}

/**
 * Every Flate-compressed stream in the file that pdf.js would unpack to read text: content streams,
 * fonts, forms, object and cross-reference streams. Images are left out: pdf.js does not unpack
 * them for text (and a photo may rightly unpack to 100 MB). Found by the "stream" keyword after a
 * dictionary, as a PDF lays them out, the data running for the dictionary's /Length when it is
 * written there, else up to "endstream".
 */
function* flateStreams(bytes: Buffer): Generator<CompressedStream> {
  for (let at = bytes.indexOf(STREAM); at >= 0; at = bytes.indexOf(STREAM, at + STREAM.length)) {
    if (bytes.subarray(at - 3, at).toString('latin1') === 'end') continue
    const before = bytes.subarray(Math.max(0, at - 16), at).toString('latin1')
    if (!/>>\s*$/.test(before)) continue
    const dictionary = dictionaryBefore(bytes, at)
    const layers = flateLayers(dictionary)
    if (!layers || /\/Subtype\s*\/Image\b/.test(dictionary)) continue
    let start = at + STREAM.length
    if (bytes[start] === 0x0d) start++
    if (bytes[start] === 0x0a) start++
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1]
    const length = declared === undefined ? NaN : Number(declared)
    const end = Number.isFinite(length) && start + length <= bytes.length ? start + length : bytes.indexOf(END_STREAM, start)
    yield { data: bytes.subarray(start, end < 0 ? bytes.length : end), layers }
  }
}

/**
 * Refuses a PDF whose compressed streams unpack to more than the limits allow, by unpacking each
 * into a counter before pdf.js sees the file (pdf.js unpacks a stream whole into memory, and a
 * 1.5 GB one takes it 18 s and 3.4 GB). Streams in an encrypted PDF cannot be measured here; the
 * worker's time and memory limits still hold them.
 */
export async function checkPdfStreams(bytes: Uint8Array, name: string, limits: ImportLimits): Promise<void> {
  let total = 0
  for (const stream of flateStreams(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
    const size = (await inflatedSize(stream.data, limits.pdfStreamBytes, 'zlib', stream.layers)) ?? 0
    if (size > limits.pdfStreamBytes) {
      throw tooMuch(
        name,
        `one of its compressed streams unpacks to more than ${megabytes(limits.pdfStreamBytes)}, far more than any page of text needs; the PDF is damaged or built to exhaust memory`,
        'stream',
        { limit: megabytes(limits.pdfStreamBytes) },
      )
    }
    total += size
    if (total > limits.pdfTotalStreamBytes) {
      throw tooMuch(
        name,
        `its compressed streams unpack to more than ${megabytes(limits.pdfTotalStreamBytes)} of text and fonts together, far more than any article needs`,
        'streams',
        { limit: megabytes(limits.pdfTotalStreamBytes) },
      )
    }
  }
}

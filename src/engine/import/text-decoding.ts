import { AppError } from '@domain/errors'
import { decodeBytes } from './decode'

export interface DecodedText {
  text: string
  /** The WHATWG name of the encoding the bytes were read in, e.g. "utf-8", "windows-1251". */
  encoding: string
  warnings: string[]
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
]

/**
 * Share of characters that may be control characters or undecodable bytes before the file counts
 * as binary. Text exported by old tools carries the odd stray control byte; random or compressed
 * data has one in eight.
 */
const MAX_CONTROL_SHARE = 0.01
// Tab, line feed, vertical tab, form feed and carriage return are layout; everything else in C0/C1 is not text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD]/g
/** DOS editors ended files with Ctrl-Z. */
const DOS_END_OF_FILE = '\u001A'

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => bytes[i] === byte)) return { encoding: bom.encoding, length: bom.bytes.length }
  }
  return null
}

function notText(name: string, reason: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `Cannot import "${name}": it is not a text file (${reason}). Check that you chose the right file; a Word or PDF file needs its own extension (.docx, .pdf).`,
    { key: 'import.notText', params: { file: name } },
  )
}

/**
 * Reads text whose encoding is not declared: a byte-order mark decides first, then valid UTF-8 is
 * taken as UTF-8 (legacy text longer than a few words practically never passes UTF-8 validation by
 * accident), and only then is a legacy encoding detected. Binary data is refused rather than
 * imported as mojibake.
 */
export async function decodeText(bytes: Uint8Array, name: string): Promise<DecodedText> {
  const bom = bomOf(bytes)
  if (bom) return checked(decodeBytes(bytes.subarray(bom.length), bom.encoding).text, bom.encoding, [], name)
  if (bytes.includes(0)) {
    throw notText(name, 'it contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8')
  }
  let utf8: string | null = null
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: a legacy encoding is detected below.
  }
  if (utf8 !== null) return checked(utf8, 'utf-8', [], name)
  // The detector's model is large; it is loaded only for the rare file that is not UTF-8.
  const { detectLegacyEncoding } = await import('./legacy-encoding')
  const { encoding } = detectLegacyEncoding(bytes)
  const warning = `The file is not UTF-8; it was read as ${encoding}. If letters look wrong, save it as UTF-8 and import it again.`
  return checked(decodeBytes(bytes, encoding).text, encoding, [warning], name)
}

/** Decodes with a known encoding (an HTML page's declared charset), with the same binary check. */
export function decodeAs(bytes: Uint8Array, label: string, name: string): DecodedText {
  const bom = bomOf(bytes)
  const { text, encoding } = decodeBytes(bom ? bytes.subarray(bom.length) : bytes, bom?.encoding ?? label)
  return checked(text, encoding, [], name)
}

function checked(raw: string, encoding: string, warnings: string[], name: string): DecodedText {
  let text = raw
  while (text.endsWith(DOS_END_OF_FILE)) text = text.slice(0, -1)
  const controls = text.match(CONTROL)?.length ?? 0
  if (controls > MAX_CONTROL_SHARE * text.length) {
    throw notText(
      name,
      `${controls.toLocaleString('en')} of its ${text.length.toLocaleString('en')} characters are control codes or bytes that are not valid in ${encoding}`,
    )
  }
  return { text, encoding, warnings }
}

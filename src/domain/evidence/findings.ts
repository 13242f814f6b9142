/**
 * What the evidence checks find, as data: a code (the catalogue key `evidence.finding.<code>`) and
 * the values its message fills in, so the workbench says it in the checker's language. The English
 * sentence `factdesk verify` prints is made here from the same code and values, so the two cannot
 * say different things; `tests/unit/evidence-findings.test.ts` holds the English catalogue to these
 * sentences word for word.
 */

export type FindingValues = Record<string, string | number>

export interface Finding {
  code: FindingCode
  values: FindingValues
}

/** A history entry as a finding names it: its number, when, what and (when recorded) who. */
export interface EntryValues {
  entry: number
  at: string
  action: string
  author: string
  /** 'yes' when the entry names its author: a select, since an empty value cannot be one. */
  authored: 'yes' | 'no'
  [key: string]: string | number
}

const entry = (v: EntryValues): string => `entry ${v.entry} (${v.at}, ${v.action}${v.authored === 'yes' ? ` by ${v.author}` : ''})`

const coverage = (v: { from: number; uncovered: number }): string =>
  v.uncovered > 0
    ? ` from entry ${v.from} on; the ${v.uncovered} entries before it were written before Factdesk kept a chain and are not covered`
    : ''

const ENGLISH = {
  chainNotRecorded: (v: { schema: number }) =>
    `Not recorded: nothing vouches for this file yet (it is schema ${v.schema}, from before Factdesk kept a history chain); open and save it once in Factdesk to start its history chain.`,
  chainRemoved: (v: { schema: number }) =>
    `No history entry carries a hash, but Factdesk never writes a schema ${v.schema} file without its history chain: the chain was removed outside Factdesk.`,
  chainBroken: (v: { from: number; uncovered: number }) =>
    `The history was changed outside Factdesk${v.uncovered > 0 ? ` (chain kept${coverage(v)})` : ''}.`,
  chainIntact: (v: { count: number; from: number; uncovered: number }) =>
    `${v.count === 1 ? 'The 1 sealed entry is' : `All ${v.count} sealed entries are`} intact and in one chain${coverage(v)}.`,
  schemaLowered: (v: { schema: number; chainSchema: number; fields: string }) =>
    `The file says it is schema ${v.schema}, yet it carries fields only schema ${v.chainSchema} and later write (${v.fields}): its schema number was lowered outside Factdesk, which would pass it off as a file from before the history chain.`,
  entryUnsealed: (v: EntryValues) => `${entry(v)} carries no hash: it was added or rewritten outside Factdesk.`,
  entryChanged: (v: EntryValues) => `${entry(v)} was changed after it was written: its content no longer matches its hash.`,
  entryOrphaned: (v: EntryValues) => `${entry(v)} follows an entry that is no longer in the history: an entry was removed or rewritten.`,
  manyHeads: (v: { count: number }) =>
    `The history has ${v.count} last entries instead of one: entries were removed or copied in from elsewhere.`,
  reordered: () => 'The last entry is not the end of the chain: entries were reordered.',
  stateNotRecorded: () => 'Nothing to check it against yet.',
  stateRemoved: () => 'Nothing vouches for the claims, verdicts, sources or article any more: the history that recorded them was removed.',
  stateIntact: () => 'The claims, verdicts, sources and article are exactly as the last history entry left them.',
  stateChanged: () =>
    'The project was changed outside Factdesk after its last history entry (a verdict, a rationale, a claim, a source or the article).',
  stateMismatch: (v: EntryValues & { recorded: string; found: string }) =>
    `The last entry, ${entry(v)}, recorded state ${v.recorded}; the file's state is ${v.found}.`,
  attachmentsNone: () => 'No source has an attached file.',
  attachmentsBroken: (v: { bad: number; total: number }) => `${v.bad} of ${v.total} attached files changed or missing.`,
  attachmentsIntact: (v: { count: number; never: number }) =>
    `All ${v.count} attached files with a recorded hash are as they were attached${v.never > 0 ? `; ${v.never} never had one` : ''}.`,
  attachmentMissing: (v: { file: string; source: string; expected: string; recorded: 'yes' | 'no' }) =>
    `"${v.file}" (source ${v.source}) is missing; expected SHA-256 ${v.recorded === 'yes' ? v.expected : '(none recorded)'}.`,
  attachmentChanged: (v: {
    file: string
    source: string
    expected: string
    found: string
    sizes: 'yes' | 'no'
    expectedBytes: number
    foundBytes: number
  }) =>
    `"${v.file}" (source ${v.source}) was changed: expected SHA-256 ${v.expected}, found ${v.found}${v.sizes === 'yes' ? ` (${v.expectedBytes.toLocaleString('en')} bytes expected, ${v.foundBytes.toLocaleString('en')} found)` : ''}.`,
  attachmentUnrecorded: (v: { file: string; source: string; found: string }) =>
    `"${v.file}" (source ${v.source}) has no recorded hash (attached before Factdesk recorded one); found ${v.found}.`,
  caseFilesIntact: (v: { count: number }) => `All ${v.count} files match the manifest's SHA-256.`,
  caseFilesChanged: () => 'The case file was changed after it was written.',
  caseFileMissing: (v: { file: string }) => `"${v.file}" is listed in the manifest but missing from the case file.`,
  caseFileChanged: (v: { file: string; expected: string; found: string }) =>
    `"${v.file}" was changed: the manifest says SHA-256 ${v.expected}, the file's is ${v.found}.`,
  caseFileAdded: (v: { file: string }) => `"${v.file}" is in the case file but not in its manifest: it was added afterwards.`,
  signatureIntact: () => 'The manifest is signed by the key given.',
  signatureMissing: () => 'The case file is not signed.',
  signatureMismatch: () =>
    'The signature does not match the manifest and the key given: the manifest was changed, or another key signed it.',
  signatureUnchecked: () => 'The case file is signed; give the organisation’s public key (--public-key) to check it.',
  caseProjectMissing: (v: { file: string }) => `The project file "${v.file}" is missing.`,
  caseAttachmentsIntact: (v: { count: number }) => `All ${v.count} attached files are as they were attached.`,
  caseAttachmentsChanged: () => 'Attached files in the case changed or are missing.',
  caseAttachmentMissing: (v: { file: string }) => `"${v.file}" is missing.`,
  caseAttachmentChanged: (v: { file: string; expected: string; found: string }) =>
    `"${v.file}" was changed: expected SHA-256 ${v.expected}, found ${v.found}.`,
  headIntact: () => 'The project’s history ends where the manifest says.',
  headMoved: () => 'The project’s history does not end where the manifest says.',
  headMismatch: (v: { quoted: string; head: string }) => `The manifest quotes ${v.quoted}; the project's history ends at ${v.head}.`,
}

export type FindingCode = keyof typeof ENGLISH

type ValuesOf<C extends FindingCode> = Parameters<(typeof ENGLISH)[C]> extends [infer V] ? V : Record<string, never>

/** A finding said once: its English sentence (for `factdesk verify`) and its code and values (for the workbench). */
export interface Said {
  text: string
  finding: Finding
}

export function say<C extends FindingCode>(code: C, ...values: ValuesOf<C> extends Record<string, never> ? [] : [ValuesOf<C>]): Said {
  const given = (values[0] ?? {}) as FindingValues
  const english = ENGLISH[code] as (v: FindingValues) => string
  return { text: english(given), finding: { code, values: given } }
}

/** Every finding code, for the catalogue test. */
export const FINDING_CODES = Object.keys(ENGLISH) as FindingCode[]

/** The English sentence of a finding given as data (for the catalogue test). */
export function englishOf(finding: Finding): string {
  return (ENGLISH[finding.code] as (v: FindingValues) => string)(finding.values)
}

/** A history entry's values for a finding: 1-based number, time, action, author. */
export function entryValues(at: { at: string; action: string; author: string }, index: number): EntryValues {
  return { entry: index + 1, at: at.at, action: at.action, author: at.author, authored: at.author ? 'yes' : 'no' }
}

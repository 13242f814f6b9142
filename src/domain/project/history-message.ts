import type { ClaimStatus } from './schema'

/**
 * History entries keep the English summary the edit wrote: it is part of the tamper-evident chain,
 * so it is never rewritten. The UI says the same thing in the checker's language by reading the
 * entry back: its action says which of our own sentence formats the summary is in, and the values
 * (the quoted claim, the verdict's label, the fields named) are taken out of that sentence.
 * Only the formats Factdesk's edits write are read (ops.ts, team-ops.ts, evidence/versions.ts,
 * project-store.ts); an action this Factdesk does not know, or a summary not in its format, gives
 * null and the UI shows the stored English.
 */

/** A value a catalogue message fills in: text as it is, a count, a catalogue term (with values of its own), a list of terms, or whole sentences. */
export type MessageValue =
  string | number | { term: string; values?: Record<string, MessageValue> } | { terms: string[] } | { sentences: HistoryMessage[] }

/** One sentence of a history entry: `history.<key>` in the catalogue, with its values. */
export interface HistoryMessage {
  key: string
  values: Record<string, MessageValue>
}

const STATUS_IDS: Readonly<Record<string, ClaimStatus>> = {
  Suggested: 'suggested',
  Dismissed: 'dismissed',
  'To check': 'to-check',
  'In progress': 'in-progress',
  'Needs review': 'needs-review',
  Done: 'done',
}

/** ops.ts's FIELD_NAMES, read back to the field they name. */
const CLAIM_FIELDS: Readonly<Record<string, string>> = {
  Rationale: 'rationale',
  Notes: 'notes',
  Checker: 'checker',
  Claimant: 'claimant',
  'Claim date': 'claimDate',
  Appearances: 'appearances',
  'ClaimReview statement': 'claimReviewed',
}

const ARTICLE_FIELDS = new Set(['title', 'outlet', 'author', 'url', 'publishedAt', 'language'])

const PUBLICATION_FIELDS: Readonly<Record<string, string>> = { address: 'reviewUrl', 'publication date': 'publishedAt' }

const UNTITLED_SOURCE = 'untitled source'

const FIELD_TERMS: Readonly<Record<string, string>> = {
  verdict: 'team.field.verdict',
  status: 'team.field.status',
  range: 'team.field.range',
  assignee: 'team.field.assignee',
  reviewer: 'team.field.reviewer',
  sourceIds: 'team.field.sourceIds',
  approval: 'team.field.approval',
  comments: 'team.field.comments',
  rationale: 'history.claimField.rationale',
  notes: 'history.claimField.notes',
  checker: 'history.claimField.checker',
  claimant: 'history.claimField.claimant',
  claimDate: 'history.claimField.claimDate',
  appearances: 'history.claimField.appearances',
  claimReviewed: 'history.claimField.claimReviewed',
  title: 'history.articleField.title',
  outlet: 'history.articleField.outlet',
  author: 'history.articleField.author',
  url: 'history.articleField.url',
  publishedAt: 'history.articleField.publishedAt',
  language: 'history.articleField.language',
  publisher: 'team.field.publisher',
  date: 'team.field.date',
  excerpt: 'team.field.excerpt',
  archiveUrl: 'team.field.archiveUrl',
  reliability: 'team.field.reliability',
  accessedAt: 'team.field.accessedAt',
  attachment: 'team.field.attachment',
}

/** The catalogue term naming a field of a claim, a source or the article, as a conflict names it; undefined for a field with none. */
export function fieldTerm(name: string): string | undefined {
  return FIELD_TERMS[name]
}

const field = (name: string): MessageValue => {
  const term = fieldTerm(name)
  return term ? { term } : name
}

const subject = (key: string, values: Record<string, MessageValue> = {}): MessageValue => ({ term: `team.subject.${key}`, values })

/** A conflict's subject as changes.ts's describeKey writes it ("the verdict of claim “…”"), read back to a `team.subject.*` term. */
function conflictSubject(what: string): MessageValue {
  const fixedSubjects: Readonly<Record<string, string>> = {
    'the article text': 'articleText',
    'the rating scale': 'scale',
    'a claim': 'aClaim',
    'a source': 'aSource',
  }
  const fixedKey = fixedSubjects[what]
  if (fixedKey) return subject(fixedKey)
  const articleField = /^the article’s (\w+)$/.exec(what)
  if (articleField) return subject('articleField', { field: field(articleField[1] ?? '') })
  const projectField = /^the project’s (\w+)$/.exec(what)
  if (projectField) return subject('projectField', { field: projectField[1] ?? '' })
  const recordField = /^the (\w+) of (claim|source) “(.*)”$/s.exec(what)
  if (recordField) {
    const [, name = '', kind, text = ''] = recordField
    return kind === 'claim'
      ? subject('claimField', { field: field(name), claim: text })
      : subject('sourceField', { field: field(name), source: text })
  }
  const record = /^(claim|source) “(.*)”$/s.exec(what)
  if (record) return record[1] === 'claim' ? subject('claim', { claim: record[2] ?? '' }) : subject('source', { source: record[2] ?? '' })
  return what
}

/** team-ops.ts's describeConflictValue() for a placeholder or a status, read back to its term; any other value is the checker's own. */
function conflictValue(value: string): MessageValue {
  const placeholders: Readonly<Record<string, string>> = {
    '(no verdict)': 'team.noVerdict',
    '(empty)': 'banners.empty',
    removed: 'team.removed',
    'kept and changed': 'team.keptChanged',
  }
  const status = STATUS_IDS[value]
  const term = placeholders[value] ?? (status ? `status.${status}` : undefined)
  return term ? { term } : value
}

const message = (key: string, values: Record<string, MessageValue> = {}): HistoryMessage => ({ key, values })

/** A source as ops.ts names it: its title or address, or a term when it had neither. */
const sourceValue = (name: string): MessageValue => (name === UNTITLED_SOURCE ? { term: 'history.untitledSource' } : name)

/** Field names joined with ", " (or " and ") mapped to terms; null when one of them is not ours. */
function terms(list: string, separator: string, names: Readonly<Record<string, string>>, prefix: string): { terms: string[] } | null {
  const ids = list.split(separator).map((name) => names[name])
  return ids.every((id) => id !== undefined) ? { terms: ids.map((id) => `${prefix}.${id}`) } : null
}

type Reader = (summary: string) => HistoryMessage | null

/** Reads one fixed format: a pattern whose groups become the message's values. */
function read(pattern: RegExp, build: (groups: string[]) => HistoryMessage | null): Reader {
  return (summary) => {
    const match = pattern.exec(summary)
    // A group that took no part in the match is undefined at run time, though typed as a string.
    return match ? build(match.slice(1).map((g: string | undefined) => g ?? '')) : null
  }
}

function fixed(sentence: string, key: string): Reader {
  return (summary) => (summary === sentence ? message(key) : null)
}

const statusReader: Reader = read(
  /^(Dismissed|Accepted|Status of) (?:“(.*)”|(\d+) claims)(?: set to (.+))?\.$/s,
  ([verb, claim, count, status]) => {
    const values: Record<string, MessageValue> = { claim: claim ?? '', count: count ? Number(count) : 1 }
    if (verb === 'Dismissed' && !status) return message('dismissed', values)
    if (verb === 'Accepted' && !status) return message('accepted', values)
    const id = status ? STATUS_IDS[status] : undefined
    return verb === 'Status of' && id ? message('statusSet', { ...values, status: { term: `status.${id}` } }) : null
  },
)

const READERS: Readonly<Record<string, Reader[]>> = {
  'claim.create': [read(/^Claim created: “(.*)”\.$/s, ([claim]) => message('claimCreated', { claim: claim ?? '' }))],
  'claim.accept': [statusReader],
  'claim.dismiss': [statusReader],
  'claim.status': [statusReader],
  'claim.verdict': [
    read(/^Verdict of “(.*)” set to (.*)\.$/s, ([claim, verdict]) => message('verdictSet', { claim: claim ?? '', verdict: verdict ?? '' })),
    read(/^Verdict of “(.*)” cleared\.$/s, ([claim]) => message('verdictCleared', { claim: claim ?? '' })),
  ],
  'claim.edit': [
    read(/^(.*) of “(.*)” edited\.$/s, ([names = '', claim = '']) => {
      const fields = terms(names, ', ', CLAIM_FIELDS, 'history.claimField')
      return fields ? message('claimEdited', { fields, claim }) : null
    }),
  ],
  'claim.merge': [
    read(/^Merged “(.*)” and “(.*)”\.$/s, ([first, second]) => message('claimsMerged', { first: first ?? '', second: second ?? '' })),
  ],
  'claim.split': [read(/^Split “(.*)” into two claims\.$/s, ([claim]) => message('claimSplit', { claim: claim ?? '' }))],
  'claim.adjust': [
    read(/^Boundaries of “(.*)” changed to “(.*)”\.$/s, ([claim, text]) =>
      message('claimAdjusted', { claim: claim ?? '', text: text ?? '' }),
    ),
  ],
  'claim.reuse': [
    read(
      /^Reused the check of “(.*)” in “(.*)” \((.*)\): (?:verdict (.*)|its verdict "(.*)" is not on this scale, so the verdict was left as it was|(it had no verdict)), (rationale|no rationale), (\d+) sources?\.$/s,
      ([claim = '', container = '', link = '', label, foreign, none, rationale, sources]) =>
        message('claimReused', {
          claim,
          container,
          link,
          outcome: label ? 'label' : none ? 'none' : 'foreign',
          verdict: label || foreign || '',
          rationale: rationale === 'rationale' ? 'yes' : 'no',
          sources: Number(sources),
        }),
    ),
  ],
  'claim.assign': [
    read(/^“(.*)” assigned to (.*)\.$/s, ([claim, person]) => message('assigned', { claim: claim ?? '', person: person ?? '' })),
    read(/^“(.*)” no longer assigned to anyone\.$/s, ([claim]) => message('unassigned', { claim: claim ?? '' })),
  ],
  'claim.reviewer': [
    read(/^Nobody is asked to review “(.*)” now\.$/s, ([claim]) => message('reviewerCleared', { claim: claim ?? '' })),
    read(/^(.*) asked to review “(.*)”\.$/s, ([person, claim]) => message('reviewerSet', { person: person ?? '', claim: claim ?? '' })),
  ],
  'claim.comment': [
    read(/^(.*?) commented on “(.*)”: “(.*)”$/s, ([person, claim, text]) =>
      message('commented', { person: person ?? '', claim: claim ?? '', text: text ?? '' }),
    ),
  ],
  'claim.withdrawComment': [
    read(/^(.*) withdrew a comment on “(.*)”\.$/s, ([person, claim]) =>
      message('commentWithdrawn', { person: person ?? '', claim: claim ?? '' }),
    ),
  ],
  'claim.approve': [
    read(/^(.*?) approved the verdict (.*) of “(.*)”\.$/s, ([person, verdict, claim]) =>
      message('approved', { person: person ?? '', verdict: verdict ?? '', claim: claim ?? '' }),
    ),
  ],
  'claim.withdrawApproval': [
    read(/^(.*) withdrew the approval of “(.*)”\.$/s, ([person, claim]) =>
      message('approvalWithdrawnBy', { person: person ?? '', claim: claim ?? '' }),
    ),
  ],
  'source.add': [read(/^Source “(.*)” added\.$/s, ([name]) => message('sourceAdded', { source: sourceValue(name ?? '') }))],
  'source.edit': [read(/^Source “(.*)” edited\.$/s, ([name]) => message('sourceEdited', { source: sourceValue(name ?? '') }))],
  'source.attachFile': [
    read(/^File attached to source “(.*)”\.$/s, ([name]) => message('fileAttached', { source: sourceValue(name ?? '') })),
  ],
  'source.delete': [read(/^Source “(.*)” removed\.$/s, ([name]) => message('sourceRemoved', { source: sourceValue(name ?? '') }))],
  'source.cite': [
    read(/^Source “(.*)” cited for “(.*)”\.$/s, ([name, claim]) =>
      message('sourceCited', { source: sourceValue(name ?? ''), claim: claim ?? '' }),
    ),
  ],
  'source.uncite': [
    read(/^Source “(.*)” no longer cited for “(.*)”\.$/s, ([name, claim]) =>
      message('sourceUncited', { source: sourceValue(name ?? ''), claim: claim ?? '' }),
    ),
  ],
  'scale.set': [
    read(/^Rating scale set to (.*?)(?:; (\d+) verdicts moved into notes)?\.$/s, ([scale, moved]) =>
      message('scaleSet', { scale: scale ?? '', moved: moved ? Number(moved) : 0 }),
    ),
  ],
  'article.edit': [
    read(/^Article details edited \((.*)\)\.$/s, ([list = '']) => {
      if (list === 'no change') return message('articleUnchanged')
      const fields = list.split(', ')
      return fields.every((f) => ARTICLE_FIELDS.has(f))
        ? message('articleEdited', { fields: { terms: fields.map((f) => `history.articleField.${f}`) } })
        : null
    }),
  ],
  'report.publication': [
    read(/^Fact check (.*) set\.$/s, ([list = '']) => {
      if (list === 'details') return message('publicationUnchanged')
      const fields = terms(list, ' and ', PUBLICATION_FIELDS, 'history.publicationField')
      return fields ? message('publicationSet', { fields }) : null
    }),
  ],
  'project.review': [
    fixed('Review required: a verdict is published only once a second checker approved it.', 'reviewRequired'),
    fixed('Review no longer required before a verdict is published.', 'reviewNotRequired'),
  ],
  'conflict.resolve': [
    read(/^Conflict over (.*) resolved: kept “(.*)”(?: \((.*)\))?\.$/s, ([what, value, by]) =>
      by
        ? message('conflictResolvedBy', { what: conflictSubject(what ?? ''), value: conflictValue(value ?? ''), by })
        : message('conflictResolved', { what: conflictSubject(what ?? ''), value: conflictValue(value ?? '') }),
    ),
  ],
  'article.version': [
    read(
      /^Newer version of the article imported \(version (\d+)\): (\d+) claims unchanged, (\d+) moved, (\d+) changed, (\d+) gone\.$/s,
      ([version, unchanged, moved, changed, gone]) =>
        message('articleVersion', {
          version: Number(version),
          unchanged: Number(unchanged),
          moved: Number(moved),
          changed: Number(changed),
          gone: Number(gone),
        }),
    ),
  ],
  'project.create': [
    read(/^Created from ([\d,]+) characters of text with (\d+) proposed claims\.$/s, ([characters = '', claims]) =>
      message('projectCreated', { characters: Number(characters.replaceAll(',', '')), claims: Number(claims) }),
    ),
  ],
  'project.migrate': [fixed('Migrated from the draft format (version 0).', 'projectMigrated')],
  // evidence/chain.ts's startChain.
  'history.chain': [
    read(
      /^Tamper-evident history started here; the (\d+) entries before it were written before Factdesk kept one and are not covered\.$/s,
      ([count]) => message('chainStarted', { count: Number(count) }),
    ),
  ],
  // evidence/open-case.ts, a case file opened under a new name.
  'case.open': [
    read(
      /^Opened from the case file (.*) \(history head (.*)\) as (.*), since (.*) was taken; attached files moved to (.*?)\.(?: The case file did not verify when opened \((.*)\): this entry records the project as found, not as the case's author left it\.)?$/s,
      ([file, , name, taken, , broken]) =>
        message(broken ? 'caseOpenedUnverified' : 'caseOpened', {
          file: file ?? '',
          name: name ?? '',
          taken: taken ?? '',
          checks: broken ?? '',
        }),
    ),
  ],
  // project-store.ts's recover: unsaved edits kept by the recovery store, put back.
  'project.recover': [
    read(
      /^Restored (\d+) unsaved edits from (\d\d:\d\d) UTC( as a copy, because the project had changed since)?\.$/s,
      ([edits, time, copy]) => message(copy ? 'recoveredAsCopy' : 'recovered', { count: Number(edits), time: time ?? '' }),
    ),
  ],
  'project.rename': [
    read(/^Renamed from "(.*)" to "(.*)"\.$/s, ([from, to]) => message('projectRenamed', { from: from ?? '', to: to ?? '' })),
  ],
  'project.duplicate': [read(/^Duplicated from (.*)\.$/s, ([file]) => message('projectDuplicated', { file: file ?? '' }))],
  'project.merge': [
    read(/^Merged with (.*?)(?:; (\d+) conflicts? to resolve)?\.$/s, ([name, conflicts]) =>
      message('projectMerged', {
        name: name === 'another copy' ? { term: 'history.anotherCopy' } : (name ?? ''),
        conflicts: conflicts ? Number(conflicts) : 0,
      }),
    ),
  ],
}

/** ops.ts's approvalWithdrawn(): the sentence an edit of an approved claim's verdict or rationale appends. */
const WITHDRAWN = /^(.*) Approval by (.*) withdrawn\.$/s

function readAction(action: string, summary: string): HistoryMessage[] | null {
  const readers = READERS[action]
  if (!readers) return null
  const withdrawn = WITHDRAWN.exec(summary)
  const candidates: [string, HistoryMessage[]][] = [[summary, []]]
  if (withdrawn) candidates.unshift([withdrawn[1] ?? '', [message('approvalWithdrawn', { person: withdrawn[2] ?? '' })]])
  for (const [sentence, after] of candidates) {
    for (const reader of readers) {
      const found = reader(sentence)
      if (found) return [found, ...after]
    }
  }
  return null
}

const STEP = /^(Undid|Redid): (.*)$/s

/**
 * A history entry's (or an undo step's) sentences in catalogue terms, or null when the action is
 * not one this Factdesk writes or the summary is not in its format. An undo or redo names the
 * edit it undid only by its summary, so every format is tried on it.
 */
export function historyMessage(action: string, summary: string): HistoryMessage[] | null {
  if (action === 'edit.undo' || action === 'edit.redo') {
    const step = STEP.exec(summary)
    if (!step) return null
    for (const inner of Object.keys(READERS)) {
      const found = readAction(inner, step[2] ?? '')
      if (found) return [message(step[1] === 'Undid' ? 'undid' : 'redid', { what: { sentences: found } })]
    }
    return null
  }
  return readAction(action, summary)
}

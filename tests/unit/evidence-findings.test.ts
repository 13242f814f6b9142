import { describe, expect, it } from 'vitest'
import { englishOf, FINDING_CODES, type Finding, type FindingCode, type FindingValues } from '@domain/evidence/findings'
import { translator } from '../helpers/translator'

const HASH_A = 'a'.repeat(64)
const HASH_B = 'b'.repeat(64)
const entry = { entry: 3, at: '2026-11-21T10:00:00.000Z', action: 'claim.verdict', author: 'Ana Ruiz', authored: 'yes' }
const anonymous = { ...entry, author: '', authored: 'no' }

/** Each finding with the values the checks give it, every branch of its sentence at least once. */
const SAMPLES: Record<FindingCode, FindingValues[]> = {
  chainNotRecorded: [{ schema: 3 }],
  chainRemoved: [{ schema: 4 }],
  chainBroken: [
    { from: 1, uncovered: 0 },
    { from: 4, uncovered: 3 },
  ],
  chainIntact: [
    { count: 1, from: 1, uncovered: 0 },
    { count: 7, from: 1, uncovered: 0 },
    { count: 2, from: 6, uncovered: 5 },
  ],
  schemaLowered: [{ schema: 3, chainSchema: 4, fields: 'evidence, sources[0].attachmentBytes' }],
  entryUnsealed: [entry, anonymous],
  entryChanged: [entry, anonymous],
  entryOrphaned: [entry],
  manyHeads: [{ count: 2 }],
  reordered: [{}],
  stateNotRecorded: [{}],
  stateRemoved: [{}],
  stateIntact: [{}],
  stateChanged: [{}],
  stateMismatch: [{ ...entry, recorded: HASH_A, found: HASH_B }],
  attachmentsNone: [{}],
  attachmentsBroken: [{ bad: 1, total: 3 }],
  attachmentsIntact: [
    { count: 2, never: 0 },
    { count: 2, never: 1 },
  ],
  attachmentMissing: [
    { file: 'bridge.files/minutes.txt', source: 'Minutes', expected: HASH_A, recorded: 'yes' },
    { file: 'bridge.files/minutes.txt', source: 'Minutes', expected: '', recorded: 'no' },
  ],
  attachmentChanged: [
    { file: 'bridge.files/minutes.txt', source: 'Minutes', expected: HASH_A, found: HASH_B, sizes: 'no', expectedBytes: 0, foundBytes: 0 },
    {
      file: 'bridge.files/minutes.txt',
      source: 'Minutes',
      expected: HASH_A,
      found: HASH_B,
      sizes: 'yes',
      expectedBytes: 21,
      foundBytes: 22,
    },
  ],
  attachmentUnrecorded: [{ file: 'bridge.files/minutes.txt', source: 'Minutes', found: HASH_B }],
  caseFilesIntact: [{ count: 6 }],
  caseFilesChanged: [{}],
  caseFileMissing: [{ file: 'reports/bridge.report.html' }],
  caseFileChanged: [{ file: 'reports/bridge.report.html', expected: HASH_A, found: HASH_B }],
  caseFileAdded: [{ file: 'reports/extra.html' }],
  signatureIntact: [{}],
  signatureMissing: [{}],
  signatureMismatch: [{}],
  signatureUnchecked: [{}],
  caseProjectMissing: [{ file: 'project/bridge.factdesk.json' }],
  caseAttachmentsIntact: [{ count: 1 }],
  caseAttachmentsChanged: [{}],
  caseAttachmentMissing: [{ file: 'bridge.files/minutes.txt' }],
  caseAttachmentChanged: [{ file: 'bridge.files/minutes.txt', expected: HASH_A, found: HASH_B }],
  headIntact: [{}],
  headMoved: [{}],
  headMismatch: [{ quoted: HASH_A, head: HASH_B }],
}

const en = translator('en')
const uk = translator('uk')
const all: Finding[] = FINDING_CODES.flatMap((code) => SAMPLES[code].map((values) => ({ code, values })))

describe('the evidence findings in the workbench’s languages', () => {
  it('has a sample for every finding the checks can make', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...FINDING_CODES].sort())
  })

  it('says in English, from the catalogue, exactly what factdesk verify prints', () => {
    for (const finding of all) expect(en.t(`evidence.finding.${finding.code}`, finding.values), finding.code).toBe(englishOf(finding))
  })

  it('says every finding in Ukrainian, with its values filled in and nothing left in English', () => {
    for (const finding of all) {
      const text = uk.t(`evidence.finding.${finding.code}`, finding.values)
      expect(text, finding.code).not.toBe(englishOf(finding))
      expect(text, finding.code).not.toMatch(/[{}]|evidence\.finding/)
      for (const value of Object.values(finding.values)) {
        if (typeof value === 'string' && value.length > 3 && value !== 'yes') expect(text, `${finding.code} ${value}`).toContain(value)
      }
    }
    expect(uk.t('evidence.finding.chainIntact', { count: 2, from: 6, uncovered: 5 })).toBe(
      'Запечатаних записів: 2; усі непорушні й утворюють один ланцюжок, що ведеться від запису 6; попередні записи, 5, зроблено ще до ланцюжка, і він їх не охоплює.',
    )
  })
})

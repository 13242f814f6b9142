import { describe, expect, it } from 'vitest'
import { omissionText } from '../../src/renderer/src/features/evidence/omission-text'
import { translator } from '../helpers/translator'

const uk = translator('uk')

describe('what a case file left out, in the app’s language', () => {
  it('reads back each form case-file.ts records, and shows anything else as recorded', () => {
    expect(omissionText({ what: 'project/scan.pdf', reason: 'the attached file could not be read (ENOENT: no such file)' }, uk.t)).toBe(
      'project/scan.pdf: не вдалося прочитати прикріплений файл (ENOENT: no such file)',
    )
    expect(omissionText({ what: 'ClaimReview', reason: 'incomplete: it needs the review’s URL' }, uk.t)).toBe(
      'ClaimReview: неповний, бракує: the review’s URL',
    )
    expect(omissionText({ what: 'PDF', reason: 'No browser to print the PDF with.' }, uk.t)).toBe(
      'PDF: не вдалося створити (No browser to print the PDF with.)',
    )
  })
})

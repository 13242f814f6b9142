import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { checker, rangeOf, TEAM_TEXT, type Checker } from '../helpers/team'

const FARES = 'rail fares will rise by 4.6% in March'
const PUNCTUAL = 'only 68% of trains arrived on time in 2025'

describe('a second checker’s review', () => {
  let cleanup: () => Promise<void>
  let ana: Checker
  let path: string
  let fares: string
  let punctual: string

  beforeEach(async () => {
    let root: string
    ;({ dir: root, cleanup } = await tempDir('factdesk-review-'))
    ana = await checker(root, 'Ana', 'ana@desk.example')
    path = (await ana.h['project:create']({ title: 'Rail fares', text: TEAM_TEXT, language: 'en' })).path
    fares = (await ana.h['claim:create']({ path, ...rangeOf(FARES) })).focus!
    punctual = (await ana.h['claim:create']({ path, ...rangeOf(PUNCTUAL) })).focus!
    for (const id of [fares, punctual]) {
      await ana.h['claim:assign']({ path, id, assignee: { name: 'Ana', email: 'ana@desk.example' } })
      await ana.h['claim:setVerdict']({ path, id, verdict: 'true' })
      await ana.h['claim:setStatus']({ path, ids: [id], status: 'done' })
    }
    await ana.h['report:setPublication']({ path, fields: { reviewUrl: 'https://desk.example/fares', publishedAt: '2026-11-30' } })
    await ana.h['settings:set']({ organisationName: 'Desk', organisationUrl: 'https://desk.example' })
    for (const id of [fares, punctual]) {
      await ana.h['claim:update']({ path, id, fields: { claimant: { name: 'Transport Focus', kind: 'organization' } } })
    }
  })
  afterEach(async () => {
    await ana.services.store.closeAll()
    await cleanup()
  })

  const become = (name: string, email: string) => ana.h['settings:set']({ checkerName: name, checkerEmail: email })

  it('refuses the checker’s own approval; another checker’s is recorded with who and when, and any later change of the verdict or rationale withdraws it', async () => {
    await expect(ana.h['claim:approve']({ path, id: fares })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await become('Ben', 'ben@desk.example')
    const approved = await ana.h['claim:approve']({ path, id: fares })
    const claim = approved.project.claims.find((c) => c.id === fares)!
    expect(claim.approval).toMatchObject({ by: { name: 'Ben', email: 'ben@desk.example' } })
    expect(approved.project.history.at(-1)?.summary).toBe(
      'Ben <ben@desk.example> approved the verdict True of “rail fares will rise by 4.6% in March”.',
    )

    const changed = await ana.h['claim:update']({ path, id: fares, fields: { rationale: 'Reworded.' } })
    expect(changed.project.claims.find((c) => c.id === fares)?.approval).toBeNull()
    expect(changed.project.history.at(-1)?.summary).toBe(
      'Rationale of “rail fares will rise by 4.6% in March” edited. Approval by Ben withdrawn.',
    )
  })

  it('with review required, reports and ClaimReview hold only approved claims and say so', async () => {
    await ana.h['project:setRequireReview']({ path, required: true })
    await become('Ben', 'ben@desk.example')
    await ana.h['claim:approve']({ path, id: punctual })

    const html = await ana.h['report:render']({ path, format: 'html', includeArticle: false, draft: false })
    expect(html.content).toContain(PUNCTUAL)
    expect(html.content).not.toContain(FARES)
    expect(html.content).toContain(
      'This project requires a second checker’s review: only approved claims are included; 1 claim awaiting approval was left out.',
    )

    const reviews = await ana.h['report:render']({ path, format: 'claimreview', includeArticle: false, draft: false })
    const parsed = JSON.parse(reviews.content) as { claimReviewed: string }[]
    expect(parsed.map((r) => r.claimReviewed)).toEqual([PUNCTUAL])
    expect(reviews.warnings).toContain(
      'This project requires a second checker’s review: only approved claims are included; 1 claim awaiting approval was left out.',
    )

    const json = JSON.parse((await ana.h['report:render']({ path, format: 'json', includeArticle: false, draft: false })).content) as {
      review: unknown
    }
    expect(json.review).toEqual({ required: true, awaitingApproval: 1 })

    await ana.h['project:setRequireReview']({ path, required: false })
    const all = await ana.h['report:render']({ path, format: 'md', includeArticle: false, draft: false })
    expect(all.content).toContain(FARES)
  })

  it('keeps comments as a thread: added with author and time, withdrawn only by their author, never edited', async () => {
    const commented = await ana.h['claim:comment']({ path, id: fares, text: 'Which ORR table?' })
    const comment = commented.project.claims.find((c) => c.id === fares)!.comments[0]!
    expect(comment).toMatchObject({ author: { name: 'Ana', email: 'ana@desk.example' }, text: 'Which ORR table?', withdrawnAt: null })
    await become('Ben', 'ben@desk.example')
    await expect(ana.h['claim:withdrawComment']({ path, id: fares, commentId: comment.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await become('Ana', 'ana@desk.example')
    const withdrawn = await ana.h['claim:withdrawComment']({ path, id: fares, commentId: comment.id })
    expect(withdrawn.project.claims.find((c) => c.id === fares)!.comments[0]).toMatchObject({
      text: 'Which ORR table?',
      withdrawnAt: expect.any(String) as unknown,
    })
  })
})

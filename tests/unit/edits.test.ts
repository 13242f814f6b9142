import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Edited } from '@contract/api'
import { unattributed, type Project } from '@domain/project/schema'
import { ratingScalePreset } from '@domain/project/rating-scales'
import { createDispatcher } from '@engine/dispatcher'
import type { Services } from '@engine/services'
import { claimIn, testEngine } from '../helpers/projects'

const TEXT = `Unemployment fell to 4.1% in March, the statistics office said. Wages rose 3% over the year.

The minister said the reform "created 200,000 jobs" since 2024. Critics call that a stretch.`

describe('editing claims and sources through the API handlers', () => {
  let services: Services
  let home: string
  let close: () => Promise<void>
  let path: string
  let h: Services['handlers']
  beforeEach(async () => {
    ;({ services, home, close } = await testEngine({ proposeClaims: false }))
    h = services.handlers
    path = (await h['project:create']({ title: 'Jobs', text: TEXT, outlet: '', author: '', url: '', publishedAt: '', language: 'en' })).path
    await h['settings:set']({ checkerName: 'Dana' })
  })
  afterEach(async () => close())

  const range = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length })
  const claim = (edited: Edited, id = edited.focus) => edited.project.claims.find((c) => c.id === id)!
  const onDisk = async (): Promise<Project> => {
    await h['project:awaitSave']({ path })
    return JSON.parse(await readFile(path, 'utf8')) as Project
  }

  it('makes a claim from a selection smaller than a sentence, trimming spaces, with the checker and a history entry', async () => {
    const { start, end } = range('fell to 4.1% in March')
    const edited = await h['claim:create']({ path, start: start - 1, end })
    expect(claim(edited)).toMatchObject({
      text: 'fell to 4.1% in March',
      start,
      end,
      origin: 'manual',
      status: 'to-check',
      checker: 'Dana',
    })
    const saved = await onDisk()
    expect(saved.claims).toHaveLength(1)
    expect(saved.history.at(-1)).toMatchObject({
      action: 'claim.create',
      author: 'Dana',
      claimId: edited.focus,
      summary: 'Claim created: “fell to 4.1% in March”.',
    })
  })

  it('makes one claim from a selection across two sentences', async () => {
    const { start } = range('Unemployment fell')
    const { end } = range('Wages rose 3% over the year.')
    const edited = await h['claim:create']({ path, start, end })
    expect(claim(edited).text).toBe('Unemployment fell to 4.1% in March, the statistics office said. Wages rose 3% over the year.')
  })

  it('refuses a selection of only spaces and a duplicate claim', async () => {
    await expect(h['claim:create']({ path, ...{ start: TEXT.indexOf('\n'), end: TEXT.indexOf('\n') + 2 } })).rejects.toThrow(/only spaces/)
    await h['claim:create']({ path, ...range('Wages rose 3%') })
    await expect(h['claim:create']({ path, ...range('Wages rose 3%') })).rejects.toThrow(/already claim/)
  })

  it('sets a verdict from the scale, refuses one that is not in it', async () => {
    const id = (await h['claim:create']({ path, ...range('created 200,000 jobs') })).focus!
    const edited = await h['claim:setVerdict']({ path, id, verdict: 'mostly-false' })
    expect(claim(edited, id).verdict).toBe('mostly-false')
    await expect(h['claim:setVerdict']({ path, id, verdict: 'bogus' })).rejects.toThrow(/not a label of the rating scale/)
    expect((await onDisk()).claims[0]?.verdict).toBe('mostly-false')
  })

  it('merges two neighbouring claims into one spanning both', async () => {
    const a = (await h['claim:create']({ path, ...range('Unemployment fell to 4.1% in March, the statistics office said.') })).focus!
    const b = (await h['claim:create']({ path, ...range('Wages rose 3% over the year.') })).focus!
    await h['claim:setVerdict']({ path, id: a, verdict: 'true' })
    const merged = await h['claim:merge']({ path, ids: [b, a] })
    expect(merged.project.claims).toHaveLength(1)
    expect(claim(merged)).toMatchObject({
      id: a,
      text: 'Unemployment fell to 4.1% in March, the statistics office said. Wages rose 3% over the year.',
      verdict: null,
    })
  })

  it('merges only claims with nothing but space between them: an unproposed sentence joins a claim only when selected', async () => {
    const a = (await h['claim:create']({ path, ...range('Unemployment fell to 4.1% in March') })).focus!
    const b = (await h['claim:create']({ path, ...range('Wages rose 3% over the year.') })).focus!
    await expect(h['claim:merge']({ path, ids: [a, b] })).rejects.toThrow(
      'Text that is in neither claim lies between “Unemployment fell to 4.1% in …” and “Wages rose 3% over the year.”, so they were not merged. To make one claim of the whole passage, select it in the article and press C.',
    )
    expect((await onDisk()).claims.map((c) => c.text)).toEqual(['Unemployment fell to 4.1% in March', 'Wages rose 3% over the year.'])
  })

  it('makes a merged, split or re-bounded suggestion the checker’s: no longer Suggested, scored afresh', async () => {
    const sentences = ['Unemployment fell to 4.1% in March, the statistics office said.', 'Wages rose 3% over the year.']
    const proposed = sentences.map((quote, i) => ({
      ...range(quote),
      id: `c-s${i}`,
      text: quote,
      origin: 'suggested' as const,
      status: 'suggested' as const,
      score: 1,
      reasons: [],
      verdict: null,
      rationale: '',
      sourceIds: [],
      notes: '',
      checker: '',
      ...unattributed(),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }))
    services.store.mutate(path, (p) => ({ ...p, claims: proposed }))
    const merged = await h['claim:merge']({ path, ids: ['c-s0', 'c-s1'] })
    expect(claim(merged)).toMatchObject({ status: 'to-check', origin: 'manual' })
    expect(claim(merged).score).not.toBe(1)
    expect(claim(merged).score).toBeGreaterThan(0)
    const split = await h['claim:split']({ path, id: 'c-s0', at: TEXT.indexOf('Wages') })
    expect(split.project.claims.map((c) => c.status)).toEqual(['to-check', 'to-check'])
  })

  it('fills Checker with the checker’s name on accept and on a verdict that takes a suggestion on, never over another name', async () => {
    services.store.mutate(path, (p) => ({
      ...p,
      claims: [
        { ...claimIn(TEXT, 'c-1', 'Wages rose 3% over the year.'), status: 'suggested', origin: 'suggested' },
        { ...claimIn(TEXT, 'c-2', 'Critics call that a stretch.'), status: 'suggested', origin: 'suggested' },
        { ...claimIn(TEXT, 'c-3', 'Unemployment fell to 4.1% in March'), status: 'suggested', origin: 'suggested', checker: 'Olu' },
      ],
    }))
    expect(claim(await h['claim:accept']({ path, ids: ['c-1'] }), 'c-1').checker).toBe('Dana')
    expect(claim(await h['claim:setVerdict']({ path, id: 'c-2', verdict: 'false' }), 'c-2').checker).toBe('Dana')
    expect(claim(await h['claim:accept']({ path, ids: ['c-3'] }), 'c-3').checker).toBe('Olu')
  })

  it('records who made the claim, when, where else it appeared and its short statement, and nothing for an edit that changed nothing', async () => {
    const id = (await h['claim:create']({ path, ...range('The minister said the reform "created 200,000 jobs" since 2024.') })).focus!
    const fields = {
      claimant: { name: 'Ana Petrenko', kind: 'person' as const, role: 'Minister of Labour', url: 'https://gov.example/petrenko' },
      claimDate: '2026-03-28',
      appearances: [
        { url: 'https://tv.example/interview', title: 'Morning interview', publisher: 'TV Example', author: '', date: '2026-03-28' },
      ],
      claimReviewed: 'The reform created 200,000 jobs since 2024',
    }
    const edited = await h['claim:update']({ path, id, fields })
    expect(claim(edited, id)).toMatchObject(fields)
    const historyLength = (await onDisk()).history.length
    expect(edited.undoable.undo?.summary).toBe(
      'Claimant, Claim date, Appearances, ClaimReview statement of “The minister said the reform "created 200,000 jobs" since 2…” edited.',
    )
    const again = await h['claim:update']({ path, id, fields: { ...fields, rationale: '' } })
    await h['claim:setVerdict']({ path, id, verdict: null })
    await h['project:updateArticle']({ path, fields: { outlet: '' } })
    expect(again.undoable.undo).toEqual(edited.undoable.undo)
    const saved = await onDisk()
    expect(saved.history).toHaveLength(historyLength)
    expect(saved.claims[0]).toMatchObject(fields)
    // Each claimant field saved on its own is merged into the claimant, whatever arrives in between.
    await h['claim:update']({ path, id, fields: { claimant: { role: 'Minister' } } })
    const merged = await h['claim:update']({ path, id, fields: { claimant: { url: 'https://gov.example/labour' } } })
    expect(claim(merged, id).claimant).toEqual({
      name: 'Ana Petrenko',
      kind: 'person',
      role: 'Minister',
      url: 'https://gov.example/labour',
    })
    const other = (await h['claim:create']({ path, ...range('Critics call that a stretch.') })).focus!
    await expect(h['claim:update']({ path, id: other, fields: { claimant: { role: 'Critic' } } })).rejects.toThrow(
      'Name who made the claim “Critics call that a stretch.” first, then their role and page.',
    )
    expect(claim(await h['claim:update']({ path, id, fields: { claimant: null } }), id).claimant).toBeNull()
    const refused = await createDispatcher(h)('claim:update', { path, id, fields: { claimant: { ...fields.claimant, name: '  ' } } })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/name the person or body/) as unknown },
    })
  })

  it('remembers where and when the fact check is published, with the project', async () => {
    const edited = await h['report:setPublication']({
      path,
      fields: { reviewUrl: 'https://desk.example/checks/jobs', publishedAt: '2026-04-02' },
    })
    expect(edited.project.publication).toEqual({ reviewUrl: 'https://desk.example/checks/jobs', publishedAt: '2026-04-02' })
    expect(edited.undoable.undo?.summary).toBe('Fact check address and publication date set.')
    expect((await onDisk()).publication).toEqual({ reviewUrl: 'https://desk.example/checks/jobs', publishedAt: '2026-04-02' })
    const refused = await createDispatcher(h)('report:setPublication', { path, fields: { publishedAt: 'April' } })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/publishedAt.*date like/) as unknown },
    })
  })

  it('splits a claim at the caret into two, both exact slices of the article', async () => {
    const id = (await h['claim:create']({ path, ...range('Unemployment fell to 4.1% in March, the statistics office said.') })).focus!
    const at = TEXT.indexOf(', the statistics')
    const split = await h['claim:split']({ path, id, at: at + 1 })
    expect(split.project.claims.map((c) => c.text)).toEqual(['Unemployment fell to 4.1% in March,', 'the statistics office said.'])
    for (const c of split.project.claims) expect(TEXT.slice(c.start, c.end)).toBe(c.text)
    await expect(h['claim:split']({ path, id, at: split.project.claims[0]!.start })).rejects.toThrow(/inside the claim/)
  })

  it('adjusts a claim’s boundaries', async () => {
    const id = (await h['claim:create']({ path, ...range('Wages rose 3%') })).focus!
    const adjusted = await h['claim:adjust']({ path, id, ...range('Wages rose 3% over the year') })
    expect(claim(adjusted, id).text).toBe('Wages rose 3% over the year')
  })

  it('accepts and dismisses suggestions, and cycles status', async () => {
    const id = (await h['claim:create']({ path, ...range('Critics call that a stretch.') })).focus!
    await h['claim:dismiss']({ path, ids: [id] })
    expect(services.store.peek(path)?.claims[0]?.status).toBe('dismissed')
    const accepted = await h['claim:accept']({ path, ids: [id] })
    expect(claim(accepted, id).status).toBe('to-check')
    const done = await h['claim:setStatus']({ path, ids: [id], status: 'done' })
    expect(claim(done, id).status).toBe('done')
  })

  it('adds a source to a claim, reuses it on another, edits, detaches and deletes it', async () => {
    const a = (await h['claim:create']({ path, ...range('fell to 4.1%') })).focus!
    const b = (await h['claim:create']({ path, ...range('Wages rose 3%') })).focus!
    const fields = {
      url: 'https://stats.example/labour-2026',
      title: 'Labour market, March',
      publisher: 'Statistics Office',
      date: '2026-04-10',
      excerpt: 'The rate was 4.1%.',
      archiveUrl: '',
      reliability: 'Official statistics.',
      accessedAt: '2026-04-11',
    }
    const added = await h['source:add']({ path, claimId: a, fields })
    const sourceId = added.project.sources[0]!.id
    expect(claim(added, a).sourceIds).toEqual([sourceId])
    const reused = await h['source:attach']({ path, claimId: b, sourceId })
    expect(claim(reused, b).sourceIds).toEqual([sourceId])
    await expect(h['source:attach']({ path, claimId: b, sourceId })).rejects.toThrow(/already a source/)
    const edited = await h['source:update']({ path, id: sourceId, fields: { title: 'Labour market statistics, March 2026' } })
    expect(edited.project.sources[0]?.title).toBe('Labour market statistics, March 2026')
    const detached = await h['source:detach']({ path, claimId: b, sourceId })
    expect(claim(detached, b).sourceIds).toEqual([])
    const deleted = await h['source:delete']({ path, id: sourceId })
    expect(deleted.project.sources).toEqual([])
    expect(claim(deleted, a).sourceIds).toEqual([])
  })

  it('attaches a local file by copying it beside the project, never replacing another', async () => {
    const id = (await h['claim:create']({ path, ...range('fell to 4.1%') })).focus!
    const added = await h['source:add']({
      path,
      claimId: id,
      fields: { url: '', title: 'Leaked memo', publisher: '', date: '', excerpt: '', archiveUrl: '', reliability: '', accessedAt: '' },
    })
    const sourceId = added.project.sources[0]!.id
    const data = Buffer.from('%PDF-1.4 memo').toString('base64')
    const first = await h['source:attachFile']({ path, sourceId, fileName: '../../etc/memo.pdf', dataBase64: data })
    expect(first.project.sources[0]?.attachment).toBe('jobs.files/memo.pdf')
    expect(await readFile(join(home, 'jobs.files', 'memo.pdf'), 'utf8')).toBe('%PDF-1.4 memo')
    // sha256 of "%PDF-1.4 memo", so a reader of the report can tell the file is the one checked.
    expect(first.project.sources[0]?.attachmentSha256).toBe(createHash('sha256').update('%PDF-1.4 memo').digest('hex'))
    expect(first.project.sources[0]?.attachmentSha256).toMatch(/^[0-9a-f]{64}$/)
    const second = await h['source:attachFile']({ path, sourceId, fileName: 'memo.pdf', dataBase64: data })
    expect(second.project.sources[0]?.attachment).toBe('jobs.files/memo (2).pdf')
    await expect(h['source:openAttachment']({ path, sourceId })).rejects.toThrow(/needs the desktop app/)
  })

  it('switches the rating scale, moving verdicts the new scale lacks into notes', async () => {
    const id = (await h['claim:create']({ path, ...range('created 200,000 jobs') })).focus!
    await h['claim:setVerdict']({ path, id, verdict: 'pants-on-fire' })
    const switched = await h['scale:set']({ path, scale: ratingScalePreset('meta-afp')! })
    expect(claim(switched, id)).toMatchObject({
      verdict: null,
      notes: 'Verdict on the previous scale (PolitiFact Truth-O-Meter): Pants on Fire.',
    })
    expect(switched.project.ratingScale.id).toBe('meta-afp')
  })

  it('undoes and redoes every edit, recording both in the append-only history', async () => {
    const id = (await h['claim:create']({ path, ...range('Wages rose 3%') })).focus!
    const verdict = await h['claim:setVerdict']({ path, id, verdict: 'true' })
    expect(verdict.undoable.undo?.summary).toBe('Verdict of “Wages rose 3%” set to True.')
    const undone = await h['project:undo']({ path })
    expect(claim(undone, id).verdict).toBeNull()
    expect(undone.undoable).toEqual({
      undo: { action: 'claim.create', summary: 'Claim created: “Wages rose 3%”.' },
      redo: { action: 'claim.verdict', summary: 'Verdict of “Wages rose 3%” set to True.' },
    })
    const redone = await h['project:redo']({ path })
    expect(claim(redone, id).verdict).toBe('true')
    await h['project:undo']({ path })
    await h['project:undo']({ path })
    await expect(h['project:undo']({ path })).rejects.toThrow(/nothing to undo/)
    const saved = await onDisk()
    expect(saved.claims).toEqual([])
    expect(saved.history.map((e) => e.action)).toEqual([
      'project.create',
      'claim.create',
      'claim.verdict',
      'edit.undo',
      'edit.redo',
      'edit.undo',
      'edit.undo',
    ])
  })

  it('edits the article metadata but never its text', async () => {
    const edited = await h['project:updateArticle']({ path, fields: { outlet: 'Daily Ledger', publishedAt: '2026-03-30' } })
    expect(edited.project.article).toMatchObject({ outlet: 'Daily Ledger', publishedAt: '2026-03-30', text: TEXT })
  })
})

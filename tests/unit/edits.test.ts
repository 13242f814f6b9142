import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Edited } from '@contract/api'
import type { Project } from '@domain/project/schema'
import { ratingScalePreset } from '@domain/project/rating-scales'
import { createServices, type Services } from '@engine/services'
import { tempDir } from '../helpers/projects'

const TEXT = `Unemployment fell to 4.1% in March, the statistics office said. Wages rose 3% over the year.

The minister said the reform "created 200,000 jobs" since 2024. Critics call that a stretch.`

describe('editing claims and sources through the API handlers', () => {
  let root: string
  let cleanup: () => Promise<void>
  let services: Services
  let path: string
  let h: Services['handlers']
  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir())
    services = createServices({
      edition: 'test',
      version: '0',
      resourcesDir: join(import.meta.dirname, '../../resources'),
      configDir: join(root, 'cfg'),
      env: { FACTDESK_HOME: join(root, 'p') },
      proposeClaims: false,
    })
    h = services.handlers
    path = (await h['project:create']({ title: 'Jobs', text: TEXT, outlet: '', author: '', url: '', publishedAt: '', language: 'en' })).path
    await h['settings:set']({ checkerName: 'Dana' })
  })
  afterEach(async () => {
    await services.store.closeAll()
    await cleanup()
  })

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
    const a = (await h['claim:create']({ path, ...range('Unemployment fell to 4.1% in March') })).focus!
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
      fields: { url: '', title: 'Leaked memo', publisher: '', date: '', excerpt: '', archiveUrl: '', reliability: '' },
    })
    const sourceId = added.project.sources[0]!.id
    const data = Buffer.from('%PDF-1.4 memo').toString('base64')
    const first = await h['source:attachFile']({ path, sourceId, fileName: '../../etc/memo.pdf', dataBase64: data })
    expect(first.project.sources[0]?.attachment).toBe('jobs.files/memo.pdf')
    expect(await readFile(join(root, 'p', 'jobs.files', 'memo.pdf'), 'utf8')).toBe('%PDF-1.4 memo')
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
    expect(verdict.undoable.undo).toBe('Verdict of “Wages rose 3%” set to True.')
    const undone = await h['project:undo']({ path })
    expect(claim(undone, id).verdict).toBeNull()
    expect(undone.undoable).toEqual({ undo: 'Claim created: “Wages rose 3%”.', redo: 'Verdict of “Wages rose 3%” set to True.' })
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

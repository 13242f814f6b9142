import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { historyText } from '@contract/i18n/history-text'
import { historyMessage } from '@domain/project/history-message'
import { startChain } from '@domain/evidence/chain'
import { newProject } from '@domain/project/create'
import { sha256 } from '@engine/project-store'
import { ratingScalePreset } from '@domain/project/rating-scales'
import type { Services } from '@engine/services'
import { testEngine } from '../helpers/projects'
import { translator } from '../helpers/translator'

const TEXT = `Unemployment fell to 4.1% in March, the statistics office said. Wages rose 3% over the year.

The minister said the reform "created 200,000 jobs" since 2024. Critics call that a stretch.`

const uk = translator('uk')
const en = translator('en')

describe('history entries and undo labels in the checker’s language', () => {
  let close: () => Promise<void>
  let services: Services
  let path: string
  let h: Services['handlers']
  beforeEach(async () => {
    ;({ services, close } = await testEngine({ proposeClaims: false }))
    h = services.handlers
    path = (await h['project:create']({ title: 'Jobs', text: TEXT, outlet: '', author: '', url: '', publishedAt: '', language: 'en' })).path
    await h['settings:set']({ checkerName: 'Dana', checkerEmail: 'dana@desk.example' })
  })
  afterEach(async () => close())

  const range = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length })

  /** Every kind of edit the workbench makes, through the handlers, so the actions and summaries are the ones stored. */
  async function editEverything() {
    const wages = (await h['claim:create']({ path, ...range('Wages rose 3% over the year.') })).focus!
    const jobs = (await h['claim:create']({ path, ...range('The minister said the reform') })).focus!
    const fell = (await h['claim:create']({ path, ...range('Unemployment fell to 4.1% in March') })).focus!
    await h['claim:update']({ path, id: wages, fields: { checker: 'Olha', rationale: 'The office’s series.', notes: 'Ask.' } })
    await h['claim:setVerdict']({ path, id: wages, verdict: 'true' })
    await h['claim:approve']({ path, id: wages })
    await h['claim:setVerdict']({ path, id: wages, verdict: 'false' })
    await h['claim:setStatus']({ path, ids: [wages, jobs], status: 'done' })
    await h['claim:setStatus']({ path, ids: [jobs], status: 'in-progress' })
    await h['claim:adjust']({ path, id: jobs, ...range('The minister said the reform "created 200,000 jobs" since 2024.') })
    await h['claim:assign']({ path, id: jobs, assignee: { name: 'Olha', email: '' } })
    await h['claim:setReviewer']({ path, id: jobs, reviewer: { name: 'Petro', email: '' } })
    const commented = await h['claim:comment']({ path, id: jobs, text: 'Which jobs?' })
    const comment = commented.project.claims.find((c) => c.id === jobs)!.comments[0]!
    await h['claim:withdrawComment']({ path, id: jobs, commentId: comment.id })
    const source = await h['source:add']({
      path,
      claimId: wages,
      fields: {
        url: 'https://stats.example/wages',
        title: '',
        publisher: '',
        date: '',
        excerpt: '',
        archiveUrl: '',
        reliability: '',
        accessedAt: '',
      },
    })
    const sourceId = source.project.sources[0]!.id
    await h['source:update']({ path, id: sourceId, fields: { title: 'Wage statistics' } })
    await h['source:attach']({ path, claimId: jobs, sourceId })
    await h['source:detach']({ path, claimId: jobs, sourceId })
    const split = await h['claim:split']({ path, id: fell, at: TEXT.indexOf(' in March') })
    const second = split.project.claims.find((c) => c.text === 'in March')!.id
    await h['claim:merge']({ path, ids: [fell, second] })
    await h['project:updateArticle']({ path, fields: { outlet: 'Daily', author: 'Ana' } })
    await h['report:setPublication']({ path, fields: { reviewUrl: 'https://desk.example/check', publishedAt: '2026-11-30' } })
    await h['project:setRequireReview']({ path, required: true })
    await h['scale:set']({ path, scale: ratingScalePreset('meta-afp')! })
    await h['source:delete']({ path, id: sourceId })
    await h['project:undo']({ path })
    await h['project:redo']({ path })
    return (await h['project:open']({ path })).project
  }

  it('reads every entry the workbench’s edits write, and says each in Ukrainian', async () => {
    const project = await editEverything()
    const unread = project.history.filter((entry) => historyMessage(entry.action, entry.summary) === null)
    expect(unread).toEqual([])
    for (const entry of project.history) {
      const text = historyText(entry, uk)
      expect(text).not.toBe(entry.summary)
      // Our English sentences quote with “…”; Ukrainian quotes with «…», and outside the quoted claims and sources no English is left.
      expect(text.replace(/«[^«»]*»/g, '')).not.toMatch(/“|\b(the|of|to|and|set|edited|added|claims?)\b/)
    }
  })

  it('names the values the entry holds: the claim, the verdict, the fields, the count, the approval withdrawn', async () => {
    const project = await editEverything()
    const said = project.history.map((entry) => historyText(entry, uk))
    expect(said).toContain('Вердикт твердження «Wages rose 3% over the year.»: «False». Схвалення (Dana) відкликано.')
    expect(said).toContain('У твердженні «Wages rose 3% over the year.» змінено: фактчекера, обґрунтування і нотатки.')
    expect(said).toContain('Статус 2 тверджень змінено на «Готово».')
    expect(said).toContain('Задано адресу і дату публікації перевірки.')
    expect(said).toContain('Змінено дані статті: видання і автор.')
    expect(said.at(-2)).toBe('Скасовано: Видалено джерело «Wage statistics».')
    expect(said.at(-1)).toBe('Повторено: Видалено джерело «Wage statistics».')
    expect(said[0]).toBe('Створено з тексту в 186 символів; запропоновано 0 тверджень.')
  })

  it('gives the undo label its action, so Undo names the edit in the app’s language', async () => {
    const id = (await h['claim:create']({ path, ...range('Wages rose 3%') })).focus!
    const edited = await h['claim:setVerdict']({ path, id, verdict: 'true' })
    expect(historyText(edited.undoable.undo!, uk)).toBe('Вердикт твердження «Wages rose 3%»: «True».')
    expect(historyText(edited.undoable.undo!, en)).toBe('Verdict of “Wages rose 3%” set to True.')
  })

  it('says a resolved merge conflict’s subject and kept value in Ukrainian, from the English the merge stored', () => {
    // The summary as team-ops.ts's resolveConflict writes it (pinned in project-merge.test.ts).
    const resolved = 'Conflict over the verdict of claim “the new bridge cost €41 million” resolved: kept “False” (Ben).'
    expect(historyText({ action: 'conflict.resolve', summary: resolved }, uk)).toBe(
      'Конфлікт (вердикт твердження «the new bridge cost €41 million») розв’язано: залишено «False» (Ben).',
    )
    const status = 'Conflict over the status of claim “Wages rose 3%” resolved: kept “Needs review”.'
    expect(historyText({ action: 'conflict.resolve', summary: status }, uk)).toBe(
      'Конфлікт (статус твердження «Wages rose 3%») розв’язано: залишено «На рецензії».',
    )
    expect(historyText({ action: 'conflict.resolve', summary: 'Conflict over the article’s outlet resolved: kept “(empty)”.' }, uk)).toBe(
      'Конфлікт (поле статті «видання») розв’язано: залишено «(порожньо)».',
    )
  })

  it('says the evidence entries in Ukrainian: the chain started on a legacy project, a case file opened under a new name, kept edits restored', () => {
    const legacy = newProject({ title: 'Old', text: TEXT, language: 'en' }, { now: new Date('2026-01-01T00:00:00Z'), author: 'seed' })
    const started = startChain({ ...legacy, history: [...legacy.history, ...legacy.history] }, sha256, '2026-11-30T10:00:00.000Z')
    const entry = started.history.at(-1)
    expect(entry && historyText(entry, uk)).toBe(
      'Тут починається захищена від підробки історія; 2 записи перед нею зроблено до того, як Factdesk її вів, і вони не захищені.',
    )
    expect(entry && historyText(entry, en)).toBe(
      'Tamper-evident history started here; the 2 entries before it were written before Factdesk kept one and are not covered.',
    )
    // As open-case.ts and project-store.ts's recover write them.
    const opened = `Opened from the case file bridge-case.zip (history head ${'a'.repeat(64)}) as bridge-2.factdesk.json, since bridge.factdesk.json was taken; attached files moved to bridge-2.files.`
    expect(historyText({ action: 'case.open', summary: opened }, uk)).toBe(
      'Відкрито з файлу справи bridge-case.zip як bridge-2.factdesk.json, бо назва bridge.factdesk.json уже зайнята; прикріплені файли перенесено разом із проєктом.',
    )
    expect(historyText({ action: 'project.recover', summary: 'Restored 5 unsaved edits from 09:41 UTC.' }, uk)).toBe(
      'Відновлено 5 незбережених змін від 09:41 UTC.',
    )
    expect(
      historyText(
        { action: 'project.recover', summary: 'Restored 2 unsaved edits from 09:41 UTC as a copy, because the project had changed since.' },
        uk,
      ),
    ).toBe('Відновлено 2 незбережені зміни від 09:41 UTC як копію, бо проєкт відтоді змінився.')
  })

  it('shows the stored English for an action this Factdesk does not know, or a summary not in its format', () => {
    expect(historyText({ action: 'claim.translate', summary: 'Translated “Wages rose” into Polish.' }, uk)).toBe(
      'Translated “Wages rose” into Polish.',
    )
    expect(historyText({ action: 'claim.verdict', summary: 'Verdict changed by a script.' }, uk)).toBe('Verdict changed by a script.')
  })
})

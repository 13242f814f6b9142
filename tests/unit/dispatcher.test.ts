import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES, tooLargeUpload } from '@contract/uploads'
import type { Envelope } from '@domain/errors'
import type { Dispatch } from '@engine/dispatcher'
import { testEngine } from '../helpers/projects'
import { translator } from '../helpers/translator'

describe('dispatcher', () => {
  let dispatch: Dispatch
  let home: string
  let close: () => Promise<void>

  beforeEach(async () => {
    ;({ dispatch, home, close } = await testEngine())
  })
  afterEach(async () => close())

  const filesInHome = async (): Promise<string[]> => readdir(home).catch(() => [])

  it('answers an unknown channel with an error envelope and writes nothing', async () => {
    const result = await dispatch('project:explode', {})
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no API channel named "project:explode".' } })
    expect(await filesInHome()).toEqual([])
  })

  it('rejects wrong types, naming the field, and writes nothing', async () => {
    const result = await dispatch('project:create', { title: 42, text: 'Some text.' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message).toContain('title')
    expect(await filesInHome()).toEqual([])
  })

  it('rejects missing fields and unknown fields', async () => {
    const missing = await dispatch('project:create', { title: 'No text' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!missing.ok) expect(missing.error.message).toContain('text')
    const extra = await dispatch('project:open', { path: '/tmp/a.factdesk.json', evil: true })
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const notAProject = await dispatch('project:open', { path: '/etc/passwd' })
    expect(notAProject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!notAProject.ok) expect(notAProject.error.message).toContain('.factdesk.json')
    expect(await filesInHome()).toEqual([])
  })

  it('says which chosen file it refused, and why, in the checker’s language: too large, or a case file not named .zip', async () => {
    const uk = translator('uk')
    const said = (result: Envelope<unknown>): string => {
      if (result.ok || !result.error.key) throw new Error(`expected a refusal with a catalogue key, got ${JSON.stringify(result)}`)
      return uk.t(`errors.${result.error.key}`, result.error.params ?? {})
    }
    const key = { fileName: 'factdesk-signing.pub', dataBase64: Buffer.alloc(12 * 1024).toString('base64') }
    const tooLarge = await dispatch('evidence:openCase', { fileName: 'case.zip', dataBase64: 'UEsFBg==', publicKey: key })
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(said(tooLarge)).toBe(
      '«factdesk-signing.pub» більший за 8 КБ, які Factdesk приймає для такого файлу, тож його не прочитано. Виберіть менший файл. Нічого не змінено.',
    )
    // The renderer refuses a chosen file by its size before reading it, with the same sentence.
    const video = tooLargeUpload('interview.mp4', MAX_ATTACHMENT_BYTES)
    expect(uk.t(`errors.${video.key}`, video.params)).toBe(
      '«interview.mp4» більший за 50 МБ, які Factdesk приймає для такого файлу, тож його не прочитано. Виберіть менший файл. Нічого не змінено.',
    )
    const notZip = await dispatch('evidence:openCase', { fileName: 'notes.txt', dataBase64: 'UEsFBg==' })
    expect(said(notZip)).toBe('«notes.txt» не вдається прочитати як .zip-файл, тож це не файл справи Factdesk.')
    // Invalid input no checker can give keeps the generic sentence.
    const wrong = await dispatch('project:create', { title: 42, text: 'Some text.' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(wrong.ok ? 'ok' : wrong.error.key).toBeUndefined()
    expect(await filesInHome()).toEqual([])
  })

  it('rejects input that is not an object at all', async () => {
    for (const input of ['text', 7, [1, 2], true]) {
      const result = await dispatch('project:create', input)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await filesInHome()).toEqual([])
  })

  it('round-trips a project: create, list, open', async () => {
    const created = await dispatch('project:create', { title: 'Bridge costs', text: 'The bridge cost €4 million.\n\nIt opened in 2019.' })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const opened = created.value as { path: string; project: { article: { title: string; text: string } } }
    expect(opened.path).toBe(join(home, 'bridge-costs.factdesk.json'))
    expect(opened.project.article.text).toBe('The bridge cost €4 million.\n\nIt opened in 2019.')

    const listed = await dispatch('project:list', {})
    expect(listed).toMatchObject({
      ok: true,
      value: { dir: home, projects: [{ title: 'Bridge costs', file: 'bridge-costs.factdesk.json' }] },
    })

    const reopened = await dispatch('project:open', { path: opened.path })
    expect(reopened).toMatchObject({ ok: true, value: { path: opened.path, project: { article: { title: 'Bridge costs' } } } })
  })

  it('proposes check-worthy sentences as suggested claims with their reasons, and scores a claim the checker makes', async () => {
    const text =
      'The ministry said the bridge cost €4.2 million, 30% more than planned.\n\nWhat a lovely day it was! Call 0800 123 456 for tickets.'
    const created = await dispatch('project:create', { title: 'Bridge', text })
    if (!created.ok) throw new Error(created.error.message)
    const { project, path } = created.value as {
      path: string
      project: { article: { language: string }; claims: { text: string; status: string; reasons: { kind: string; text: string }[] }[] }
    }
    expect(project.article.language).toBe('en')
    expect(project.claims.map((c) => [c.text, c.status])).toEqual([
      ['The ministry said the bridge cost €4.2 million, 30% more than planned.', 'suggested'],
    ])
    expect(project.claims[0]?.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['money', 'percentage', 'attribution']))
    const start = text.indexOf('30% more than planned')
    const made = await dispatch('claim:create', { path, start, end: start + '30% more than planned'.length })
    if (!made.ok) throw new Error(made.error.message)
    const claim = (
      made.value as {
        focus: string
        project: { claims: { id: string; score: number | null; reasons: { kind: string; text: string }[] }[] }
      }
    ).project.claims.find((c) => c.id === (made.value as { focus: string }).focus)
    expect(claim?.score).toBeGreaterThan(0)
    expect(claim?.reasons).toContainEqual(expect.objectContaining({ kind: 'percentage', text: '30%' }))
  })

  it('reports a missing file as NOT_FOUND naming the path', async () => {
    const path = join(home, 'nope.factdesk.json')
    const result = await dispatch('project:open', { path })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    if (!result.ok) expect(result.error.message).toContain(path)
  })
})

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeProject } from '@domain/project/codec'
import type { Dispatch } from '@engine/dispatcher'
import type { Services } from '@engine/services'
import { testEngine } from '../helpers/projects'
import { sampleProject } from '../fixtures/report/projects'

describe('report channels', () => {
  let close: () => Promise<void>
  let services: Services
  let path: string
  let dispatch: Dispatch
  beforeEach(async () => {
    let home: string
    ;({ services, dispatch, home, close } = await testEngine())
    path = join(home, 'trains.factdesk.json')
    await writeFile(path, serializeProject(sampleProject()))
    await services.handlers['project:open']({ path })
    await services.handlers['settings:set']({
      organisationName: 'Fact Desk Lab',
      organisationUrl: 'https://factdesk.example.org',
      organisationLogo: 'https://factdesk.example.org/logo.png',
    })
  })
  afterEach(async () => close())

  it('refuses a ClaimReview that lacks what publishing needs, naming each field; a draft shows them instead', async () => {
    const refused = await dispatch('report:render', { path, format: 'claimreview' })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INCOMPLETE',
        key: 'INCOMPLETE',
        message:
          'The ClaimReview was not written: it needs the fact check’s address (the URL of the published review); the fact check’s publication date. Give them in the Export dialog (and the claims’ Claimant) and export again.',
        params: { missing: 'the fact check’s address (the URL of the published review); the fact check’s publication date' },
      },
    })
    const draft = await dispatch('report:render', { path, format: 'claimreview', draft: true })
    expect(draft).toMatchObject({
      ok: true,
      value: { missing: ['the fact check’s address (the URL of the published review)', 'the fact check’s publication date'] },
    })
  })

  it('publishes the Done claims by default once the project knows where and when, and says what was left out', async () => {
    await services.handlers['report:setPublication']({
      path,
      fields: { reviewUrl: 'https://factdesk.example.org/checks/trains', publishedAt: '2026-11-28' },
    })
    const rendered = await services.handlers['report:render']({ path, format: 'claimreview', includeArticle: true, draft: false })
    const reviews = JSON.parse(rendered.content) as { url: string; datePublished: string }[]
    expect(reviews).toHaveLength(3)
    expect(reviews.every((r) => r.url === 'https://factdesk.example.org/checks/trains' && r.datePublished === '2026-11-28')).toBe(true)
    expect(rendered.missing).toEqual([])
    expect(rendered.warnings).toContain('Left out: 2 claims not Done (1 in progress, 1 needs review).')
    const csv = await services.handlers['report:render']({ path, format: 'csv', includeArticle: true, draft: false })
    expect(csv.content.split('\r\n').filter(Boolean)).toHaveLength(6)
  })
})

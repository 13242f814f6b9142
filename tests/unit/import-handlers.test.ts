import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dispatch } from '@engine/dispatcher'
import { testEngine } from '../helpers/projects'

describe('the review form’s import channels', () => {
  let dispatch: Dispatch
  let close: () => Promise<void>

  beforeAll(async () => {
    ;({ dispatch, close } = await testEngine())
  })
  afterAll(() => close())

  it('gives a pasted story the title it will use and the lines it may take out', async () => {
    const text = 'Львів відкриє ще шість бібліотек\n\nАвтор: Олена Гнатюк\n\nМіська рада ухвалила рішення в четвер, повідомила пресслужба.'
    expect(await dispatch('project:importText', { text })).toEqual({
      ok: true,
      value: {
        text,
        title: 'Львів відкриє ще шість бібліотек',
        outlet: '',
        author: '',
        url: '',
        publishedAt: '',
        language: 'uk',
        format: 'text',
        warnings: [],
        fileName: '',
        origin: null,
        recognised: [
          { kind: 'headline', start: 0, end: 32, fills: { title: 'Львів відкриє ще шість бібліотек' } },
          { kind: 'byline', start: 34, end: 53, fills: { author: 'Олена Гнатюк' } },
        ],
      },
    })
  })

  it('shows the title a text file will get, cut at a word, instead of an empty one', async () => {
    const first =
      'Міська рада Львова ухвалила рішення відкрити шість нових бібліотек до кінця 2026 року, на що виділять 48 мільйонів гривень, повідомила пресслужба.'
    const bytes = Buffer.from(`${first}\n\nЦе вдвічі більше, ніж торік.`)
    const answer = await dispatch('project:importFile', { fileName: 'lviv.txt', dataBase64: bytes.toString('base64') })
    expect(answer).toMatchObject({
      ok: true,
      value: {
        title: 'Міська рада Львова ухвалила рішення відкрити шість нових бібліотек до кінця 2026 року, на що виділять 48 мільйонів…',
        recognised: [],
        // The file as it came, byte for byte: what the project records as the article's origin.
        origin: { fileName: 'lviv.txt', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength },
      },
    })
  })

  it('keeps a title the checker typed', async () => {
    const answer = await dispatch('project:importText', {
      text: 'Fares rise by 4.6% in March.\n\nThe operator said so.',
      title: 'Rail fares',
    })
    expect(answer).toMatchObject({ ok: true, value: { title: 'Rail fares', recognised: [] } })
  })
})

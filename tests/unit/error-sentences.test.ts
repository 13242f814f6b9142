import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importNoteText } from '@contract/i18n/import-notes'
import { AppError } from '@domain/errors'
import { importBytes, importPastedText } from '@engine/import'
import type { Services } from '@engine/services'
import { testEngine } from '../helpers/projects'
import { translator } from '../helpers/translator'

const uk = translator('uk')

/** What the UI shows for a failure in Ukrainian (api/client.ts messageOf): the catalogue's sentence for the error's key, with its values. */
function ukrainian(error: unknown): string {
  if (!(error instanceof AppError) || !error.key) throw new Error(`No catalogue key on ${String(error)}`)
  const key = `errors.${error.key}`
  const said = uk.t(key, error.params ?? {})
  // i18next answers a key it does not have with the key itself.
  expect(said).not.toBe(key)
  return said
}

async function failure(work: () => unknown): Promise<unknown> {
  try {
    await work()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('errors that reach the checker say the precise sentence in Ukrainian', () => {
  it.each([
    ['notes.odt', Buffer.from('plain words'), 'Не вдалося імпортувати «notes.odt»: формат OpenDocument (.odt) не підтримується.'],
    ['song.mp3', Buffer.from('ID3 not an article'), 'Не вдалося імпортувати «song.mp3»: файли .mp3 не підтримуються.'],
    ['photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'Не вдалося імпортувати «photo.jpg»: це зображення, у ньому немає тексту.'],
    ['report.pdf', Buffer.from('not a pdf at all'), 'Не вдалося імпортувати «report.pdf»: файл має розширення .pdf, але це не PDF.'],
    ['empty.md', Buffer.from(''), 'Не вдалося імпортувати «empty.md»: файл порожній.'],
    ['blank.txt', Buffer.from('   \n  '), 'Не вдалося імпортувати «blank.txt»: у ньому немає тексту.'],
  ])('an import of %s names the file and the reason', async (name, bytes, expected) => {
    expect(ukrainian(await failure(() => importBytes(new Uint8Array(bytes), name)))).toContain(expected)
  })

  it('pasted text: empty, and longer than a project holds, with the count in Ukrainian digits and plural', async () => {
    expect(ukrainian(await failure(() => importPastedText('  ')))).toBe('Вставлений текст порожній: вставте текст статті.')
    expect(ukrainian(await failure(() => importPastedText('а'.repeat(2_000_001))))).toMatch(
      /^У вставленому тексті 2\s000\s001 символ, а проєкт вміщує до 2\s000\s000\. /,
    )
  })

  describe('edits', () => {
    let close: () => Promise<void>
    let services: Services
    let h: Services['handlers']
    let path: string
    const TEXT = 'Wages rose 3% over the year. Prices rose 5%. Critics call that a stretch.'
    beforeEach(async () => {
      ;({ services, close } = await testEngine({ proposeClaims: false }))
      h = services.handlers
      path = (await h['project:create']({ title: 'Jobs', text: TEXT, outlet: '', author: '', url: '', publishedAt: '', language: 'en' }))
        .path
    })
    afterEach(async () => close())
    const range = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length })

    it('names the claim, the claims a merge would join over other text, and why there is nothing to approve or redo', async () => {
      const wages = (await h['claim:create']({ path, ...range('Wages rose 3% over the year.') })).focus!
      const critics = (await h['claim:create']({ path, ...range('Critics call that a stretch.') })).focus!
      expect(ukrainian(await failure(() => h['claim:create']({ path, ...range('Wages rose 3% over the year.') })))).toBe(
        'Цей текст уже є твердженням «Wages rose 3% over the year.».',
      )
      expect(ukrainian(await failure(() => h['claim:merge']({ path, ids: [wages, critics] })))).toMatch(
        /^Між «Wages rose 3% over the year.» і «Critics call that a stretch.» є текст, що не входить до жодного з них/,
      )
      expect(ukrainian(await failure(() => h['claim:approve']({ path, id: wages })))).toBe(
        'Твердження «Wages rose 3% over the year.» ще не має вердикту: схвалювати нічого.',
      )
      expect(ukrainian(await failure(() => h['project:redo']({ path })))).toBe('Немає чого повторювати.')
    })
  })

  it('names who holds a project in Ukrainian, from the lock’s data', () => {
    const holder = { name: 'Ana', user: 'ana', host: 'laptop', edition: 'desktop', since: '14:05' }
    expect(uk.t('banners.holder', holder)).toBe('Ana (ana на laptop, настільна програма, з 14:05 UTC)')
    expect(uk.t('banners.holder', { ...holder, edition: 'browser', since: 'none' })).toBe('Ana (ana на laptop, браузерна версія)')
  })
})

describe('import notes in Ukrainian', () => {
  it('says each note the import writes in Ukrainian, with the file, the encoding or the count', async () => {
    const docx = await importBytes(
      new Uint8Array(await readFile(join(import.meta.dirname, '../fixtures/import/ukrainian.docx'))),
      'lviv.txt',
    )
    const cp1251 = await importBytes(new Uint8Array(Buffer.from([0xd6, 0xe5, 0x20, 0xf1, 0xf2, 0xe0, 0xf2, 0xf2, 0xff, 0x2e])), 'note.txt')
    const yaml = await importBytes(new Uint8Array(Buffer.from('---\ntitle: [unclosed\n---\n\nWages rose 3% over the year.\n')), 'post.md')
    const said = [...docx.warnings, ...cp1251.warnings, ...yaml.warnings].map((note) => importNoteText(note, uk))
    expect(said).toEqual([
      '«lviv.txt» — це документ Word (.docx), хоч назва каже інше, тож його прочитано відповідно.',
      expect.stringMatching(/^Файл не в UTF-8; його прочитано як windows-125\d\. /),
      'Блок метаданих на початку файлу не є коректним YAML, тож заголовок, автора й дату з нього не прочитано.',
    ])
  })

  it('reads the PDF notes with their counts, and shows a note in no known format as written', () => {
    expect(importNoteText('Pages 2, 5 of the PDF have no text layer; if they are scanned, their words are missing.', uk)).toBe(
      'На сторінках 2, 5 PDF немає текстового шару; якщо це скани, їхніх слів бракує.',
    )
    expect(
      importNoteText(
        '3 words were hyphenated across lines and joined without the hyphen (reli-able; in-come; data-base); check them against the PDF.',
        uk,
      ),
    ).toBe('3 слова було перенесено з рядка на рядок і з’єднано без дефіса (reli-able; in-come; data-base); звірте їх із PDF.')
    expect(importNoteText('A note from a newer Factdesk.', uk)).toBe('A note from a newer Factdesk.')
  })
})

describe('project files and the projects folder', () => {
  it('names the file a newer Factdesk saved, with both schema versions, and a folder that is not a full path', async () => {
    const { decodeProject } = await import('@domain/project/codec')
    const newer = await failure(() => decodeProject(new TextEncoder().encode('{"schemaVersion": 99}'), 'budget.factdesk.json'))
    expect(ukrainian(newer)).toMatch(
      /^«budget\.factdesk\.json» збережено новішою версією Factdesk \(схема 99\); ця версія читає до схеми \d+\. /,
    )
    expect(ukrainian(await failure(() => decodeProject(new Uint8Array(), 'empty.factdesk.json')))).toMatch(
      /^«empty\.factdesk\.json» порожній \(0 байтів\)\./,
    )
    const { checkProjectsFolder } = await import('@engine/access')
    expect(ukrainian(await failure(() => checkProjectsFolder('Documents/Factdesk', 'linux')))).toBe(
      'Тека проєктів: «Documents/Factdesk» — не повний шлях; укажіть такий, як /home/you/Documents/Factdesk.',
    )
  })
})

describe('fact-check archives and the claim memory', () => {
  it('says why an archive was not imported, with the file, the column or the count', async () => {
    const { reviewsFromFile, reviewsFromCsvRows } = await import('@domain/memory/archive')
    const { csvColumns, reviewsOf } = await import('@engine/memory/archive-files')
    expect(ukrainian(await failure(() => reviewsFromFile('feed.json', '{"broken": ')))).toMatch(/^«feed\.json» не є коректним JSON \(/)
    expect(ukrainian(await failure(() => reviewsFromFile('page.html', '<html><body>No reviews here.</body></html>')))).toMatch(
      /^У «page\.html» немає фактчеків, які Factdesk може прочитати/,
    )
    expect(ukrainian(await failure(() => reviewsFromCsvRows('checks.csv', [{ Claim: '', Verdict: 'False' }], { claim: 'Claim' })))).toBe(
      'Жоден рядок «checks.csv» не має твердження в стовпці «Claim». Виберіть стовпець, у якому твердження. Нічого не імпортовано.',
    )
    expect(ukrainian(await failure(() => reviewsOf('checks.csv', 'Claim,Verdict\nA,False\n')))).toMatch(
      /^«checks\.csv» — CSV-файл: укажіть, у якому стовпці твердження/,
    )
    expect(ukrainian(await failure(() => csvColumns('empty.csv', '')))).toBe(
      'У «empty.csv» немає рядка заголовків із назвами стовпців. Нічого не імпортовано.',
    )
  })

  it('says an archive removed behind the app is gone, through the API as the library screen calls it', async () => {
    const { services, close } = await testEngine()
    try {
      const error = await failure(() => services.handlers['memory:removeArchive']({ file: 'archives/gone.factdesk-archive.json' }))
      expect(ukrainian(error)).toBe('Архіву «archives/gone.factdesk-archive.json» уже немає в теці проєктів.')
    } finally {
      await close()
    }
  })
})

import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import JSZip from 'jszip'
import ts from 'typescript'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importNoteText } from '@contract/i18n/import-notes'
import { AppError } from '@domain/errors'
import { importBytes, importPastedText } from '@engine/import'
import { ProjectStore } from '@engine/project-store'
import type { Services } from '@engine/services'
import { testEngine } from '../helpers/projects'
import { catalogues, translator } from '../helpers/translator'

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

describe('the project store, case files, team sharing and exports say what failed in Ukrainian', () => {
  let engine: Awaited<ReturnType<typeof testEngine>>
  let h: Services['handlers']
  const TEXT = 'Wages rose 3% over the year. Prices rose 5%.'
  const create = async (title = 'Jobs'): Promise<string> =>
    (await h['project:create']({ title, text: TEXT, outlet: '', author: '', url: '', publishedAt: '', language: 'en' })).path
  const addClaim = (path: string) => h['claim:create']({ path, start: 0, end: TEXT.indexOf('.') + 1 })
  beforeEach(async () => {
    engine = await testEngine({ proposeClaims: false })
    h = engine.services.handlers
  })
  afterEach(async () => {
    // A folder made read-only by a test is given back its write bits, so the engine's folder can be removed.
    await chmod(engine.home, 0o755)
    await engine.close()
  })

  it('a project file made read-only: an edit names the file and says to save a copy', async () => {
    const path = await create()
    await h['project:close']({ path })
    await chmod(path, 0o444)
    await h['project:open']({ path })
    expect(ukrainian(await failure(() => addClaim(path)))).toBe(
      `Файл «${path}» доступний лише для читання, тож Factdesk його не змінюватиме. Щоб працювати з ним, збережіть копію.`,
    )
  })

  it('a project another checker has open: an edit names them, their computer and the edition', async () => {
    const path = await create()
    await h['project:close']({ path })
    const elsewhere = new ProjectStore({
      holder: () => ({ name: 'Dana', user: 'dana', host: 'newsroom-7', pid: process.pid, edition: 'browser', since: '' }),
    })
    await elsewhere.open(path)
    try {
      await h['project:open']({ path })
      expect(ukrainian(await failure(() => addClaim(path)))).toBe(
        'Цей проєкт відкрито в іншого користувача: Dana (dana на newsroom-7, браузерна версія), тож тут він лише для читання. Перебирайте його, тільки якщо там із ним закінчили, або збережіть копію.',
      )
    } finally {
      await elsewhere.closeAll()
    }
  })

  it('a projects folder made read-only: an edit names the folder', async () => {
    const path = await create()
    await h['project:close']({ path })
    await chmod(engine.home, 0o555)
    await h['project:open']({ path })
    expect(ukrainian(await failure(() => addClaim(path)))).toBe(
      `Тека «${dirname(path)}» доступна лише для читання, тож зберегти цей проєкт у ній не можна. Щоб працювати з ним, збережіть копію.`,
    )
  })

  it('a new project in a folder the system will not write: says so, unless the tests run as root, which writes anyway', async (context) => {
    await chmod(engine.home, 0o555)
    const probe = join(engine.home, 'probe')
    const writesAnyway = await writeFile(probe, '').then(
      () => rm(probe).then(() => true),
      () => false,
    )
    if (writesAnyway) {
      console.warn('skipped: this process (root) writes into a folder without write permission, so a denied write cannot happen here')
      context.skip()
    }
    const error = await failure(() => create('Denied'))
    expect(ukrainian(error)).toMatch(
      /^Не вдалося створити «.+denied\.factdesk\.json»: доступ заборонено \(файл або його тека — лише для читання\)\. /,
    )
  })

  it('a project file that is gone or a folder: names it, and what to do', async () => {
    const gone = join(engine.home, 'gone.factdesk.json')
    expect(ukrainian(await failure(() => h['project:open']({ path: gone })))).toBe(
      `Не вдалося відкрити «${gone}»: такого файлу немає. Можливо, його перемістили, перейменували чи видалили; відкрийте його знову зі списку проєктів.`,
    )
    const folder = join(engine.home, 'folder.factdesk.json')
    await mkdir(folder)
    expect(ukrainian(await failure(() => h['project:open']({ path: folder })))).toBe(
      `«${folder}» — не звичайний файл (це тека, канал або пристрій), тож це не проєкт. Нічого не змінено.`,
    )
  })

  it('a damaged project file and one of a newer schema, opened from the projects folder', async () => {
    const damaged = join(engine.home, 'damaged.factdesk.json')
    await writeFile(damaged, '{"schemaVersion": 3, "article": ')
    expect(ukrainian(await failure(() => h['project:open']({ path: damaged })))).toMatch(
      /^«.+damaged\.factdesk\.json» уривається до кінця JSON/,
    )
    const newer = join(engine.home, 'newer.factdesk.json')
    await writeFile(newer, '{"schemaVersion": 99}')
    expect(ukrainian(await failure(() => h['project:open']({ path: newer })))).toMatch(
      /^«.+newer\.factdesk\.json» збережено новішою версією Factdesk \(схема 99\)/,
    )
  })

  it('a project changed on disk by another program: the next edit and a rename name the file', async () => {
    const path = await create()
    await addClaim(path)
    await h['project:awaitSave']({ path })
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as { article: { title: string } }
    onDisk.article.title = 'Changed elsewhere'
    await writeFile(path, JSON.stringify(onDisk, null, 2))
    await h['claim:create']({ path, start: TEXT.indexOf('Prices'), end: TEXT.length })
    await h['project:awaitSave']({ path })
    expect(ukrainian(await failure(() => h['claim:create']({ path, start: 0, end: 'Wages'.length })))).toBe(
      `Відколи «${path}» відкрито, його змінили або видалили поза Factdesk, тож Factdesk його не перезаписав. Перезавантажте його з диска або збережіть свою версію як копію.`,
    )
    expect(ukrainian(await failure(() => h['project:rename']({ path, title: 'Other' })))).toBe(
      `«${path}» змінили поза Factdesk, і його не збережено. Спершу перезавантажте його або збережіть свою версію як копію. Нічого не перейменовано й не переміщено.`,
    )
  })

  it('a case file that is not a zip, one without its manifest, and a public key that is not a key', async () => {
    const open = (fileName: string, bytes: Uint8Array, publicKey?: { fileName: string; dataBase64: string }) =>
      h['evidence:openCase']({ fileName, dataBase64: Buffer.from(bytes).toString('base64'), ...(publicKey ? { publicKey } : {}) })
    expect(ukrainian(await failure(() => open('case.zip', Buffer.from('not a zip at all'))))).toBe(
      '«case.zip» не вдається прочитати як .zip-файл, тож це не файл справи Factdesk. Нічого не розпаковано.',
    )
    const zip = new JSZip()
    zip.file('story.factdesk.json', '{}')
    const noManifest = await zip.generateAsync({ type: 'uint8array' })
    expect(ukrainian(await failure(() => open('story.case.zip', noManifest)))).toBe(
      'У «story.case.zip» немає MANIFEST.json, тож це не файл справи Factdesk.',
    )
    const { readKeyFile, generateSigningKeys } = await import('@engine/evidence/case-file')
    const publicPem = Buffer.from(generateSigningKeys().publicKeyPem)
    expect(ukrainian(await failure(() => readKeyFile(publicPem, 'factdesk-signing.pub', 'private')))).toBe(
      '«factdesk-signing.pub» містить публічний ключ, а не приватний ключ. Виберіть приватний ключ підпису організації (factdesk-signing.key, створений командою factdesk keygen).',
    )
    const key = { fileName: 'org.pub', dataBase64: Buffer.from('just some words').toString('base64') }
    expect(ukrainian(await failure(() => open('story.case.zip', noManifest, key)))).toBe(
      '«org.pub» — не ключ у форматі PEM (текст між рядками -----BEGIN …----- та -----END …-----). Виберіть публічний ключ організації (factdesk-signing.pub, створений командою factdesk keygen).',
    )
  })

  it('a sync of a projects folder that is not a team repository, and sharing into a folder that is not empty', async () => {
    expect(ukrainian(await failure(() => h['team:sync']({})))).toBe(
      `Тека проєктів «${engine.home}» ще не спільна; спершу натисніть «Почати спільну роботу».`,
    )
    const remote = join(engine.dir, 'usb-stick')
    await mkdir(remote)
    await writeFile(join(remote, 'holiday.jpg'), 'not a repository')
    expect(ukrainian(await failure(() => h['team:startSharing']({ remote })))).toBe(
      `Тека «${remote}» не порожня й не є спільним репозиторієм Factdesk; виберіть порожню теку або наявну теку команди.`,
    )
  })

  it('a dialog the browser edition has not, and a damaged PDF', async () => {
    expect(ukrainian(await failure(() => h['app:chooseProject']({})))).toBe(
      'Вибрати файл проєкту через діалог можна лише в настільній програмі.',
    )
    expect(ukrainian(await failure(() => importBytes(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'), 'broken.pdf')))).toBe(
      'Не вдалося імпортувати «broken.pdf»: файл пошкоджено або це не PDF.',
    )
  })
})

/**
 * `new AppError(` sites that may stay without a catalogue key, each with why: a checker never
 * meets them in the app, so the English sentence is all anyone reads. Any other site without a
 * key fails the test below; give it a key (and en + uk sentences) rather than adding it here.
 */
const WITHOUT_KEY: Record<string, { sites: number; why: string }> = {
  // The CLI's own messages stay English by decision (docs/i18n.md); no UI shows them.
  'src/cli/commands/archive.ts': { sites: 3, why: 'CLI --column parsing' },
  'src/cli/commands/case.ts': { sites: 1, why: 'CLI keygen target exists' },
  'src/cli/commands/export.ts': { sites: 2, why: 'CLI --lang and -o checks' },
  'src/cli/commands/match.ts': { sites: 3, why: 'CLI corpus reading' },
  'src/cli/commands/merge.ts': { sites: 1, why: 'CLI merge driver reading its files' },
  'src/cli/commands/new.ts': { sites: 3, why: 'CLI standard input checks' },
  'src/cli/commands/sentences.ts': { sites: 1, why: 'CLI --lang check' },
  'src/cli/io.ts': { sites: 1, why: 'CLI file reading' },
  'src/cli/serve/run.ts': { sites: 2, why: 'CLI serve --port and build checks' },
  // Programmer errors: no input a checker gives reaches them.
  'src/domain/project/merge-files.ts': { sites: 1, why: 'a merge of two valid projects giving an invalid one is a bug' },
  'src/engine/import/import-jobs.ts': { sites: 1, why: 'the renderer makes each import id unique' },
  'src/engine/memory/worker-entry.ts': { sites: 1, why: 'the memory service always opens the index before asking it' },
  'src/engine/project-store.ts': { sites: 1, why: 'edits only append history; a rewrite is a bug' },
}

describe('every engine error a checker can meet has a catalogue key', () => {
  it('finds no `new AppError(` without a key outside the commented allow-list', async () => {
    const root = join(import.meta.dirname, '../..')
    const files = (await readdir(join(root, 'src'), { recursive: true }))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => `src/${file.split('\\').join('/')}`)
    const without: Record<string, number> = {}
    const literalKeys = new Set<string>()
    let sites = 0
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8')
      if (!text.includes('new AppError(')) continue
      const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node) && node.expression.getText() === 'AppError') {
          sites++
          const options = node.arguments?.[2]
          // Options built elsewhere (a variable, a spread) are read as keyed: the sentence tests hold them.
          const keyed =
            options !== undefined &&
            (!ts.isObjectLiteralExpression(options) ||
              options.properties.some((p) => ts.isSpreadAssignment(p) || p.name.getText() === 'key'))
          if (!keyed) without[file] = (without[file] ?? 0) + 1
          const key =
            options && ts.isObjectLiteralExpression(options) ? options.properties.find((p) => p.name?.getText() === 'key') : undefined
          const value = key && ts.isPropertyAssignment(key) ? key.initializer : undefined
          const literals = value && ts.isConditionalExpression(value) ? [value.whenTrue, value.whenFalse] : value ? [value] : []
          for (const literal of literals) if (ts.isStringLiteral(literal)) literalKeys.add(literal.text)
        }
        ts.forEachChild(node, visit)
      }
      visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true))
    }
    // A scan that found nothing would pass vacuously.
    expect(sites).toBeGreaterThan(100)
    expect(without).toEqual(Object.fromEntries(Object.entries(WITHOUT_KEY).map(([file, { sites: n }]) => [file, n])))
    // A key written as a literal has its sentence in both catalogues (keys built from parts are held by the sentence tests above).
    expect(literalKeys.size).toBeGreaterThan(50)
    const sentence = (language: string, key: string): unknown =>
      `errors.${key}`.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], catalogues[language])
    const missing = (language: string) => [...literalKeys].filter((key) => typeof sentence(language, key) !== 'string')
    expect({ en: missing('en'), uk: missing('uk') }).toEqual({ en: [], uk: [] })
  })
})

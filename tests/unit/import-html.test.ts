import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { importBytes, importFile } from '@engine/import'
import { encodeLegacy } from '../fixtures/import/encode'

const FIXTURES = join(import.meta.dirname, '../fixtures/import')

const UKRAINIAN_PARAGRAPHS = [
  'Львівська міська рада в четвер ухвалила рішення збільшити фінансування публічних бібліотек удвічі: з 21 до 42 мільйонів гривень на рік. Це найбільше зростання з 2008 року, повідомили в пресслужбі ради.',
  '«Бібліотеки — це місця, де люди перевіряють факти», — сказала депутатка Ганна Коваль. За її словами, години роботи бібліотек зростуть на 20 відсотків, а шість філій працюватимуть і в неділю.',
  'Гроші візьмуть із резервного фонду міста, у якому, за даними річного звіту, зараз близько 90 мільйонів гривень. Опозиція вважає, що ці кошти потрібні на ремонт доріг.',
]

/** A Ukrainian news page as an older site serves it: Windows-1251, declared in a meta tag, Open Graph metadata. */
const UKRAINIAN_PAGE = `<!DOCTYPE html>
<html lang="uk">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Львів удвічі збільшить фінансування бібліотек — Львівський вісник</title>
<meta property="og:title" content="Львів удвічі збільшить фінансування бібліотек">
<meta property="og:site_name" content="Львівський вісник">
<meta property="og:url" content="https://visnyk.example.com.ua/news/biblioteky">
<link rel="canonical" href="/news/biblioteky-2025">
<meta name="author" content="Олена Гнатюк">
<meta property="article:published_time" content="2025-02-06T18:05:00+02:00">
</head>
<body>
<div class="menu"><a href="/">Головна</a> | <a href="/news">Новини</a> | <a href="/sport">Спорт</a></div>
<div class="content">
<h1>Львів удвічі збільшить фінансування бібліотек</h1>
${UKRAINIAN_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</div>
<div class="footer">© Львівський вісник, 2025</div>
</body>
</html>`

const RUSSIAN_PARAGRAPHS = [
  'Городская дума Новосибирска утвердила бюджет на 2025 год. Доходы составят 68,4 миллиарда рублей, расходы — 71,2 миллиарда, следует из опубликованного решения.',
  'Дефицит покроют за счёт банковских кредитов. По словам мэра, муниципальный долг не превысит 30 процентов собственных доходов города, как того требует Бюджетный кодекс.',
  'Депутаты от оппозиции голосовали против: они считают, что расходы на ремонт школ занижены почти вдвое по сравнению с прошлым годом.',
]

/** A Russian page saved by a browser: UTF-8 without a charset declaration, JSON-LD in a @graph, the address in a comment. */
const RUSSIAN_PAGE = `<!DOCTYPE html>
<!-- saved from url=(0049)https://gazeta.example.ru/politics/budget-2025.html -->
<html>
<head>
<title>Бюджет Новосибирска утверждён | Сибирская газета</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Сибирская газета"},
 {"@type":"NewsArticle","headline":"Бюджет Новосибирска утверждён","inLanguage":"ru-RU","datePublished":"2024-12-19",
  "author":[{"@type":"Person","name":"Ирина Соколова"},{"@type":"Person","name":"Павел Орлов"}],
  "publisher":{"@type":"Organization","name":"Сибирская газета"}}
]}
</script>
<script>document.title = 'changed by a script'</script>
</head>
<body>
<nav><a href="/">Главная</a></nav>
<article>
<h1>Бюджет Новосибирска утверждён</h1>
${RUSSIAN_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
<table><tr><th>Статья</th><th>Млрд руб.</th></tr><tr><td>Доходы</td><td>68,4</td></tr></table>
</article>
<aside><h3>Читайте также</h3><p><a href="/x">Другая новость</a></p></aside>
</body>
</html>`

/** The headline the page's first paragraph repeats, offered for taking out of the text as the title. */
const headline = (title: string) => ({ kind: 'headline', start: 0, end: title.length, fills: { title } })

describe('importing saved web pages', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('extracts the article and its metadata from an English page with Open Graph and JSON-LD', async () => {
    expect(await importFile(join(FIXTURES, 'article.html'))).toEqual({
      text: [
        'Council doubles library budget',
        'By Priya Natarajan',
        'The city council voted on Thursday to double the budget for public libraries, from £2.1 million to £4.2 million a year, the largest increase since 1998.',
        '“Libraries are where people check facts,” said councillor Mark Jones. He added that opening hours would rise by 20 per cent.',
        'Where the money comes from',
        'The extra funding will come from the parking reserve, which holds about £9 million according to the council’s annual accounts.',
        'Six branches will open on Sundays.',
        'Two mobile libraries will be bought.',
        'Opposition members said the reserve was needed for road repairs.\nThe vote was 31 to 12.',
      ].join('\n\n'),
      title: 'Council doubles library budget',
      outlet: 'The Example Herald',
      author: 'Priya Natarajan',
      url: 'https://www.example-news.test/politics/budget-2025',
      publishedAt: '2025-03-14',
      language: 'en',
      format: 'html',
      encoding: 'utf-8',
      warnings: [],
      recognised: [
        headline('Council doubles library budget'),
        { kind: 'byline', start: 32, end: 50, fills: { author: 'Priya Natarajan' } },
      ],
    })
  })

  it('reads a Windows-1251 Ukrainian page by its meta charset, resolving a relative canonical link', async () => {
    expect(await importBytes(encodeLegacy(UKRAINIAN_PAGE, 'windows-1251'), 'biblioteky.htm')).toEqual({
      text: ['Львів удвічі збільшить фінансування бібліотек', ...UKRAINIAN_PARAGRAPHS].join('\n\n'),
      title: 'Львів удвічі збільшить фінансування бібліотек',
      outlet: 'Львівський вісник',
      author: 'Олена Гнатюк',
      url: 'https://visnyk.example.com.ua/news/biblioteky-2025',
      publishedAt: '2025-02-06',
      language: 'uk',
      format: 'html',
      encoding: 'windows-1251',
      warnings: [],
      recognised: [headline('Львів удвічі збільшить фінансування бібліотек')],
    })
  })

  it('reads a Russian page by JSON-LD in a @graph, with the address from the "saved from" comment', async () => {
    expect(await importBytes(Buffer.from(RUSSIAN_PAGE), 'budget.html')).toEqual({
      text: ['Бюджет Новосибирска утверждён', ...RUSSIAN_PARAGRAPHS, 'Статья | Млрд руб.', 'Доходы | 68,4'].join('\n\n'),
      title: 'Бюджет Новосибирска утверждён',
      outlet: 'Сибирская газета',
      author: 'Ирина Соколова, Павел Орлов',
      url: 'https://gazeta.example.ru/politics/budget-2025.html',
      publishedAt: '2024-12-19',
      language: 'ru',
      format: 'html',
      encoding: 'utf-8',
      warnings: [],
      recognised: [headline('Бюджет Новосибирска утверждён')],
    })
  })

  it('runs no script and fetches nothing', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network')))
    vi.stubGlobal('fetch', fetch)
    const page = RUSSIAN_PAGE.replace(
      '<nav>',
      '<script>document.body.innerHTML = "HIJACKED"</script><img src="https://tracker.example.net/p.gif"><iframe src="https://ads.example.net/"></iframe><nav>',
    )
    const result = await importBytes(Buffer.from(page), 'budget.html')
    expect(result.text).toContain(RUSSIAN_PARAGRAPHS[0])
    expect(result.text).not.toContain('HIJACKED')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('reads a page that is not an article whole, without its navigation and footer, and says so', async () => {
    const page =
      '<!doctype html><html lang="de"><head><title>Kurzmeldung</title></head><body><header>Stadtanzeiger</header><nav><a href="/">Start</a></nav><main><p>Die Stadt senkt die Grundsteuer um 5 Prozent.</p><p>Das beschloss der Rat am Montag.</p></main><footer>Impressum</footer></body></html>'
    expect(await importBytes(Buffer.from(page), 'kurz.html')).toEqual({
      text: 'Die Stadt senkt die Grundsteuer um 5 Prozent.\n\nDas beschloss der Rat am Montag.',
      title: 'Kurzmeldung',
      outlet: '',
      author: '',
      url: '',
      publishedAt: '',
      language: 'de',
      format: 'html',
      encoding: 'utf-8',
      warnings: [
        'The page did not look like an article, so all of its text except menus, headers and footers was imported; remove anything that is not part of the article.',
      ],
      recognised: [],
    })
  })

  it('reads a saved page that lost its extension as a web page', async () => {
    const bytes = await readFile(join(FIXTURES, 'article.html'))
    const result = await importBytes(bytes, 'budget-2025')
    expect(result.format).toBe('html')
    expect(result.title).toBe('Council doubles library budget')
    expect(result.warnings).toEqual(['"budget-2025" is a web page despite its name, so it was read as one.'])
  })
})

import { describe, expect, it } from 'vitest'
import { nameKey, terms } from '@domain/memory/analyze'
import { reviewsFromFile } from '@domain/memory/archive'
import { claimTextOf, MemoryIndex, postSignatureOf } from '@domain/memory/matcher'
import { extractNumbers } from '@domain/memory/numbers'

describe('claim memory: numbers, names and word forms', () => {
  it('reads one figure however it is written, in every language Factdesk splits', () => {
    for (const written of ['1,000', '1000', '1 000', '1.000', 'a thousand', 'тисяча', 'тысяча', '1k'])
      expect(extractNumbers(written)).toEqual(['1000'])
    expect(extractNumbers('20 тисяч гривень')).toEqual(['20000'])
    expect(extractNumbers('two million people')).toEqual(['2000000'])
    expect(extractNumbers('10 percent, 10% and 10 відсотків')).toEqual(['10%'])
    expect(extractNumbers('1,5 and 1.5')).toEqual(['1.5'])
  })

  it('gives a name one key across Cyrillic and Latin spellings and its cases', () => {
    const zelensky = nameKey('zelensky')
    for (const spelling of ['Зеленський', 'Зеленский', 'Zelenskyy', 'Зеленського']) expect(nameKey(spelling.toLowerCase())).toBe(zelensky)
    expect(nameKey('київ')).toBe(nameKey('kyiv'))
    expect(nameKey('merkel')).not.toBe(zelensky)
  })

  it('stems word forms and folds accents and apostrophe variants to one term', () => {
    expect(terms('цінами урядом', 'uk')).toEqual(terms('ціни уряду', 'uk'))
    expect(terms('зарплаты', 'ru')).toEqual(terms('зарплата', 'ru'))
    expect(terms('l’économie', 'fr')).toHaveLength(1)
    expect(terms('l’économie', 'fr')).toEqual(terms("L'ECONOMIE", 'fr'))
    expect(terms('not true')).toContain('not')
  })

  it('takes a pasted post’s signature and links out of the claim, and reads handles and hashtags as their words', () => {
    const said = (text: string): string => claimTextOf(text).replace(/\s+/g, ' ').trim()
    expect(said('Masks cut infections by 80% pic.twitter.com/abc https://t.co/x — Jane Doe (@jdoe) January 6, 2020')).toBe(
      'Masks cut infections by 80%',
    )
    expect(said('A letter from @SenJohnMcCain to Russia #WW3pic.twitter.com/abc')).toBe('A letter from Sen John Mc Cain to Russia WW3')
  })
})

describe('claim memory: the matcher', () => {
  const index = new MemoryIndex()
  index.add({ id: 'pay', text: 'Зеленський заявив, що середня зарплата зросла до 20 тисяч гривень', language: 'uk', date: '2026-09-10' })
  index.add({ id: 'pay-other', text: 'Середня зарплата у Польщі зросла до 7 тисяч злотих', language: 'uk', date: '2026-09-10' })
  index.add({ id: 'bread', text: 'Хліб подорожчав на 20 відсотків за рік', language: 'uk' })
  for (let i = 0; i < 50; i++) index.add({ id: `filler-${i}`, text: `Уряд ухвалив постанову номер ${i} про дороги` })

  it('ranks the claim with the same figure and the same person first, across scripts and number forms', () => {
    const [best, second] = index.match({
      text: 'Zelensky: the average salary rose to 20,000 hryvnias — Зеленский, 20 000 гривен',
      language: 'ru',
    })
    expect(best?.id).toBe('pay')
    expect(best?.reasons.numbers).toEqual(['20000'])
    expect(second?.id).not.toBe('bread')
  })

  it('reads who posted a pasted post and when from its signature, and ranks by them', () => {
    const post = 'Iran could attack Trump hotels worldwide — [Ilhan Omar] (@IlhanMN) January 6, 2020'
    expect(postSignatureOf(post)).toEqual({ author: 'Ilhan Omar', date: '2020-01-06' })
    expect(postSignatureOf('No signature here')).toBeNull()
    const posts = new MemoryIndex()
    posts.add({ id: 'omar', text: 'In January 2020 Ilhan Omar told Iran to attack Trump hotels' })
    posts.add({ id: 'old', text: 'In March 2017 a congresswoman told Iran to attack Trump hotels' })
    for (let i = 0; i < 50; i++) posts.add({ id: `filler-${i}`, text: `Hotel number ${i} opened in town` })
    expect(posts.match({ text: post })[0]?.id).toBe('omar')
    expect(posts.match({ text: 'Iran could attack Trump hotels worldwide', date: '2020-01-10' })[0]?.id).toBe('omar')
    expect(posts.match({ text: 'Iran could attack Trump hotels worldwide', speaker: 'Ilhan Omar' })[0]?.id).toBe('omar')
  })

  it('finds the check that names the claimant when the post shares no other word with it', () => {
    const checks = new MemoryIndex()
    checks.add({ id: 'pope', text: 'Pope Francis said gun owners cannot call themselves Christians' })
    for (let i = 0; i < 50; i++) checks.add({ id: `filler-${i}`, text: `A ban on fireworks number ${i} in town` })
    const post = 'Do we really want peace? Then ban all weapons. — Pope Francis (@Pontifex) April 29, 2018'
    expect(checks.match({ text: post })[0]?.id).toBe('pope')
    expect(checks.match({ text: 'Do we really want peace? Then ban all weapons.', speaker: 'Pope Francis' })[0]?.id).toBe('pope')
    // Confidence (what "seen before" shows and marks by) counts the claim's own words, not the claimant's name.
    const [other] = checks.match({ text: 'Unemployment fell to five percent', speaker: 'Pope Francis' })
    expect(other?.id).toBe('pope')
    expect(other?.confidence).toBe(0)
  })

  it('finds nothing to rank for a claim that shares no word, figure or name', () => {
    expect(index.match({ text: 'Weather balloons are spy satellites' })).toEqual([])
  })
})

describe('claim memory: fact-check archives', () => {
  const claimReview = (n: number): object => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://checks.example/${n}`,
    claimReviewed: `Claim number ${n}`,
    datePublished: `2026-01-0${n}`,
    author: { '@type': 'Organization', name: 'Checks' },
    reviewRating: { '@type': 'Rating', alternateName: 'False' },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A. Speaker' } },
  })

  it('reads ClaimReview as one object, an array, a DataFeed and the JSON-LD blocks of a saved page', () => {
    expect(reviewsFromFile('one.json', JSON.stringify(claimReview(1))).map((r) => r.claim)).toEqual(['Claim number 1'])
    expect(reviewsFromFile('many.json', JSON.stringify([claimReview(1), claimReview(2)]))).toHaveLength(2)
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [claimReview(1), claimReview(2), claimReview(3)],
    }
    const read = reviewsFromFile('feed.json', JSON.stringify(feed))
    expect(read.map((r) => [r.verdict, r.claimant, r.outlet, r.url])[2]).toEqual([
      'False',
      'A. Speaker',
      'Checks',
      'https://checks.example/3',
    ])
    const page = `<html><script type="application/ld+json">${JSON.stringify(claimReview(4))}</script><script type="application/ld+json">{broken</script></html>`
    expect(reviewsFromFile('page.html', page).map((r) => r.claim)).toEqual(['Claim number 4'])
  })

  it('names the file when it holds no fact-checks, or is not JSON', () => {
    expect(() => reviewsFromFile('empty.json', '{"@type":"Article"}')).toThrow(/"empty\.json" holds no fact-checks/)
    expect(() => reviewsFromFile('bad.json', '{oops')).toThrow(/"bad\.json" is not valid JSON/)
  })
})

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { matchLanguage, shippedLanguages, SOURCE_LANGUAGE, withPseudo, type Catalogue } from '@contract/i18n/translator'
import { PSEUDO_LANGUAGE, pseudoMessage } from '@contract/i18n/pseudo'
import { renderReport } from '@domain/report'
import { catalogues, translator } from '../helpers/translator'
import { SAMPLE_OPTIONS, sampleProject } from '../fixtures/report/projects'

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`. */
function flatten(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  )
}

/** The ICU arguments a message fills in ("count", "title"), plural and select ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into)
      continue
    }
    into.add(element.value)
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into)
    }
  }
  return into
}

const languages = shippedLanguages(catalogues)
const source = new Map(flatten(catalogues[SOURCE_LANGUAGE]!))

describe('the catalogues', () => {
  it('ship English and Ukrainian, found by their files', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'uk']))
    expect(languages[0]).toBe('en')
    expect(languages).not.toContain(PSEUDO_LANGUAGE)
  })

  for (const language of languages.filter((l) => l !== SOURCE_LANGUAGE)) {
    it(`${language} has every English key and no other, each with the same ICU arguments`, () => {
      const messages = new Map(flatten(catalogues[language]!))
      expect([...messages.keys()].filter((key) => !source.has(key))).toEqual([])
      expect([...source.keys()].filter((key) => !messages.has(key))).toEqual([])
      const differing = [...source].flatMap(([key, english]) => {
        const theirs = [...argumentsOf(parse(messages.get(key)!))].sort()
        const ours = [...argumentsOf(parse(english))].sort()
        return theirs.join() === ours.join() ? [] : [`${key}: ${language} {${theirs.join()}} vs en {${ours.join()}}`]
      })
      expect(differing).toEqual([])
    })

    it(`${language} has no empty message and none left in English`, () => {
      const messages = flatten(catalogues[language]!)
      expect(messages.filter(([, text]) => !text.trim())).toEqual([])
      // A message may equal English only when it is a name or a code ("ID {id}", "ClaimReview").
      const same = messages.filter(
        ([key, text]) =>
          text === source.get(key) && /[a-z]{3}/.test(text.replace(/\{[^}]*\}|ClaimReview|Factdesk|Markdown|SHA-256|URL/g, '')),
      )
      expect(same).toEqual([])
    })
  }

  it('every message parses as ICU MessageFormat', () => {
    for (const language of languages) {
      for (const [key, text] of flatten(catalogues[language]!)) expect(() => parse(text), `${language} ${key}`).not.toThrow()
    }
  })
})

describe('plurals', () => {
  const counts = [0, 1, 2, 5, 11, 21, 22, 25]
  it('say Ukrainian counts with the one, few and many forms', () => {
    const { t } = translator('uk')
    expect(counts.map((count) => t('report.statClaims', { count }))).toEqual([
      'тверджень у звіті',
      'твердження у звіті',
      'твердження у звіті',
      'тверджень у звіті',
      'тверджень у звіті',
      'твердження у звіті',
      'твердження у звіті',
      'тверджень у звіті',
    ])
    expect(counts.map((total) => t('report.claimsOfProject', { shown: 1, total }))).toEqual([
      '1 з 0 тверджень у проєкті',
      '1 з 1 твердження у проєкті',
      '1 з 2 тверджень у проєкті',
      '1 з 5 тверджень у проєкті',
      '1 з 11 тверджень у проєкті',
      '1 з 21 твердження у проєкті',
      '1 з 22 тверджень у проєкті',
      '1 з 25 тверджень у проєкті',
    ])
  })

  it('say English counts with one and other, digits grouped', () => {
    const { t } = translator('en')
    expect(counts.map((count) => t('report.highlighted', { count }).split(' highlighted')[0])).toEqual([
      '0 reported claims',
      '1 reported claim',
      '2 reported claims',
      '5 reported claims',
      '11 reported claims',
      '21 reported claims',
      '22 reported claims',
      '25 reported claims',
    ])
    expect(t('report.claimsOfProject', { shown: 8724, total: 12000 })).toBe('8,724 of 12,000 claims in the project')
    expect(translator('uk').t('report.claimsOfProject', { shown: 8724, total: 12000 })).toBe('8\u00a0724 з 12\u00a0000 тверджень у проєкті')
  })
})

describe('choosing a language', () => {
  it('matches the system language to a shipped one, else English', () => {
    expect(matchLanguage(languages, ['uk-UA', 'en-US'])).toBe('uk')
    expect(matchLanguage(languages, ['de-DE', 'uk'])).toBe('uk')
    expect(matchLanguage(languages, ['de-DE'])).toBe('en')
  })

  it('makes a pseudo-locale that is longer, accented and keeps the ICU arguments working', () => {
    const english = 'Left out: {count, plural, one {# claim} other {# claims}} not Done ({list}).'
    const pseudo = pseudoMessage(english)
    expect(pseudo.length).toBeGreaterThan(english.length * 1.3)
    expect(pseudo).not.toMatch(/claim/)
    const t = translator(PSEUDO_LANGUAGE)
    expect(t.language).toBe('en')
    const all = withPseudo(catalogues)
    expect(Object.keys(all)).toContain(PSEUDO_LANGUAGE)
  })
})

describe('a report in Ukrainian', () => {
  const uk = { ...SAMPLE_OPTIONS, translator: translator('uk') }
  const html = renderReport(sampleProject(), 'html', uk).content
  const markdown = renderReport(sampleProject(), 'md', uk).content

  it('has its headings, summary and status names in Ukrainian, and the report language on the document', () => {
    expect(html).toContain('<html lang="uk">')
    expect(html).toContain('<p class="eyebrow">Звіт про перевірку</p>')
    expect(html).toContain('<h2 id="summary">Підсумок</h2>')
    expect(html).toContain('<span class="stat-value">5</span><span class="stat-label">тверджень у звіті</span>')
    expect(html).toContain('<td>В роботі</td>')
    expect(markdown).toContain('- **Створено:** 27 листопада 2026 р. о 14:05 UTC')
    expect(markdown).toContain('**Фактчекер:** Ana Ruiz')
    expect(markdown).toContain('У звіті 5 тверджень, з вердиктом — 4, перевірено (готово) — 3.')
    expect(markdown).toContain('| В роботі | 1 | 20% |')
  })

  it('keeps PolitiFact’s labels as published, with their descriptions translated', () => {
    expect(markdown).toContain('| Half True | 1 | 20% |')
    expect(markdown).toContain('- **Half True:** Твердження частково точне')
  })

  it('keeps the claims and the article in their own language', () => {
    expect(html).toContain('<blockquote class="claim-text" dir="auto" lang="en">')
  })

  it('translates a preset Factdesk publishes itself, and leaves a checker’s own labels alone', () => {
    const project = sampleProject()
    const conclusion = {
      id: 'conclusion',
      name: 'Conclusion only',
      labels: [
        {
          id: 'correct',
          label: 'Correct',
          color: '#1a7f37',
          value: null,
          description: 'The claim is right; the conclusion says so in a sentence.',
        },
        { id: 'incorrect', label: 'Wrong (our word)', color: '#cf222e', value: null, description: 'Ours.' },
      ],
    }
    const md = renderReport({ ...project, ratingScale: conclusion, claims: [] }, 'md', uk).content
    expect(md).toContain('- **Правильно:** Твердження правильне')
    expect(md).toContain('- **Wrong (our word):** Ours.')
    expect(md).toContain('Шкала оцінок: Лише висновок')
  })

  it('writes the CSV header row in Ukrainian', () => {
    const csv = renderReport(sampleProject(), 'csv', uk).content
    expect(csv.split('\r\n')[0]).toContain('"ID твердження","Твердження","Автор твердження"')
  })
})

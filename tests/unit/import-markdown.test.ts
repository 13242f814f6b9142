import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importBytes, importFile } from '@engine/import'
import { encodeLegacy } from '../fixtures/import/encode'

const FIXTURES = join(import.meta.dirname, '../fixtures/import')

describe('importing Markdown', () => {
  it('keeps the words without markup, headings and list items as paragraphs, front matter as metadata', async () => {
    expect(await importFile(join(FIXTURES, 'article.md'))).toEqual({
      text: [
        'Eastvale cuts water use',
        'Eastvale used 41.2 million cubic metres of water in 2024, according to the city’s annual report. That is 8 percent less than in 2015.',
        'What changed',
        'Crews fixed 312 leaks.',
        'About 12,000 homes got meters:',
        '9,000 houses',
        '3,000 flats',
        'Leaks first.',
        'Meters second.',
        '“The numbers are roughly broadly right,” said engineer Lena Brandt.\nShe checked them herself.',
        'Year | Million m³',
        '2015 | 44.8',
        '2024 | 41.2',
        'total = 41.2',
        'Correction: an earlier version gave the wrong year.',
        'Eastvale Water Board, Annual Report 2024.',
      ].join('\n\n'),
      title: 'Eastvale cuts water use by 8 percent',
      outlet: 'Eastvale Evening Post',
      author: 'Amara Okafor, Tomás Ruiz',
      url: 'https://news.example.org/eastvale/water-2024',
      publishedAt: '2025-03-14',
      language: 'en',
      format: 'markdown',
      encoding: 'utf-8',
      warnings: [],
      // The first heading is not the front matter's title, so it is not taken for the headline.
      recognised: [],
    })
  })

  it('takes the first top-level heading as the title when there is no front matter', async () => {
    const markdown =
      'Intro line.\n\n# Нова назва статті\n\nТекст *статті* з [посиланням](https://example.org).\n\n## Розділ\n\n1) перший\n2) другий\n'
    expect(await importBytes(Buffer.from(markdown), 'стаття.markdown')).toMatchObject({
      text: 'Intro line.\n\nНова назва статті\n\nТекст статті з посиланням.\n\nРозділ\n\nперший\n\nдругий',
      title: 'Нова назва статті',
      language: null,
      format: 'markdown',
    })
  })

  it('reads a Markdown file in a legacy encoding', async () => {
    const markdown = '# Réforme des retraites\n\nLe Sénat a adopté le texte **jeudi** par 195 voix contre 112.'
    const result = await importBytes(encodeLegacy(markdown, 'windows-1252'), 'retraites.md')
    expect(result.text).toBe('Réforme des retraites\n\nLe Sénat a adopté le texte jeudi par 195 voix contre 112.')
    expect(result.encoding).toBe('windows-1252')
  })

  it('warns about front matter that is not YAML and still imports the text', async () => {
    const result = await importBytes(Buffer.from('---\ntitle: [unclosed\n---\n\nThe text.'), 'broken.md')
    expect(result.text).toBe('The text.')
    expect(result.warnings).toEqual([
      'The front matter at the top of the file is not valid YAML, so its title, author and date were not read.',
    ])
  })
})

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SampleArticle } from '@contract/api'
import { AppError } from '@domain/errors'

const HEADER = /^(Title|Outlet|Author|Published|Language):\s*(.*)$/

/** The sample article in resources/samples: a few "Key: value" header lines, a blank line, the text. */
export function parseSample(raw: string): SampleArticle {
  const sample: SampleArticle = { title: '', outlet: '', author: '', publishedAt: '', language: 'und', text: '' }
  const lines = raw.replace(/\r\n?/g, '\n').split('\n')
  let i = 0
  for (; i < lines.length; i++) {
    const match = HEADER.exec(lines[i] ?? '')
    if (!match) break
    const value = (match[2] ?? '').trim()
    if (match[1] === 'Title') sample.title = value
    else if (match[1] === 'Outlet') sample.outlet = value
    else if (match[1] === 'Author') sample.author = value
    else if (match[1] === 'Published') sample.publishedAt = value
    else sample.language = value
  }
  sample.text = lines.slice(i).join('\n').trim()
  return sample
}

export async function readSample(resourcesDir: string): Promise<SampleArticle> {
  const file = join(resourcesDir, 'samples', 'sample-article.txt')
  try {
    return parseSample(await readFile(file, 'utf8'))
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      `The sample article is missing from this installation ("${file}"): ${(error as Error).message}. Reinstall Factdesk.`,
      { key: 'install.missing', params: { file } },
    )
  }
}

import type { Translator } from '@domain/translate'

/**
 * The notes an import leaves (a guessed encoding, hyphens joined, pages without text) are written by
 * the engine as English sentences, which the CLI prints and the import tests pin. The UI says them in
 * the checker's language by reading each back from its fixed format (src/engine/import: index.ts,
 * text-decoding.ts, markdown.ts, html.ts, pdf.ts) into `import.note.<key>` with its values; a note
 * in no known format is shown as written.
 */
const NOTES: readonly [RegExp, (groups: string[]) => { key: string; values: Record<string, string | number> }][] = [
  [
    /^"(.+)" is (a PDF|a Word \(\.docx\) document|a web page) despite its name, so it was read as one\.$/s,
    ([file = '', kind]) => ({ key: 'readAs', values: { file, kind: kind === 'a PDF' ? 'pdf' : kind === 'a web page' ? 'html' : 'docx' } }),
  ],
  [
    /^The file is not UTF-8; it was read as (.+)\. If letters look wrong, save it as UTF-8 and import it again\.$/s,
    ([encoding = '']) => ({ key: 'encodingGuessed', values: { encoding } }),
  ],
  [
    /^The front matter at the top of the file is not valid YAML, so its title, author and date were not read\.$/s,
    () => ({ key: 'frontMatter', values: {} }),
  ],
  [
    /^The page did not look like an article, so all of its text except menus, headers and footers was imported; remove anything that is not part of the article\.$/s,
    () => ({ key: 'notArticle', values: {} }),
  ],
  [
    /^Pages? (\d+(?:, \d+)*) of the PDF (?:has|have) no text layer; .+$/s,
    ([pages = '']) => ({ key: 'pagesWithoutText', values: { pages, count: pages.split(', ').length } }),
  ],
  [
    /^(\d+) words? (?:was|were) hyphenated across lines and joined without the hyphen \((.*)\); check them against the PDF\.$/s,
    ([count, words = '']) => ({ key: 'hyphensJoined', values: { count: Number(count), words } }),
  ],
]

/** One import note in the translator's language, or as the engine wrote it when it is in no format this Factdesk writes. */
export function importNoteText(note: string, translator: Translator): string {
  for (const [pattern, read] of NOTES) {
    const match = pattern.exec(note)
    if (!match) continue
    // A group that took no part in the match is undefined at run time, though typed as a string.
    const { key, values } = read(match.slice(1).map((g: string | undefined) => g ?? ''))
    return translator.t(`import.note.${key}`, values)
  }
  return note
}

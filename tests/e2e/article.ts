import { expect, type Page } from '@playwright/test'

/**
 * Selects article text between two offsets, as a checker dragging the mouse would: the range is
 * built on the rendered text nodes (each piece carries its article offset in data-start).
 */
export async function selectArticleRange(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    ([from, to]) => {
      const pieces = [...document.querySelectorAll<HTMLElement>('.article-text [data-start]')]
      const locate = (offset: number, preferEnd: boolean): [Node, number] => {
        for (const piece of pieces) {
          const begin = Number(piece.dataset.start)
          const length = piece.textContent.length
          const inside = preferEnd ? offset > begin && offset <= begin + length : offset >= begin && offset < begin + length
          if (inside && piece.firstChild) return [piece.firstChild, offset - begin]
        }
        throw new Error(`offset ${offset} is not in the rendered article`)
      }
      const range = document.createRange()
      range.setStart(...locate(from, false))
      range.setEnd(...locate(to, true))
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    [start, end] as const,
  )
  // The app has taken the selection in when it offers to make a claim of it.
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
}

/** Selects the first occurrence of `quote` in the article text. */
export async function selectArticleText(page: Page, articleText: string, quote: string): Promise<{ start: number; end: number }> {
  const start = articleText.indexOf(quote)
  if (start < 0) throw new Error(`"${quote}" is not in the article`)
  await selectArticleRange(page, start, start + quote.length)
  return { start, end: start + quote.length }
}

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { savedProject, seedNewsProject, openFromLibrary } from '../seed'

test.describe('sources and rating scales', () => {
  test('adds a source with every field, reuses it on another claim, edits and removes it', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^According to Transport Focus/ }).click()
    await page.getByRole('button', { name: 'Add source' }).click()
    await page.getByLabel('URL', { exact: true }).fill('https://www.example.org/punctuality-2025')
    await page.getByLabel('Title').fill('Punctuality statistics 2025')
    await page.getByLabel('Publisher').fill('Rail Regulator')
    await page.getByLabel('Date').fill('2026-02-14')
    await page.getByLabel('Quoted excerpt').fill('67.9% of trains arrived within a minute of schedule.')
    await page.getByLabel('Archive URL').fill('https://web.archive.org/web/2026/https://www.example.org/punctuality-2025')
    await page.getByLabel('Reliability note').fill('Official statistics')
    await page.getByRole('button', { name: 'Add source', exact: true }).last().click()

    const link = page.getByRole('link', { name: 'Punctuality statistics 2025' })
    await expect(link).toHaveAttribute('href', 'https://www.example.org/punctuality-2025')
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(page.getByRole('link', { name: 'Archived copy' })).toBeVisible()
    await expect(page.getByText('67.9% of trains arrived within a minute of schedule.')).toBeVisible()

    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.getByLabel('Cite a source already in this project').selectOption({ label: 'Punctuality statistics 2025' })
    await expect(page.getByRole('heading', { name: 'Sources (1)' })).toBeVisible()
    await page.getByRole('button', { name: 'Edit source Punctuality statistics 2025' }).click()
    await page.getByLabel('Title').fill('Passenger rail performance 2025')
    await page.getByRole('button', { name: 'Save source' }).click()
    await expect(page.getByRole('link', { name: 'Passenger rail performance 2025' })).toBeVisible()
    await page.getByRole('button', { name: 'Remove source Passenger rail performance 2025 from this claim' }).click()
    await expect(page.getByRole('heading', { name: 'Sources (0)' })).toBeVisible()

    const saved = await savedProject(page, path)
    expect(saved.sources).toEqual([
      expect.objectContaining({
        url: 'https://www.example.org/punctuality-2025',
        title: 'Passenger rail performance 2025',
        publisher: 'Rail Regulator',
        date: '2026-02-14',
        excerpt: '67.9% of trains arrived within a minute of schedule.',
        archiveUrl: 'https://web.archive.org/web/2026/https://www.example.org/punctuality-2025',
        reliability: 'Official statistics',
      }),
    ])
    const id = saved.sources[0]!.id
    expect(saved.claims.find((c) => c.id === 'c-punctual')?.sourceIds).toEqual([id])
    expect(saved.claims.find((c) => c.id === 'c-fares')?.sourceIds).toEqual([])

    // Deleting it from the project takes it off every claim that cited it.
    await page.getByRole('option', { name: /^According to Transport Focus/ }).click()
    await page.getByRole('button', { name: 'Edit source Passenger rail performance 2025' }).click()
    await page.getByRole('button', { name: 'Delete from project…' }).click()
    await page.getByRole('button', { name: 'Delete it from every claim' }).click()
    await expect(page.getByRole('heading', { name: 'Sources (0)' })).toBeVisible()
    const after = await savedProject(page, path)
    expect(after.sources).toEqual([])
    expect(after.claims.every((c) => c.sourceIds.length === 0)).toBe(true)
  })

  test('refuses a non-web URL for a source and never renders one as a link', async ({ page, bridge, openApp }) => {
    await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.getByRole('button', { name: 'Add source' }).click()
    await page.getByLabel('URL', { exact: true }).fill('javascript:alert(1)')
    await page.getByLabel('Title').fill('Trap')
    await page.getByRole('button', { name: 'Add source', exact: true }).last().click()
    await expect(page.getByRole('alert').filter({ hasText: 'The URL must start with http:// or https://.' })).toBeVisible()
  })

  test('attaches a local file, copied beside the project', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await page.getByRole('button', { name: 'Add source' }).click()
    await page.getByLabel('Title').fill('Fares notice (scan)')
    await page
      .getByLabel(/Attach a local file/)
      .setInputFiles({ name: 'fares notice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 fares') })
    await page.getByRole('button', { name: 'Add source', exact: true }).last().click()
    await expect(page.getByRole('button', { name: 'File: fares notice.pdf' })).toBeVisible()
    const saved = await savedProject(page, path)
    expect(saved.sources[0]?.attachment).toBe('rail-fares-to-rise.files/fares notice.pdf')
    expect(await readFile(join(bridge.home, 'rail-fares-to-rise.files', 'fares notice.pdf'), 'utf8')).toBe('%PDF-1.4 fares')
  })

  test('switches to a preset scale and builds a custom one', async ({ page, bridge, openApp }) => {
    const { path } = await seedNewsProject(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('button', { name: 'Scale: PolitiFact Truth-O-Meter' }).click()
    await page.getByRole('button', { name: 'Meta / AFP ratings' }).click()
    await page.getByRole('button', { name: 'Use this scale' }).click()
    await expect(page.getByRole('button', { name: 'Scale: Meta / AFP ratings' })).toBeVisible()
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await expect(page.getByRole('button', { name: /Missing context/ })).toBeVisible()

    await page.getByRole('button', { name: 'Scale: Meta / AFP ratings' }).click()
    await page.getByRole('button', { name: 'Conclusion only' }).click()
    await page.getByLabel('Scale name').fill('Newsroom scale')
    await page.getByRole('button', { name: 'Add label' }).click()
    await page.getByLabel('Label 6 name').fill('Exaggerated')
    await page.getByLabel('Label 6 colour').fill('#aa5500')
    await page.getByLabel('Label 6 number for ClaimReview').fill('2')
    await page.getByLabel('Label 6 description').fill('Right direction, wrong size.')
    await page.getByRole('button', { name: 'Remove label 5' }).click()
    await page.getByRole('button', { name: 'Use this scale' }).click()
    await expect(page.getByRole('button', { name: 'Scale: Newsroom scale' })).toBeVisible()
    await page.keyboard.press('5')
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await expect(page.getByRole('button', { name: /Exaggerated/, pressed: true })).toBeVisible()

    const saved = await savedProject(page, path)
    expect(saved.ratingScale.name).toBe('Newsroom scale')
    expect(saved.ratingScale.labels.map((l) => l.label)).toEqual(['Correct', 'Incorrect', 'Misleading', 'Needs context', 'Exaggerated'])
    expect(saved.ratingScale.labels[4]).toMatchObject({ color: '#aa5500', value: 2, description: 'Right direction, wrong size.' })
    expect(saved.claims[0]?.verdict).toBe(saved.ratingScale.labels[4]?.id)
  })
})

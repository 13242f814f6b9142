import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { sealHistory } from '@domain/evidence/chain'
import { newProject } from '@domain/project/create'
import type { Claim, Project } from '@domain/project/schema'
import { sha256, writeNewProjectFile } from '@engine/project-store'
import { claimIn } from '../helpers/projects'
import type { Bridge } from './bridge'

export const NEWS = `Ministers said on Monday that rail fares will rise by 4.6% in March, the smallest increase in five years.

The transport secretary told parliament the network carried 1.7 billion passengers last year. "We have never run more trains," she said.

Passenger groups disagree. According to Transport Focus, only 68% of trains arrived on time in 2025. Is that good enough? We think not.

Tickets for the heritage steam line cost £12 and can be booked on 0161 555 0199.`

/** A claim as the engine would propose it: a whole sentence, status "suggested", a figure as its reason. */
export function suggestion(text: string, quote: string, score: number, id: string): Claim {
  const claim = claimIn(text, id, quote, { origin: 'suggested', status: 'suggested', score })
  const figure = /\d[\d.,]*%?/.exec(quote)
  const at = claim.start + (figure?.index ?? 0)
  return { ...claim, reasons: figure ? [{ kind: 'figure', text: figure[0], start: at, end: at + figure[0].length }] : [] }
}

/** The news article above with three proposed claims, written into the test's projects folder. */
export async function seedNewsProject(bridge: Bridge, title = 'Rail fares to rise'): Promise<{ path: string; project: Project }> {
  const base = newProject(
    { title, text: NEWS, outlet: 'Test Courier', publishedAt: '2026-11-02', language: 'en' },
    { now: new Date('2026-11-20T08:00:00Z'), author: 'seed' },
  )
  const project: Project = {
    ...base,
    claims: [
      suggestion(
        NEWS,
        'Ministers said on Monday that rail fares will rise by 4.6% in March, the smallest increase in five years.',
        0.91,
        'c-fares',
      ),
      suggestion(
        NEWS,
        'The transport secretary told parliament the network carried 1.7 billion passengers last year.',
        0.88,
        'c-passengers',
      ),
      suggestion(NEWS, 'According to Transport Focus, only 68% of trains arrived on time in 2025.', 0.95, 'c-punctual'),
    ],
  }
  // Sealed from its first entry, as the app's own project:create writes a new project.
  const path = await writeNewProjectFile(bridge.home, title, sealHistory(project, sha256, 0))
  return { path, project }
}

export async function readProject(path: string): Promise<Project> {
  return JSON.parse(await readFile(path, 'utf8')) as Project
}

/** Waits until the top bar says Saved, then returns the project as it is on disk. */
export async function savedProject(page: Page, path: string): Promise<Project> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  return readProject(path)
}

/** Opens the seeded project from the library and waits until its article is on screen. */
export async function openFromLibrary(page: Page, title = 'Rail fares to rise'): Promise<void> {
  await page.locator('.project-row', { hasText: title }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  await expect(page.locator('.article-text [data-start]').first()).toBeVisible()
}

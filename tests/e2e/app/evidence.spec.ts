import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import JSZip from 'jszip'
import type { Edited } from '@contract/api'
import type { Project } from '@domain/project/schema'
import { createDispatcher } from '@engine/dispatcher'
import { generateSigningKeys, verifyCaseFile } from '@engine/evidence/case-file'
import type { Bridge } from '../bridge'
import { expect, test } from '../fixtures'
import { NEWS, openFromLibrary, readProject, savedProject, seedNewsProject } from '../seed'

// Screens for people to look at, beside the ones screenshots.spec.ts captures.
const OUT = process.env.SCREENSHOTS_DIR ?? 'test-results/screens'
const MINUTES = 'Fares notice: 4.6% from March.'
const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * A project worked on in Factdesk (so its history is sealed): a verdict, a rationale, a source with
 * an attached file, then closed. Returns its path, for the test to edit the file as someone outside would.
 */
async function workedProject(bridge: Bridge, title: string): Promise<string> {
  const { path, project } = await seedNewsProject(bridge, title)
  const dispatch = createDispatcher(bridge.services.handlers)
  const call = async (channel: string, input: Record<string, unknown>): Promise<Edited> => {
    const result = await dispatch(channel, { path, ...input })
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as Edited
  }
  await call('project:open', {})
  await call('claim:setVerdict', { id: 'c-fares', verdict: project.ratingScale.labels[0]!.id })
  await call('claim:update', { id: 'c-fares', fields: { rationale: 'The notice gives 4.6%.' } })
  const fields = {
    url: 'https://rail.example/notice',
    title: 'Fares notice',
    publisher: '',
    date: '',
    excerpt: '',
    archiveUrl: '',
    reliability: '',
  }
  const source = (await call('source:add', { claimId: 'c-fares', fields })).project.sources[0]!
  await call('source:attachFile', { sourceId: source.id, fileName: 'minutes.txt', dataBase64: Buffer.from(MINUTES).toString('base64') })
  await call('project:close', {})
  return path
}

/** Rewrites the project file's JSON as an editor outside Factdesk would. */
async function editOnDisk(path: string, change: (project: Project) => void): Promise<void> {
  const project = await readProject(path)
  change(project)
  await writeFile(path, `${JSON.stringify(project, null, 2)}\n`)
}

async function openProject(page: Page, title: string): Promise<void> {
  await openFromLibrary(page, title)
}

const badge = (page: Page) => page.locator('.topbar-actions').getByRole('button', { name: /history|attached file|case file/i })

test.describe('the evidence badge', () => {
  test('a schema 3 file says "not recorded" calmly while read-only, and opening it writable starts an intact chain', async ({
    page,
    bridge,
    openApp,
  }) => {
    const { chmod } = await import('node:fs/promises')
    const legacy = async (title: string): Promise<string> => {
      const { path } = await seedNewsProject(bridge, title)
      await editOnDisk(path, (p) => {
        const file = p as unknown as Record<string, unknown>
        delete file.evidence
        file.schemaVersion = 3
        p.history = p.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry)
      })
      return path
    }
    const readOnly = await legacy('Legacy read-only')
    await chmod(readOnly, 0o444)
    const path = await legacy('Upgraded on open')
    await openApp()
    await openFromLibrary(page, 'Legacy read-only')
    await expect(badge(page)).toHaveText('No history chain yet')
    await badge(page).click()
    const dialog = page.getByRole('dialog', { name: 'Evidence check' })
    await expect(dialog).toContainText('That is not a sign of tampering')
    await expect(dialog.locator('.evidence-check', { hasText: 'History chain' })).toContainText('Not recorded yet')
    await page.screenshot({ path: join(OUT, 'evidence-not-recorded.png') })
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: '← Projects' }).click()

    await openFromLibrary(page, 'Upgraded on open')
    await expect(badge(page)).toHaveText('History intact')
    const saved = await savedProject(page, path)
    expect(saved.history.at(-1)?.action).toBe('history.chain')
    await badge(page).click()
    // The head the dialog offers to quote is the one written to the file.
    await expect(page.getByRole('dialog', { name: 'Evidence check' }).locator('.evidence-head code')).toHaveAttribute(
      'title',
      saved.history.at(-1)!.hash!,
    )
  })

  test('an untouched project is intact; edits made outside Factdesk show on the badge and in its details', async ({
    page,
    bridge,
    openApp,
  }) => {
    const cases: { title: string; change: ((p: Project) => void) | null; label: string; detail: RegExp }[] = [
      { title: 'Untouched', change: null, label: 'History intact', detail: /Attached files: All 1 attached files/ },
      {
        title: 'Verdict changed',
        change: (p) => void (p.claims.find((c) => c.id === 'c-fares')!.verdict = p.ratingScale.labels[4]!.id),
        label: 'History changed outside Factdesk',
        detail: /Project matches its history: The project was changed outside Factdesk/,
      },
      {
        title: 'Rationale changed',
        change: (p) => void (p.claims.find((c) => c.id === 'c-fares')!.rationale = 'The notice gives 2.6%.'),
        label: 'History changed outside Factdesk',
        detail: /Project matches its history: The project was changed outside Factdesk/,
      },
      {
        title: 'Chain stripped',
        change: (p) => void (p.history = p.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry)),
        label: 'History changed outside Factdesk',
        detail: /History chain: No history entry carries a hash/,
      },
      {
        title: 'Schema lowered',
        change: (p) => {
          p.history = p.history.map(({ prev: _p, state: _s, hash: _h, ...entry }) => entry)
          ;(p as unknown as Record<string, unknown>).schemaVersion = 3
        },
        label: 'History changed outside Factdesk',
        detail: /The file says it is schema 3, yet it carries fields only schema 4/,
      },
      {
        title: 'Source removed',
        change: (p) => {
          p.sources = []
          for (const claim of p.claims) claim.sourceIds = []
        },
        label: 'History changed outside Factdesk',
        detail: /Project matches its history: The project was changed outside Factdesk/,
      },
      {
        title: 'Entry rewritten',
        change: (p) => void (p.history[1]!.author = 'someone else'),
        label: 'History changed outside Factdesk',
        detail: /entry 2 .* was changed after it was written/,
      },
      {
        title: 'Entry removed',
        change: (p) => void p.history.splice(2, 1),
        label: 'History changed outside Factdesk',
        detail: /follows an entry that is no longer in the history/,
      },
    ]
    for (const { title } of cases) await workedProject(bridge, title)
    for (const { title, change } of cases) {
      if (change) await editOnDisk(join(bridge.home, `${title.toLowerCase().replace(/ /g, '-')}.factdesk.json`), change)
    }
    await openApp()
    for (const { title, label, detail } of cases) {
      await openProject(page, title)
      await expect(badge(page)).toHaveText(label)
      await badge(page).click()
      const dialog = page.getByRole('dialog', { name: 'Evidence check' })
      await expect(dialog.locator('.evidence-checks')).toContainText(detail)
      await page.screenshot({ path: join(OUT, `evidence-${title.toLowerCase().replace(/ /g, '-')}.png`) })
      await dialog.getByRole('button', { name: 'Close' }).click()
      if (title === 'Verdict changed') {
        // An edit in Factdesk seals the state it found; what was found at opening still shows for the session.
        await page.getByRole('option', { name: /^The transport secretary/ }).click()
        await page.keyboard.press('2')
        await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
        await badge(page).click()
        await expect(dialog.getByRole('heading', { name: 'When the project was opened' })).toBeVisible()
        await expect(dialog.locator('.evidence-checks').last()).toContainText('Project matches its history: The claims')
        await expect(badge(page)).toHaveText(label)
        await dialog.getByRole('button', { name: 'Close' }).click()
      }
      await page.getByRole('button', { name: '← Projects' }).click()
    }
  })

  test('an attached file swapped on disk shows on the badge and on its source with both hashes', async ({ page, bridge, openApp }) => {
    const path = await workedProject(bridge, 'Attachment swapped')
    const attachment = join(dirname(path), (await readProject(path)).sources[0]!.attachment)
    const swapped = 'Fares notice: 2.6% from March.'
    await writeFile(attachment, swapped)
    await openApp()
    await openProject(page, 'Attachment swapped')
    await expect(badge(page)).toHaveText('Attached file changed')

    await page.getByRole('option', { name: /^Ministers said/ }).click()
    const warning = page.locator('.source-card').getByRole('note')
    await expect(warning).toContainText('Attached file changed since it was attached: minutes.txt')
    await expect(warning.locator('code').first()).toHaveText(`${sha(MINUTES).slice(0, 12)}…`)
    await expect(warning.locator('code').first()).toHaveAttribute('title', sha(MINUTES))
    await expect(warning.locator('code').nth(1)).toHaveAttribute('title', sha(swapped))
    await expect(warning).toContainText(`${Buffer.byteLength(MINUTES)} bytes`)
    await warning.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(OUT, 'evidence-attachment-changed.png') })
    await badge(page).click()
    await expect(page.getByRole('dialog', { name: 'Evidence check' })).toContainText(
      `expected SHA-256 ${sha(MINUTES)}, found ${sha(swapped)}`,
    )
    await page.screenshot({ path: join(OUT, 'evidence-attachment-changed-details.png') })
    expect(await readFile(attachment, 'utf8')).toBe(swapped)
  })

  test('an attached file deleted on disk shows as missing on its source', async ({ page, bridge, openApp }) => {
    const path = await workedProject(bridge, 'Attachment gone')
    const { rm } = await import('node:fs/promises')
    await rm(join(dirname(path), (await readProject(path)).sources[0]!.attachment))
    await openApp()
    await openProject(page, 'Attachment gone')
    await expect(badge(page)).toHaveText('Attached file changed')
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    const warning = page.locator('.source-card').getByRole('note')
    await expect(warning).toContainText('Attached file missing: minutes.txt')
    await expect(warning).toContainText('Found nothing at')
  })
})

test.describe('the case file', () => {
  test('Export ▸ Case file downloads the zip factdesk verify accepts, and a changed byte in it is caught', async ({
    page,
    bridge,
    openApp,
  }) => {
    const path = await workedProject(bridge, 'Case export')
    await openApp()
    await openProject(page, 'Case export')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export case file' }).click()
    const file = await downloading
    expect(file.suggestedFilename()).toBe('case-export.case.zip')
    // The claim has no claimant and the project no publication yet: the ClaimReview is left out, and the dialog says why.
    await expect(dialog.getByRole('list', { name: 'Left out of the case file' })).toContainText(
      'ClaimReview (schema.org JSON-LD): incomplete: it needs the fact check’s address',
    )
    await page.screenshot({ path: join(OUT, 'evidence-case-export.png') })

    const bytes = await readFile(await file.path())
    const report = await verifyCaseFile(bytes, file.suggestedFilename())
    expect(report.checks.filter((c) => c.status !== 'intact')).toEqual([])
    expect(report.intact).toBe(true)
    const saved = await readProject(path)
    expect(report.head).toBe(saved.history.at(-1)!.hash)
    const zip = await JSZip.loadAsync(bytes)
    expect(Object.keys(zip.files).sort()).toEqual(
      expect.arrayContaining([
        'MANIFEST.json',
        'project/case-export.factdesk.json',
        'project/case-export.files/minutes.txt',
        'reports/case-export.report.html',
        'reports/case-export.report.json',
      ]),
    )
    expect(await zip.file('project/case-export.files/minutes.txt')!.async('string')).toBe(MINUTES)

    zip.file('project/case-export.files/minutes.txt', MINUTES.replace('4.6', '4.7'))
    const changed = await verifyCaseFile(await zip.generateAsync({ type: 'uint8array' }), 'changed.case.zip')
    expect(changed.intact).toBe(false)
    expect(changed.checks.find((c) => c.id === 'case-files')?.details.join(' ')).toContain(
      '"project/case-export.files/minutes.txt" was changed',
    )
  })
})

test.describe('opening a case file', () => {
  /** The case file of a worked project, as Export ▸ Case file writes it. */
  async function caseOf(bridge: Bridge, title: string): Promise<Buffer> {
    const path = await workedProject(bridge, title)
    const dispatch = createDispatcher(bridge.services.handlers)
    await dispatch('project:open', { path })
    const rendered = await dispatch('evidence:renderCase', { path })
    await dispatch('project:close', { path })
    if (!rendered.ok) throw new Error(rendered.error.message)
    return Buffer.from((rendered.value as { content: string }).content, 'base64')
  }
  const choose = async (page: Page, name: string, buffer: Buffer, publicKeyPem?: string): Promise<void> => {
    await page.getByLabel('Choose an article file').setInputFiles({ name, mimeType: 'application/zip', buffer })
    const dialog = page.getByRole('dialog', { name: 'Open a case file' })
    await expect(dialog).toContainText(name)
    if (publicKeyPem !== undefined)
      await dialog
        .getByLabel("The organisation's public key, to check its signature (optional)")
        .setInputFiles({ name: 'factdesk-signing.pub', mimeType: 'application/x-pem-file', buffer: Buffer.from(publicKeyPem) })
    await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  }

  test('unpacks beside a project of the same name without touching it, verifies it and opens it', async ({ page, bridge, openApp }) => {
    const zip = await caseOf(bridge, 'Case open')
    const original = await readFile(join(bridge.home, 'case-open.factdesk.json'))
    await openApp()
    await choose(page, 'case-open.case.zip', zip)
    await expect(page.getByRole('status').filter({ hasText: 'Opened the case file case-open.case.zip' })).toContainText(
      'as case-open-2.factdesk.json (case-open.factdesk.json was taken): every file matches its manifest and the history is intact.',
    )
    await expect(page.getByRole('heading', { level: 2, name: 'Case open' })).toBeVisible()
    await expect(badge(page)).toHaveText('History intact')
    await badge(page).click()
    const dialog = page.getByRole('dialog', { name: 'Evidence check' })
    await expect(dialog.getByRole('heading', { name: 'The case file it was opened from: case-open.case.zip' })).toBeVisible()
    await expect(dialog).toContainText('Files in the case: All')
    await page.screenshot({ path: join(OUT, 'evidence-case-opened.png') })
    await dialog.getByRole('button', { name: 'Close' }).click()

    expect(await readFile(join(bridge.home, 'case-open.factdesk.json'))).toEqual(original)
    expect(await readFile(join(bridge.home, 'case-open-2.files', 'minutes.txt'), 'utf8')).toBe(MINUTES)
    const unpacked = await readProject(join(bridge.home, 'case-open-2.factdesk.json'))
    expect(unpacked.sources[0]!.attachment).toBe('case-open-2.files/minutes.txt')
    expect(unpacked.history.at(-1)).toMatchObject({ action: 'case.open', summary: expect.stringContaining('case-open.case.zip') })
    // The source shows no warning: its file was moved with it, byte for byte.
    await page.getByRole('option', { name: /^Ministers said/ }).click()
    await expect(page.getByRole('button', { name: 'File: minutes.txt' })).toBeVisible()
    await expect(page.locator('.source-card').getByRole('note')).toHaveCount(0)
  })

  test('a case file changed after it was written is opened and said to be so', async ({ page, bridge, openApp }) => {
    const zip = await JSZip.loadAsync(await caseOf(bridge, 'Case changed'))
    zip.file('reports/case-changed.report.html', '<p>rewritten</p>')
    await openApp()
    await choose(page, 'changed.case.zip', Buffer.from(await zip.generateAsync({ type: 'uint8array' })))
    await expect(page.getByRole('alert').filter({ hasText: 'Opened the case file changed.case.zip' })).toContainText('it is not intact')
    await expect(badge(page)).toHaveText('Case file changed after it was written')
    await badge(page).click()
    await expect(page.getByRole('dialog', { name: 'Evidence check' })).toContainText(
      '"reports/case-changed.report.html" was changed: the manifest says SHA-256',
    )
    // Unpacked under a new name, the move's history entry keeps for later sessions that the case did not verify.
    expect((await readProject(join(bridge.home, 'case-changed-2.factdesk.json'))).history.at(-1)?.summary).toContain(
      'The case file did not verify when opened (Files in the case)',
    )
  })

  test('signed from the export dialog; opened with the organisation’s public key it passes, with another key it fails', async ({
    page,
    bridge,
    openApp,
  }) => {
    const keys = generateSigningKeys()
    const other = generateSigningKeys()
    await workedProject(bridge, 'Case signed')
    await openApp()
    await openProject(page, 'Case signed')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
    await dialog.getByLabel("Sign with the organisation's key").check()
    const keyInput = dialog.getByLabel('Private key file (factdesk-signing.key)')
    // The public key chosen by mistake is refused, naming the file and what to choose instead.
    await keyInput.setInputFiles({
      name: 'factdesk-signing.pub',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(keys.publicKeyPem),
    })
    await dialog.getByRole('button', { name: 'Export case file' }).click()
    await expect(dialog.getByRole('alert')).toContainText('“factdesk-signing.pub” holds a public key, not a private key')
    await keyInput.setInputFiles({
      name: 'factdesk-signing.key',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(keys.privateKeyPem),
    })
    await page.screenshot({ path: join(OUT, 'evidence-case-sign.png') })
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export case file' }).click()
    const file = await downloading
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded the signed case file case-signed.case.zip' })).toBeVisible()
    // Used once: the key input is empty again.
    await expect(keyInput).toHaveValue('')
    const bytes = await readFile(await file.path())
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('MANIFEST.sig')
    const verified = await verifyCaseFile(bytes, 'case-signed.case.zip', keys.publicKeyPem)
    expect(verified.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'intact' })
    // Nothing of the key is kept: not in the project, the settings or the projects folder.
    const { readdir } = await import('node:fs/promises')
    const body = keys.privateKeyPem.split('\n')[1]!
    for (const name of await readdir(bridge.root, { recursive: true })) {
      const text = await readFile(join(bridge.root, name), 'utf8').catch(() => '')
      expect(text.includes(body), name).toBe(false)
    }
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: '← Projects' }).click()

    await choose(page, 'case-signed.case.zip', bytes, keys.publicKeyPem)
    await expect(page.getByRole('status').filter({ hasText: 'Opened the case file case-signed.case.zip' })).toContainText(
      'Its signature matches the public key you gave.',
    )
    await expect(badge(page)).toHaveText('History intact')
    await badge(page).click()
    await expect(page.getByRole('dialog', { name: 'Evidence check' })).toContainText('Signature: The manifest is signed by the key given.')
    await page.getByRole('dialog', { name: 'Evidence check' }).getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: '← Projects' }).click()

    await page
      .getByLabel('Choose an article file')
      .setInputFiles({ name: 'case-signed.case.zip', mimeType: 'application/zip', buffer: bytes })
    await page
      .getByRole('dialog', { name: 'Open a case file' })
      .getByLabel("The organisation's public key, to check its signature (optional)")
      .setInputFiles({ name: 'other.pub', mimeType: 'application/x-pem-file', buffer: Buffer.from(other.publicKeyPem) })
    await page.screenshot({ path: join(OUT, 'evidence-case-open-key.png') })
    await page.getByRole('dialog', { name: 'Open a case file' }).getByRole('button', { name: 'Open', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Opened the case file case-signed.case.zip' })).toContainText(
      'Its signature does not match the public key you gave',
    )
    await expect(badge(page)).toHaveText('Case file not signed by that key')
    await badge(page).click()
    await expect(page.getByRole('dialog', { name: 'Evidence check' })).toContainText(
      'Signature: The signature does not match the manifest and the key given',
    )
  })

  test('a zip that would unpack to more than an import may is refused before anything is unpacked', async ({ page, bridge, openApp }) => {
    const bomb = new JSZip()
    bomb.file('MANIFEST.json', '{}')
    bomb.file('project/bomb.factdesk.json', Buffer.alloc(65 * 1024 * 1024, 0x20))
    const bytes = Buffer.from(await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
    expect(bytes.byteLength).toBeLessThan(1024 * 1024)
    await openApp()
    await choose(page, 'bomb.case.zip', bytes)
    await expect(page.getByRole('alert')).toContainText('“bomb.case.zip” would unpack to more than Factdesk unpacks from one file')
    const { readdir } = await import('node:fs/promises')
    expect((await readdir(bridge.home).catch(() => [])).filter((name) => name.startsWith('bomb'))).toEqual([])
  })
})

test.describe('a newer version of the article', () => {
  test('re-anchors each claim, shows the changed one with old and new words, lists the gone one, and keeps the earlier text', async ({
    page,
    bridge,
    openApp,
  }) => {
    const { path } = await seedNewsProject(bridge)
    const newer = NEWS.replace('rise by 4.6% in March', 'rise by 4.8% in March').replace(
      'According to Transport Focus, only 68% of trains arrived on time in 2025. ',
      '',
    )
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('button', { name: 'Import a newer version…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a newer version of the article' })
    await dialog.getByLabel('Paste the newer text').fill(newer)
    await dialog.getByRole('button', { name: 'Import and find the claims' }).click()

    const changes = page.getByRole('dialog', { name: 'What changed in version 2' })
    await expect(changes.getByRole('region', { name: 'Claims gone from the article' })).toContainText(
      'According to Transport Focus, only 68% of trains arrived on time in 2025.',
    )
    await expect(changes.locator('del', { hasText: '4.6' })).toBeVisible()
    await expect(changes.locator('ins', { hasText: '4.8' })).toBeVisible()
    await expect(changes.locator('mark.changed-claim').first()).toContainText('Ministers said on Monday')
    await page.screenshot({ path: join(OUT, 'evidence-what-changed.png') })
    await changes.getByRole('button', { name: 'Close' }).click()

    await expect(page.locator('.claim-list').getByRole('option')).toHaveCount(2)
    const fares = page.getByRole('option', { name: /^Ministers said on Monday that rail fares will rise by 4\.8%/ })
    await expect(fares).toContainText('Changed')
    await fares.click()
    const note = page.getByRole('note').filter({ hasText: 'Changed in version 2 of the article' })
    await expect(note.locator('del')).toHaveText(
      'Ministers said on Monday that rail fares will rise by 4.6% in March, the smallest increase in five years.',
    )
    await expect(note.locator('ins')).toHaveText(
      'Ministers said on Monday that rail fares will rise by 4.8% in March, the smallest increase in five years.',
    )
    await page.screenshot({ path: join(OUT, 'evidence-claim-changed.png') })

    const saved = await savedProject(page, path)
    expect(saved.article.text).toBe(newer)
    expect(saved.evidence.versions).toHaveLength(1)
    expect(saved.evidence.versions[0]!.text).toBe(NEWS)
    expect(saved.evidence.versions[0]!.removedClaims.map((c) => c.id)).toEqual(['c-punctual'])
    expect(saved.claims.map((c) => [c.id, c.anchor?.state])).toEqual([
      ['c-fares', 'changed'],
      ['c-passengers', 'unchanged'],
    ])
    expect(saved.history.at(-1)?.summary).toContain('1 claims unchanged, 0 moved, 1 changed, 1 gone')

    // Reports carry the version history: what the edit after the check removed and changed.
    const rendered = await createDispatcher(bridge.services.handlers)('report:render', { path, format: 'html', claims: 'all' })
    if (!rendered.ok) throw new Error(rendered.error.message)
    const html = (rendered.value as { content: string }).content
    expect(html).toContain('<h2 id="versions">Article versions</h2>')
    expect(html).toMatch(
      /The article was edited after it was first checked: version 2 replaced version 1 on [A-Z][a-z]+ \d{1,2}, \d{4}; the claim “According to Transport Focus, only 68% of trains arrived on time in 2025\.” was removed; claim 1 was changed \(it read “Ministers said on Monday that rail fares will rise by 4\.6% in March/,
    )
  })

  /** A project whose article was re-imported twice: version 2 drops the punctuality sentence, version 3 the passengers one. */
  async function threeVersions(bridge: Bridge): Promise<string> {
    const { path } = await seedNewsProject(bridge)
    const dispatch = createDispatcher(bridge.services.handlers)
    const call = async (channel: string, input: Record<string, unknown>): Promise<void> => {
      const result = await dispatch(channel, { path, ...input })
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    }
    const second = NEWS.replace('According to Transport Focus, only 68% of trains arrived on time in 2025. ', '')
    const third = second.replace('The transport secretary told parliament the network carried 1.7 billion passengers last year. ', '')
    await call('project:open', {})
    await call('evidence:importVersion', { text: second, origin: null })
    await call('evidence:importVersion', { text: third, origin: null })
    await call('project:close', {})
    return path
  }

  test('What changed compares any two of three versions', async ({ page, bridge, openApp }) => {
    await threeVersions(bridge)
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('button', { name: 'What changed' }).click()
    const latest = page.getByRole('dialog', { name: 'What changed in version 3' })
    await expect(latest.getByLabel('Compare')).toHaveValue('2')
    await expect(latest.getByLabel('with')).toHaveValue('3')
    await expect(latest.getByRole('region', { name: 'Claims gone from the article' })).toContainText('1.7 billion passengers')
    await expect(latest.getByRole('region', { name: 'Claims gone from the article' })).not.toContainText('Transport Focus')

    await latest.getByLabel('Compare').selectOption('1')
    const whole = page.getByRole('dialog', { name: 'What changed from version 1 to version 3' })
    const gone = whole.getByRole('region', { name: 'Claims gone from the article' })
    await expect(gone.getByRole('listitem')).toHaveText([
      'According to Transport Focus, only 68% of trains arrived on time in 2025.',
      'The transport secretary told parliament the network carried 1.7 billion passengers last year.',
    ])
    await expect(whole.locator('.what-changed del', { hasText: '68% of trains' })).toBeVisible()
    await expect(whole.locator('.what-changed del', { hasText: '1.7 billion' })).toBeVisible()
    await expect(whole.locator('mark.changed-claim').first()).toContainText('Ministers said on Monday')
    await page.screenshot({ path: join(OUT, 'evidence-what-changed-compare.png') })

    // Two earlier versions: the claims are not marked, since their places there are not kept, and it says so.
    await whole.getByLabel('with').selectOption('2')
    const earlier = page.getByRole('dialog', { name: 'What changed in version 2' })
    await expect(earlier).toContainText('the claims are marked only on the current version')
    await expect(earlier.locator('mark.changed-claim')).toHaveCount(0)
    await expect(earlier.locator('.what-changed del', { hasText: '68% of trains' })).toBeVisible()
    await expect(earlier.locator('.what-changed del', { hasText: '1.7 billion' })).toHaveCount(0)
  })

  test('What changed in Ukrainian: the compare selects and the earlier-versions note', async ({ page, bridge, openApp }) => {
    await threeVersions(bridge)
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['uk-UA', 'en'] }))
    await openApp()
    await openFromLibrary(page)
    await page.getByRole('button', { name: 'Що змінилося' }).click()
    const dialog = page.getByRole('dialog', { name: 'Що змінилося у версії 3' })
    await dialog.getByLabel('Порівняти').selectOption('1')
    const whole = page.getByRole('dialog', { name: 'Що змінилося від версії 1 до версії 3' })
    await expect(whole.getByLabel('з').locator('option:checked')).toHaveText('Версія 3 (поточна)')
    await expect(whole).toContainText('Зникли зі статті (2)')
    await page.screenshot({ path: join(OUT, 'evidence-what-changed-compare-uk.png') })
  })
})

test.describe('in Ukrainian', () => {
  test('the badge’s checks and findings, the export dialog’s signing and the case file’s open dialog', async ({
    page,
    bridge,
    openApp,
  }) => {
    const path = await workedProject(bridge, 'Rationale edited')
    await editOnDisk(path, (p) => void (p.claims.find((c) => c.id === 'c-fares')!.rationale = 'The notice gives 2.6%.'))
    await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['uk-UA', 'en'] }))
    await openApp()
    await openProject(page, 'Rationale edited')
    const ukBadge = page.locator('.topbar-actions').getByRole('button', { name: 'Історію змінено поза Factdesk' })
    await ukBadge.click()
    const checks = page.getByRole('dialog', { name: 'Перевірка доказів' }).locator('.evidence-checks')
    await expect(checks).toContainText(
      'Проєкт відповідає своїй історії: Проєкт змінили поза Factdesk після останнього запису історії (вердикт, обґрунтування, твердження, джерело або статтю).',
    )
    await expect(checks).toContainText('Ланцюжок історії: Запечатаних записів: ')
    await expect(checks).toContainText('зафіксував стан')
    await expect(checks).not.toContainText('History chain')
    await page.screenshot({ path: join(OUT, 'evidence-rationale-changed-uk.png') })
    await page.getByRole('dialog', { name: 'Перевірка доказів' }).getByRole('button', { name: 'Закрити' }).click()

    await page.getByRole('button', { name: 'Експорт', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Експорт звіту про перевірку' })
    await dialog.getByLabel('Підписати ключем організації').check()
    await expect(dialog.getByLabel('Файл закритого ключа (factdesk-signing.key)')).toBeVisible()
    await dialog.getByRole('button', { name: 'Експортувати файл справи' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(OUT, 'evidence-case-sign-uk.png') })
    await dialog.getByRole('button', { name: 'Закрити' }).click()
    await page.getByRole('button', { name: '← Проєкти' }).click()

    await page
      .getByLabel('Вибрати файл статті')
      .setInputFiles({ name: 'справа.case.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') })
    const open = page.getByRole('dialog', { name: 'Відкрити файл справи' })
    await expect(open).toContainText('Відкритий ключ організації для перевірки підпису (необов’язково)')
    await page.screenshot({ path: join(OUT, 'evidence-case-open-uk.png') })
    // A key file too large to be a key: refused by name and limit, in Ukrainian.
    const key = open.getByLabel('Відкритий ключ організації для перевірки підпису (необов’язково)')
    await key.setInputFiles({ name: 'ключ.pub', mimeType: 'application/x-pem-file', buffer: Buffer.alloc(12 * 1024, 65) })
    await open.getByRole('button', { name: 'Відкрити', exact: true }).click()
    await expect(open.getByRole('alert')).toContainText('«ключ.pub» більший за 8 КБ, які Factdesk приймає для такого файлу')
    await page.screenshot({ path: join(OUT, 'evidence-case-key-too-large-uk.png') })
    // Not a zip: refused in the dialog, nothing unpacked.
    await key.setInputFiles([])
    await open.getByRole('button', { name: 'Відкрити', exact: true }).click()
    await expect(open.getByRole('alert')).toContainText('«справа.case.zip»')
  })
})

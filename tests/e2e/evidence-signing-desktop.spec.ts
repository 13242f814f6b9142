import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test as base } from '@playwright/test'
import { generateSigningKeys, verifyCaseFile } from '@engine/evidence/case-file'
import { APP_URL, installBridge, type Bridge } from './bridge'
import { openFromLibrary, seedNewsProject } from './seed'

// The desktop's signing: the private key is chosen in the system's open dialog, so it never reaches
// the window. Only the OS dialogs are stand-ins, answering with what a checker would pick.
const picked: { open: string | null; save: string | null; asked: string[] } = { open: null, save: null, asked: [] }
const test = base.extend<{ bridge: Bridge }>({
  bridge: async ({ page }, use) => {
    const bridge = await installBridge(page, {
      desktop: {
        openPath: () => Promise.resolve(),
        chooseOpenFile: ({ title }) => {
          picked.asked.push(title)
          return Promise.resolve(picked.open)
        },
        chooseSaveFile: ({ title }) => {
          picked.asked.push(title)
          return Promise.resolve(picked.save)
        },
        printToPdf: () => Promise.reject(new Error('not printed in this test')),
      },
    })
    await use(bridge)
    await bridge.dispose()
  },
})

test('Sign with the organisation’s key asks for the key in the system dialog, then where to save, and the case verifies', async ({
  page,
  bridge,
}) => {
  const keys = generateSigningKeys()
  const keyDir = join(bridge.root, 'keys')
  await mkdir(keyDir)
  await writeFile(join(keyDir, 'factdesk-signing.key'), keys.privateKeyPem, { mode: 0o600 })
  await seedNewsProject(bridge)
  await page.goto(APP_URL)
  await openFromLibrary(page)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export a verdict report' })
  await dialog.getByLabel("Sign with the organisation's key").check()
  await expect(dialog).toContainText('You choose the private key file (factdesk-signing.key, made by factdesk keygen) when you export.')
  await page.screenshot({ path: join(process.env.SCREENSHOTS_DIR ?? 'test-results/screens', 'evidence-case-sign-desktop.png') })

  // Cancelling the key's dialog writes nothing.
  picked.open = null
  picked.save = join(bridge.root, 'signed.case.zip')
  await dialog.getByRole('button', { name: 'Export case file…' }).click()
  await expect.poll(() => picked.asked.length).toBe(1)
  await expect(dialog.getByRole('button', { name: 'Export case file…' })).toBeEnabled()
  await expect(readFile(picked.save)).rejects.toThrow()

  picked.asked = []
  picked.open = join(keyDir, 'factdesk-signing.key')
  await dialog.getByRole('button', { name: 'Export case file…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Exported the signed case file ${picked.save}` })).toBeVisible()
  expect(picked.asked).toEqual(['Sign with the organisation’s key', 'Export case file'])
  const report = await verifyCaseFile(await readFile(picked.save), 'signed.case.zip', keys.publicKeyPem)
  expect(report.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'intact' })
  expect((await verifyCaseFile(await readFile(picked.save), 'signed.case.zip', generateSigningKeys().publicKeyPem)).intact).toBe(false)
})

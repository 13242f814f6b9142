import { readdir } from 'node:fs/promises'
import { expect, test } from './fixtures'

// The IPC wrapper answers only the app's own frame; the e2e bridge applies the same rule, and this
// shows it: a frame with another URL gets FORBIDDEN and nothing is written.
test('a call from a frame that is not the app is refused', async ({ page, bridge, openApp }) => {
  await openApp()
  const answer = await page.evaluate(async () => {
    const frame = document.createElement('iframe')
    frame.srcdoc = '<p>other</p>'
    document.body.append(frame)
    await new Promise((resolve) => frame.addEventListener('load', resolve))
    const invoke = (frame.contentWindow as unknown as { __factdeskInvoke?: (c: string, i: unknown) => Promise<unknown> }).__factdeskInvoke
    return invoke ? invoke('project:create', { title: 'x', text: 'y' }) : 'no binding in the frame'
  })
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await readdir(bridge.home).catch(() => [])).toEqual([])
})

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, placeWindow, readWindowState, windowStateFile, writeWindowState, type Rect } from '../../src/main/window-state'

const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 875 }
const MONITOR: Rect = { x: 1440, y: -200, width: 2560, height: 1400 }
const saved = (bounds: Rect, maximized = false) => ({ bounds, maximized })

describe('placing the window', () => {
  it('opens centred at the default size the first time', () => {
    expect(placeWindow(null, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false })
  })

  it('fits the default size to a small screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({ width: 1024, height: 700, maximized: false })
  })

  it('restores size, position and maximised state on the display the window was on', () => {
    expect(placeWindow(saved({ x: 1600, y: 0, width: 1800, height: 1000 }, true), [LAPTOP, MONITOR])).toEqual({
      x: 1600,
      y: 0,
      width: 1800,
      height: 1000,
      maximized: true,
    })
  })

  it('moves a window hanging off the edge back onto its display', () => {
    expect(placeWindow(saved({ x: 1000, y: 600, width: 1000, height: 600 }), [LAPTOP])).toEqual({
      x: 440,
      y: 275,
      width: 1000,
      height: 600,
      maximized: false,
    })
  })

  it('shrinks a window larger than its display', () => {
    expect(placeWindow(saved({ x: -50, y: -50, width: 3000, height: 2000 }), [LAPTOP])).toEqual({ ...LAPTOP, maximized: false })
  })

  it('opens centred when its display is gone or it is barely visible', () => {
    expect(placeWindow(saved({ x: 2000, y: 100, width: 1200, height: 800 }, true), [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: true })
    expect(placeWindow(saved({ x: 1400, y: 100, width: 1200, height: 800 }), [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false })
  })

  it('chooses the display that holds most of the window', () => {
    const placement = placeWindow(saved({ x: 1000, y: 0, width: 1200, height: 800 }), [LAPTOP, MONITOR])
    expect(placement).toMatchObject({ x: 1440, width: 1200 })
  })
})

describe('the saved state', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'factdesk-window-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('is written to the config folder and read back', async () => {
    const file = windowStateFile(join(root, 'config'))
    const state = saved({ x: 10, y: 20, width: 1000, height: 700 }, true)
    writeWindowState(file, state)
    expect(await readWindowState(file)).toEqual(state)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state)
  })

  it('is ignored when missing, unreadable or out of range', async () => {
    const file = windowStateFile(root)
    expect(await readWindowState(file)).toBeNull()
    for (const content of [
      '{not json',
      '{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}',
      '{"bounds":{"x":"0"},"maximized":1}',
      '[]',
    ]) {
      await writeFile(file, content)
      expect(await readWindowState(file), content).toBeNull()
    }
  })
})

import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const Size = z.number().int().positive().max(100_000)
const Position = z.number().int().min(-100_000).max(100_000)

const WindowStateSchema = z.object({
  bounds: z.object({ x: Position, y: Position, width: Size, height: Size }),
  maximized: z.boolean(),
})

export type WindowState = z.infer<typeof WindowStateSchema>

/** Where the window opens: no x/y means "centred on the primary display". */
export interface WindowPlacement {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 760, height: 480 }
/** A window showing less than this of itself on a display is treated as off-screen. */
const MIN_VISIBLE = 64

export function windowStateFile(configDir: string): string {
  return join(configDir, 'window-state.json')
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max)

/**
 * Puts the window back where it was, on the display it mostly covered, shrunk and moved to fit
 * that display's work area. A window whose display is gone (an unplugged monitor) or that is
 * barely visible opens centred at the default size instead. `workAreas[0]` is the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0]
  const fallback = (maximized: boolean): WindowPlacement => ({
    width: primary ? Math.min(DEFAULT_SIZE.width, primary.width) : DEFAULT_SIZE.width,
    height: primary ? Math.min(DEFAULT_SIZE.height, primary.height) : DEFAULT_SIZE.height,
    maximized,
  })
  if (!saved) return fallback(false)
  let best: { area: Rect; visible: number } | null = null
  for (const area of workAreas) {
    const { width, height } = overlap(saved.bounds, area)
    if (width < MIN_VISIBLE || height < MIN_VISIBLE) continue
    if (!best || width * height > best.visible) best = { area, visible: width * height }
  }
  if (!best) return fallback(saved.maximized)
  const { area } = best
  const width = clamp(saved.bounds.width, Math.min(MIN_SIZE.width, area.width), area.width)
  const height = clamp(saved.bounds.height, Math.min(MIN_SIZE.height, area.height), area.height)
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  }
}

/** The saved state, or null when there is none or it cannot be used (then the defaults apply). */
export async function readWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Written synchronously: it runs as the window closes, and an app quitting does not wait for
 * pending writes. Temp file and rename, so a crash never leaves half a file.
 */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`)
  renameSync(temp, file)
}

import { constants, createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib'

/**
 * How many bytes compressed data unpacks to, counting up to `limit` and no further: the output is
 * counted and dropped, never kept, so measuring a bomb costs no memory and stops as soon as it is
 * over. `layers` is how many times the data was compressed (a PDF may chain FlateDecode filters).
 * Returns null when the data is not deflate data at all (damaged, or encrypted); the reader then
 * meets the same data and reports it. Truncated data is measured as far as it goes, as pdf.js and
 * JSZip read it.
 */
export function inflatedSize(data: Uint8Array, limit: number, format: 'zlib' | 'raw', layers = 1): Promise<number | null> {
  return new Promise((resolve) => {
    const options = { finishFlush: constants.Z_SYNC_FLUSH }
    const stages: (Inflate | InflateRaw)[] = Array.from({ length: layers }, () =>
      format === 'zlib' ? createInflate(options) : createInflateRaw(options),
    )
    const first = stages[0]
    const last = stages.at(-1)
    if (!first || !last) {
      resolve(data.length)
      return
    }
    let size = 0
    let settled = false
    const settle = (value: number | null): void => {
      if (settled) return
      settled = true
      for (const stage of stages) stage.destroy()
      resolve(value)
    }
    stages.forEach((stage, i) => {
      const next = stages[i + 1]
      if (next) stage.pipe(next)
      stage.on('error', () => settle(size > 0 ? size : null))
    })
    last.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) settle(size)
    })
    last.on('end', () => settle(size))
    first.end(data)
  })
}

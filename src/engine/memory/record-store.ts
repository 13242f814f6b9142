import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'
import type { MemoryRecord } from '@domain/memory/records'

/**
 * The records' display fields (text, rationale, title, URL…) on disk, one JSON line each, read back
 * for the few results shown. Held in memory they were most of the index (230,000 records' text and
 * rationale, ~1 KB each in V8); what ranking and filters need stays in typed arrays instead.
 * Append-only: a record's place never changes, so a cached index (index-cache.ts) can point into it;
 * each index writes to a file of its own, so the app and a `factdesk search` never interleave.
 */
export class RecordStore {
  private readonly fd: number
  private length: number
  private window: { start: number; bytes: Buffer } | null = null

  constructor(
    readonly path: string,
    writable: boolean,
  ) {
    this.fd = openSync(path, writable ? 'a+' : 'r')
    this.length = fstatSync(this.fd).size
  }

  get size(): number {
    return this.length
  }

  /**
   * Appends records; returns where each one is (byte offset and length). The lines are written as
   * one string: a Buffer per record was 230,000 short-lived external allocations in a library build.
   */
  append(records: readonly MemoryRecord[]): { offset: number; length: number }[] {
    const places: { offset: number; length: number }[] = []
    let text = ''
    let at = this.length
    for (const record of records) {
      const line = JSON.stringify(record)
      const length = Buffer.byteLength(line, 'utf8')
      places.push({ offset: at, length })
      text += `${line}\n`
      at += length + 1
    }
    const bytes = Buffer.from(text, 'utf8')
    let written = 0
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written)
    this.length = at
    this.window = null
    return places
  }

  read(offset: number, length: number): MemoryRecord {
    return JSON.parse(this.readText(offset, length)) as MemoryRecord
  }

  /** A record's JSON as written, for a cheap look before parsing it. */
  readText(offset: number, length: number): string {
    const buffer = Buffer.allocUnsafe(length)
    let got = 0
    while (got < length) {
      const n = readSync(this.fd, buffer, got, length - got, offset + got)
      if (n === 0) break
      got += n
    }
    return buffer.toString('utf8', 0, got)
  }

  /** Reads records in file order through a 1 MB window: a whole-index pass (the matcher's warm start) reads each byte once. */
  readAhead(offset: number, length: number): MemoryRecord {
    const window = this.window
    if (!window || offset < window.start || offset + length > window.start + window.bytes.length) {
      const size = Math.max(length, 1 << 20)
      const bytes = Buffer.allocUnsafe(size)
      const n = readSync(this.fd, bytes, 0, size, offset)
      this.window = { start: offset, bytes: bytes.subarray(0, n) }
      if (n < length) return this.read(offset, length)
    }
    const current = this.window as { start: number; bytes: Buffer }
    return JSON.parse(current.bytes.toString('utf8', offset - current.start, offset - current.start + length)) as MemoryRecord
  }

  close(): void {
    this.window = null
    closeSync(this.fd)
  }
}

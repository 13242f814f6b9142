import { afterEach, describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../src/renderer/src/components/format'

const zone = process.env.TZ

describe('dates as the checker reads them', () => {
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('shows a published date as that same day in every time zone, Auckland in summer and Samoa too', () => {
    process.env.TZ = 'UTC'
    const shown = formatDate('2026-12-01')
    expect(shown).toMatch(/\b1\b/)
    expect(shown).toMatch(/2026/)
    for (const tz of ['Pacific/Auckland', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles']) {
      process.env.TZ = tz
      expect(formatDate('2026-12-01'), tz).toBe(shown)
    }
  })

  it('keeps a year, a month, an empty date or a day the calendar lacks as typed', () => {
    expect(formatDate('2026')).toBe('2026')
    expect(formatDate('2026-11')).toBe('2026-11')
    expect(formatDate('')).toBe('')
    expect(formatDate('2026-02-30')).toBe('2026-02-30')
    expect(formatDate('2026-13-01')).toBe('2026-13-01')
  })

  it('shows a timestamp on the checker’s own clock: 03:00 UTC on the 28th is the evening of the 27th in Los Angeles', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(formatDate('2026-11-28T03:00:00.000Z')).toMatch(/\b27\b/)
    expect(formatDateTime('2026-11-28T03:00:00.000Z')).toMatch(/\b27\b/)
  })

  it('shows an unreadable timestamp as it is rather than “Invalid Date”', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday')
  })
})

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, REPORT_STYLE_HASH } from '@contract/csp'
import { REPORT_STYLES } from '@domain/report/html'

describe('the renderer’s Content-Security-Policy', () => {
  it('allows the report stylesheet by its current hash, so the export preview is styled', () => {
    const hash = createHash('sha256').update(REPORT_STYLES, 'utf8').digest('base64')
    expect(REPORT_STYLE_HASH, 'update REPORT_STYLE_HASH in src/contract/csp.ts after changing the report CSS').toBe(`'sha256-${hash}'`)
  })

  it('forbids inline and remote scripts, remote anything, plugins, framing and form posts', () => {
    const directives: Record<string, string> = {}
    for (const directive of CONTENT_SECURITY_POLICY_HEADER.split('; ')) {
      const [name = '', ...values] = directive.split(' ')
      directives[name] = values.join(' ')
    }
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    })
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/)
    expect(directives['script-src']).not.toContain('unsafe-inline')
  })
})

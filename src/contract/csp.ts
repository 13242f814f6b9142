/**
 * The renderer's Content-Security-Policy: everything from the app itself, nothing remote, no
 * inline scripts, no plugins, no framing, no form posts. Used in index.html (build), in the
 * Electron protocol handler's headers and by the browser edition's server.
 */
/**
 * The hash of the verdict report's stylesheet (REPORT_STYLES in src/domain/report/html.ts). The
 * export preview shows the report in a frame that inherits this policy, so its one <style> element
 * is allowed by hash and its colour attributes by style-src-attr; scripts stay forbidden. A unit
 * test keeps the hash in step with the stylesheet.
 */
export const REPORT_STYLE_HASH = "'sha256-uFdvfUMFsMMC6Q4s7ZGUy3j+cD4vgNRQreFOgSQM3YA='"

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `style-src-elem 'self' ${REPORT_STYLE_HASH}`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')

/** As a response header the policy can also forbid framing, which a <meta> policy cannot. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/**
 * The renderer's Content-Security-Policy: everything from the app itself, nothing remote, no
 * inline scripts, no plugins, no framing, no form posts. Used in index.html (build), in the
 * Electron protocol handler's headers and by the browser edition's server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
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

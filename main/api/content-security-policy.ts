// The one Content-Security-Policy of the UI, sent by the Electron app (main/app/security.ts) and
// the browser-mode bridge (main/server/security-headers.ts). renderer/index.html repeats it in a
// meta tag, minus frame-ancestors, which browsers ignore there.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join('; ')

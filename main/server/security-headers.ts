// Response headers of the browser-mode bridge.
import type { ServerResponse } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy'


/** Headers of every static file: a strict policy, no MIME sniffing, no framing, no referrer (the page URL holds the token). */
export function setStaticSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('X-Frame-Options', 'DENY')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

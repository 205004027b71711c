/**
 * The renderer's Content-Security-Policy, the same in the desktop window
 * (app:// protocol and webRequest) and in browser mode (HTTP). The renderer's
 * index.html repeats it in a meta tag, so a copy of the page opened some other
 * way is still locked down.
 *
 * connect-src 'self': browser mode talks to its own origin only; the desktop
 * window uses IPC and needs no network at all.
 *
 * style-src 'unsafe-inline': mail previews are srcdoc frames, and a srcdoc document
 * inherits this policy (a policy in the frame can only add limits, never lift them), so
 * without it every mail's inline styles are dropped and the preview lies. Styles cannot
 * run code; React never writes raw HTML into the app; script-src stays 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every renderer document and asset carries, whatever the transport. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

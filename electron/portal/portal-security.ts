import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The portal's response headers (through @fastify/helmet): a strict Content-Security-Policy
 * (no inline script or style; forms post only to the portal; no framing), no referrer ever (a
 * link token must not reach a third party), nosniff; HSTS only when the portal is served over TLS.
 */
export function portalHelmetOptions(secure: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The session cookie's name and attributes. Over TLS the __Host- prefix makes the browser
 * refuse it unless Secure, host-only and Path=/, so a sibling subdomain cannot plant or
 * overwrite it; over plain HTTP (a loopback test, a portal behind no TLS) it cannot carry Secure.
 */
export function sessionCookie(secure: boolean) {
  return {
    name: secure ? '__Host-portier-session' : 'portier-session',
    options: { path: '/', httpOnly: true, secure, sameSite: 'lax' as const },
  };
}

/**
 * The cookie naming an opened activation or set-password link's server-side state (see
 * core/portal-passwords/portal-links.ts): the token leaves the address, this random name stands
 * in for it for 15 minutes. Same attributes as the session cookie.
 */
export function linkStateCookie(secure: boolean) {
  return {
    name: secure ? '__Host-portier-link' : 'portier-link',
    options: { path: '/', httpOnly: true, secure, sameSite: 'lax' as const },
  };
}

/** The CSRF secret's cookie (double submit: the form carries a token made from it). */
export function csrfCookie(secure: boolean) {
  return {
    name: secure ? '__Host-portier-csrf' : 'portier-csrf',
    options: { path: '/', httpOnly: true, secure, sameSite: 'lax' as const },
  };
}

import { safeEqual } from './tokens.ts';

/** Name of the request header that carries the CSRF token. */
export const CSRF_HEADER = 'X-CSRF-Token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for methods that may change state (POST, PUT, PATCH, DELETE), whatever their case. */
export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** What {@link checkCsrf} needs to know of a request. */
export interface CsrfRequest {
  method: string;
  /** True when the request is authenticated by the session cookie (not by a bearer token). */
  cookieAuth: boolean;
  /** The X-CSRF-Token header, if sent. */
  headerToken?: string;
  /** The CSRF token stored with the session. */
  sessionToken?: string;
  /** The Origin header, if sent. */
  origin?: string;
  /** The Host header. */
  host?: string;
}

/**
 * True when an Origin header names the same host as the Host header.
 * Both go through the URL parser, so case and default ports (":443" on https) compare equal.
 */
function sameHost(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    // An Origin is only scheme://host[:port]; anything more is not one a browser sends.
    if (from.username || from.password || from.pathname !== '/' || from.search || from.hash) return false;
    const to = new URL(`${from.protocol}//${host.trim()}`);
    return to.pathname === '/' && !to.username && !to.password && !to.search && !to.hash && from.host === to.host;
  } catch {
    return false;
  }
}

/**
 * Decides whether a request passes the CSRF check.
 * Only cookie-authenticated, state-changing requests are checked: they must carry X-CSRF-Token equal to the
 * session's token and, when Origin is present, come from the same host. Bearer-token requests are exempt,
 * since a browser never attaches them by itself.
 * @returns undefined when allowed, else an English reason for refusing.
 */
export function checkCsrf(req: CsrfRequest): string | undefined {
  if (!req.cookieAuth || !isStateChanging(req.method)) return undefined;
  if (!req.sessionToken) return 'The session has no CSRF token; sign in again.';
  if (!req.headerToken) return `Missing ${CSRF_HEADER} header.`;
  if (!safeEqual(req.headerToken, req.sessionToken)) return `The ${CSRF_HEADER} header does not match the session.`;
  if (req.origin !== undefined) {
    if (!req.host) return 'The request has an Origin header but no Host header.';
    if (!sameHost(req.origin, req.host)) return `Cross-origin request refused: Origin ${req.origin} is not host ${req.host}.`;
  }
  return undefined;
}

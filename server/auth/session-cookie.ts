/** Name of the session cookie. */
export const SESSION_COOKIE = 'ri_session';

/** Cookie values we write are base64url; refusing anything else keeps the header unforgeable by the caller's input. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]+$/;

/**
 * The Set-Cookie header value for a session:
 * `ri_session=<id>; Path=/; Max-Age=<s>; HttpOnly; SameSite=Strict` and `; Secure` when asked.
 * @throws if `id` is not base64url or `maxAgeSeconds` is not a non-negative integer.
 */
export function sessionCookie(id: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  if (!COOKIE_VALUE.test(id)) throw new Error('Session id must be base64url.');
  if (!Number.isInteger(options.maxAgeSeconds) || options.maxAgeSeconds < 0) {
    throw new Error('maxAgeSeconds must be a non-negative integer.');
  }
  const parts = [`${SESSION_COOKIE}=${id}`, 'Path=/', `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The Set-Cookie header value that deletes the session cookie.
 * Pass `secure` as it was when the cookie was set, so the deleting cookie carries the same attributes.
 */
export function clearSessionCookie(options: { secure?: boolean } = {}): string {
  const parts = [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'Max-Age=0',
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * Reads one cookie from a Cookie request header. The first occurrence wins.
 * @returns its value (double quotes removed), or undefined when absent or empty.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return value === '' ? undefined : value;
  }
  return undefined;
}

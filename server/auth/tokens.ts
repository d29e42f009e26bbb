import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix that marks a Reintegra API token, so leaked tokens are recognisable by secret scanners. */
export const API_TOKEN_PREFIX = 'ri_';

/** 32 random bytes, base64url: 256 bits, enough that guessing is hopeless. */
function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Hashes an API token for storage: SHA-256, hex.
 * Tokens are high-entropy, so a fast hash suffices; no salt or slow hash is needed.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Makes a new API token. Show `token` to the user once; store only `hash`.
 * @returns `token` as `ri_` + 43 base64url characters, and its {@link hashToken}.
 */
export function newApiToken(): { token: string; hash: string } {
  const token = API_TOKEN_PREFIX + randomToken();
  return { token, hash: hashToken(token) };
}

/** A new session id: 32 random bytes, base64url. */
export function newSessionId(): string {
  return randomToken();
}

/** A new CSRF token for a session: 32 random bytes, base64url. */
export function newCsrfToken(): string {
  return randomToken();
}

/**
 * Compares two strings in time that does not depend on where they differ.
 * Both sides are hashed first: timingSafeEqual needs equal lengths, and this way the secret's length does not leak.
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

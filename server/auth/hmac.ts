import { createHmac } from 'node:crypto';

/**
 * Keys a caller's case reference with the server secret: HMAC-SHA256, hex.
 * The reference is stored only as this digest, so the database alone cannot be read back to a person's case.
 */
export function caseRefDigest(secret: string, caseRef: string): string {
  if (secret.length === 0) throw new Error('caseRefDigest needs a non-empty secret.');
  return createHmac('sha256', secret).update(caseRef, 'utf8').digest('hex');
}
